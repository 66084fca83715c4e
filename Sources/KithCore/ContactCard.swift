/// What kith takes from one address-book card: the fields a relationship journal
/// needs (who, what they are called, when their birthday is), nothing of phone numbers
/// or addresses, which stay in the address book.
public struct ContactCard: Hashable, Sendable {
    /// Where the card starts, for messages: `file:line`.
    public var file: String
    public var line: Int
    public var uid: String?
    public var name: String
    /// The vCard `N` value as written (family;given;additional;prefix;suffix).
    public var structuredName: String?
    public var nickname: String?
    public var birthday: Birthday?
    public var note: String
    public var categories: [String]
    /// Categories that could not be group names, each as `file:line: why`.
    public var droppedCategories: [String] = []
    /// The card's lines kith does not model, as they came (phones, emails, addresses…).
    public var otherLines: [String] = []

    public init(file: String, line: Int, uid: String? = nil, name: String, structuredName: String? = nil,
                nickname: String? = nil, birthday: Birthday? = nil, note: String = "", categories: [String] = []) {
        self.file = file
        self.line = line
        self.uid = uid
        self.name = name
        self.structuredName = structuredName
        self.nickname = nickname
        self.birthday = birthday
        self.note = note
        self.categories = categories
    }

    public var place: String { "\(file):\(line)" }
}

/// What importing a set of cards did (or, in a dry run, would do), by person name.
public struct ContactImport: Sendable, Equatable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// Cards that could not be taken in, each as `file:line: reason`.
    public var problems: [String] = []
    public var groupsCreated: [String] = []
    /// People added under a name with a number, because a namesake from another card
    /// already had the name ("Emma Smith (2)").
    public var namesakes: [String] = []
    /// Cards taken in without one of their fields, each as `file:line: what and why`.
    public var warnings: [String] = []

    public init() {}
}

/// How to reach someone, from the lines of their card kith keeps without modelling them
/// (phones and emails from a phone's address book): what a user about to reach out wants.
public enum ContactLines {
    public struct Reach: Equatable, Sendable {
        public let kind: String          // "phone" or "email"
        public let value: String
        /// The card's own label: cell, work, home…
        public let label: String?
    }

    public static func reach(_ lines: [String]) -> [Reach] {
        lines.compactMap { line -> Reach? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            var head = line[..<colon]
            if let dot = head.firstIndex(of: "."), !head[..<dot].contains(";") { head = head[head.index(after: dot)...] }
            let parts = head.split(separator: ";")
            guard let name = parts.first?.uppercased(), name == "TEL" || name == "EMAIL" else { return nil }
            var value = String(line[line.index(after: colon)...]).trimmingSpaces
            if value.lowercased().hasPrefix("tel:") { value = String(value.dropFirst(4)) }
            if value.lowercased().hasPrefix("mailto:") { value = String(value.dropFirst(7)) }
            guard !value.isEmpty else { return nil }
            let types = parts.dropFirst().flatMap { p -> [String] in
                let kv = p.split(separator: "=", maxSplits: 1)
                let v = kv.count == 2 && kv[0].uppercased() == "TYPE" ? kv[1] : (kv.count == 1 ? kv[0] : "")
                return v.split(separator: ",").map { String($0.filter { $0 != "\"" }).lowercased() }
            }.filter { !["internet", "voice", "pref", "x400", ""].contains($0) }
            return Reach(kind: name == "TEL" ? "phone" : "email", value: value, label: types.isEmpty ? nil : types.joined(separator: ", "))
        }
    }
}
