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
