import KithCore

public enum PersonField: Int, CaseIterable, Sendable {
    case name, nickname, circle, every, birthday, bond, groups, notes, save

    var label: String {
        switch self {
        case .name: "name"
        case .nickname: "nickname"
        case .circle: "circle"
        case .every: "every"
        case .birthday: "birthday"
        case .bond: "for"
        case .groups: "groups"
        case .notes: "notes"
        case .save: ""
        }
    }

    var isText: Bool { ![.circle, .bond, .save].contains(self) }
}

/// What the person form asks the store to do: add someone, or change them.
public struct PersonDraft: Equatable, Sendable {
    public var person: Person
    /// The groups they should be in, by name; new names become new groups.
    public var groups: [String]
    public var isNew: Bool { person.id == 0 }

    public init(person: Person, groups: [String]) {
        self.person = person
        self.groups = groups
    }
}

/// Adding or editing a person from the TUI: the same fields as `kith add`.
public struct PersonForm: Equatable, Sendable {
    public var id: Int64?
    public var field: PersonField = .name
    public var name: TextBuffer
    public var nickname: TextBuffer
    public var circle: Circle
    public var every: TextBuffer
    public var birthday: TextBuffer
    public var bond: BondPurpose?
    public var groups: TextBuffer
    public var notes: TextBuffer
    public var archived = false
    public var addedOn: Day
    /// Who is being edited, as they were named when the form opened: the title says so
    /// while the name field is being changed.
    public var editing = ""
    public var error: String?
    public var confirmingDiscard = false
    public var saving = false
    var initial = ""

    public init(today: Day) {
        name = TextBuffer()
        nickname = TextBuffer()
        circle = .friends
        every = TextBuffer()
        birthday = TextBuffer()
        groups = TextBuffer()
        notes = TextBuffer(multiline: true)
        addedOn = today
        initial = fingerprint
    }

    public init(editing p: Person, groups: [String]) {
        self.init(today: p.addedOn)
        id = p.id
        editing = p.name
        name = TextBuffer(p.name)
        nickname = TextBuffer(p.nickname ?? "")
        circle = p.circle
        every = TextBuffer(p.cadenceDays.map { $0 % 7 == 0 ? "\($0 / 7)w" : "\($0)d" } ?? "")
        birthday = TextBuffer(p.birthday?.description ?? "")
        bond = p.bond
        self.groups = TextBuffer(groups.joined(separator: ", "))
        notes = TextBuffer(p.notes, multiline: true)
        archived = p.archived
        initial = fingerprint
    }

    var fingerprint: String {
        [name.text, nickname.text, circle.rawValue, every.text, birthday.text, bond?.rawValue ?? "", groups.text, notes.text].joined(separator: "|")
    }

    public var isDirty: Bool { fingerprint != initial }

    /// The person to store, or a one-line reason why not.
    public func draft(today: Day) -> Result<PersonDraft, InputError> {
        do {
            let n = try Names.validate(name.text)
            let nick = nickname.text.trimmingSpaces.isEmpty ? nil : try Names.validate(nickname.text, what: "nickname")
            let cadence = every.text.trimmingSpaces.isEmpty ? nil : try Parse.cadence(every.text)
            let b = birthday.text.trimmingSpaces.isEmpty ? nil : try Parse.birthday(birthday.text, today: today)
            let groupNames = try groups.text.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                .map { try Names.validate($0, what: "group name") }
            let p = Person(id: id ?? 0, name: n, nickname: nick, circle: circle, cadenceDays: cadence, birthday: b,
                           bond: bond, notes: notes.text.trimmingSpaces, archived: archived, addedOn: addedOn)
            return .success(PersonDraft(person: p, groups: groupNames))
        } catch let e as InputError {
            return .failure(e)
        } catch {
            return .failure(InputError(String(describing: error)))
        }
    }
}
