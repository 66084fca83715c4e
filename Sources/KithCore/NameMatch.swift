/// Finds the person (or group) a typed name means.
///
/// In order: the exact name; then the name, then the nickname, equal after folding case
/// and diacritics ("zoe" → "Zoë"); then a unique folded prefix of the whole name, or of
/// any word in it ("ång" → "Zoë Ångström"). Several matches at one step are ambiguous
/// and listed; no match suggests the closest name.
public enum NameMatch<ID: Hashable & Sendable>: Equatable, Sendable {
    case found(ID)
    case ambiguous([String])
    case unknown(suggestion: String?)

    public struct Candidate: Sendable {
        public let id: ID
        public let name: String
        public let nickname: String?
        public init(id: ID, name: String, nickname: String? = nil) {
            self.id = id
            self.name = name
            self.nickname = nickname
        }
    }

    public static func resolve(_ query: String, among candidates: [Candidate]) -> NameMatch {
        let q = query.trimmingSpaces
        if let exact = candidates.first(where: { $0.name == q }) { return .found(exact.id) }
        let fq = Folding.fold(q)
        guard !fq.isEmpty else { return .unknown(suggestion: nil) }
        let folded = candidates.map { c in
            (c, Folding.fold(c.name), c.nickname.map(Folding.fold))
        }
        // A real name wins over a nickname at each step: names are checked first.
        let steps: [((Candidate, String, String?)) -> Bool] = [
            { $0.1 == fq },
            { $0.2 == fq },
            { $0.1.hasPrefix(fq) || ($0.2?.hasPrefix(fq) ?? false) },
            { $0.1.split(separator: " ").contains { $0.hasPrefix(fq) } },
        ]
        for step in steps {
            let hits = folded.filter(step).map(\.0)
            if hits.count == 1 { return .found(hits[0].id) }
            if hits.count > 1 { return .ambiguous(hits.map(\.name).sorted()) }
        }
        let names = candidates.map(\.name) + candidates.compactMap(\.nickname)
        var suggestion = Fuzzy.closest(to: q, among: names)
        if let s = suggestion, let owner = candidates.first(where: { $0.nickname == s }) { suggestion = owner.name }
        return .unknown(suggestion: suggestion)
    }

    public static func == (a: NameMatch, b: NameMatch) -> Bool {
        switch (a, b) {
        case let (.found(x), .found(y)): x == y
        case let (.ambiguous(x), .ambiguous(y)): x == y
        case let (.unknown(x), .unknown(y)): x == y
        default: false
        }
    }
}

/// Groups to join by name, as `--group G` on add and edit and the person form's groups
/// field give them: each name is an existing group (by the usual matching), or a new one
/// to create when it is not close to any existing group's name. Shared by the command
/// line and the full screen, so both refuse and create alike.
public enum GroupJoin {
    /// A name that cannot be joined: one line saying why.
    public struct Problem: Error, Sendable {
        public let message: String
    }

    public static func plan(_ names: [String], among groups: [NameMatch<Int64>.Candidate]) throws -> (existing: [Int64], new: [String]) {
        var existing: [Int64] = [], new: [String] = []
        for raw in names {
            let name = try Names.validate(raw, what: "group name")
            switch NameMatch<Int64>.resolve(name, among: groups) {
            case .found(let id): if !existing.contains(id) { existing.append(id) }
            case .ambiguous(let names):
                throw Problem(message: "group \"\(name)\" could be \(list(names)); type more of the name")
            case .unknown(let suggestion):
                if let suggestion {
                    throw Problem(message: "no group named \"\(name)\" (did you mean \"\(suggestion)\"?); "
                        + "to make a new group of that name, run `kith group add \"\(name)\"` first")
                }
                if !new.contains(where: { Folding.fold($0) == Folding.fold(name) }) { new.append(name) }
            }
        }
        return (existing, new)
    }

    /// "A", "A or B", "A, B or C and 2 more".
    public static func list(_ names: [String]) -> String {
        let quoted = names.prefix(6).map { "\"\($0)\"" }
        let more = names.count > 6 ? " and \(names.count - 6) more" : ""
        if quoted.count <= 1 { return (quoted.first ?? "") + more }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last! + more
    }
}
