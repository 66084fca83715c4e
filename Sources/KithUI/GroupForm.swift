import KithCore

public enum GroupField: Int, CaseIterable, Sendable {
    case name, every, notes, members, save

    var label: String {
        switch self {
        case .name: "name"
        case .every: "every"
        case .notes: "notes"
        case .members: "members"
        case .save: ""
        }
    }

    var isText: Bool { [.name, .every, .notes].contains(self) }
}

/// What the group form asks the store to do. Members are given as changes, so that
/// archived members, whom the form does not list, stay in the group.
public struct GroupDraft: Equatable, Sendable {
    public var id: Int64?
    public var name: String
    public var cadenceDays: Int?
    public var notes: String
    public var adding: [Int64]
    public var removing: [Int64]
    public var isNew: Bool { id == nil }

    public init(id: Int64?, name: String, cadenceDays: Int?, notes: String, adding: [Int64], removing: [Int64]) {
        self.id = id
        self.name = name
        self.cadenceDays = cadenceDays
        self.notes = notes
        self.adding = adding
        self.removing = removing
    }
}

/// Adding or editing a group in the full screen: its name, cadence, notes and who
/// belongs, ticked from everyone not archived (the same as `kith group add/edit`).
public struct GroupForm: Equatable, Sendable {
    public var id: Int64?
    public var field: GroupField = .name
    public var name = TextBuffer()
    public var every = TextBuffer()
    public var notes = TextBuffer(multiline: true)
    /// Everyone who can be ticked, by name: the people not archived.
    public var people: [Int64] = []
    public var names: [String] = []
    public var ticked: Set<Int64> = []
    /// The members when the form opened; archived ones among them are kept as they are.
    var members: Set<Int64> = []
    /// The row of `people` under the cursor in the members list.
    public var cursor = 0
    /// The group's name when the form opened, for the title while it is renamed.
    public var editing = ""
    public var error: String?
    public var confirmingDiscard = false
    public var saving = false
    var initial = ""

    public init(people: [(id: Int64, name: String)]) {
        self.people = people.map(\.id)
        names = people.map(\.name)
        initial = fingerprint
    }

    public init(editing g: Group, members: [Int64], people: [(id: Int64, name: String)]) {
        self.init(people: people)
        id = g.id
        editing = g.name
        name = TextBuffer(g.name)
        every = TextBuffer(g.cadenceDays.map { $0 % 7 == 0 ? "\($0 / 7)w" : "\($0)d" } ?? "")
        notes = TextBuffer(g.notes, multiline: true)
        self.members = Set(members)
        ticked = Set(members)
        initial = fingerprint
    }

    var fingerprint: String {
        [name.text, every.text, notes.text, ticked.sorted().map(String.init).joined(separator: ",")].joined(separator: "|")
    }

    public var isDirty: Bool { fingerprint != initial }

    /// Ticks or unticks the person under the cursor.
    mutating func toggle() {
        guard people.indices.contains(cursor) else { return }
        let id = people[cursor]
        if ticked.contains(id) { ticked.remove(id) } else { ticked.insert(id) }
    }

    /// Moves the cursor to the next person whose name starts with `letter` (after the
    /// cursor, wrapping), as a list in a file manager does: a long roster is crossed in
    /// a key or two. False when nobody's name starts so.
    mutating func jump(to letter: Character) -> Bool {
        let wanted = Folding.fold(String(letter))
        guard !people.isEmpty else { return false }
        for step in 1...people.count {
            let i = (cursor + step) % people.count
            if Folding.fold(names[i]).hasPrefix(wanted) {
                cursor = i
                return true
            }
        }
        return false
    }

    /// The group to store, or a one-line reason why not.
    public func draft() -> Result<GroupDraft, InputError> {
        do {
            let n = try Names.validate(name.text, what: "group name")
            let cadence = every.text.trimmingSpaces.isEmpty ? nil : try Parse.cadence(every.text)
            let listed = Set(people)
            let adding = people.filter { ticked.contains($0) && !members.contains($0) }
            let removing = people.filter { listed.contains($0) && members.contains($0) && !ticked.contains($0) }
            return .success(GroupDraft(id: id, name: n, cadenceDays: cadence, notes: notes.text.trimmingSpaces,
                                       adding: adding, removing: removing))
        } catch let e as InputError {
            return .failure(e)
        } catch {
            return .failure(InputError(String(describing: error)))
        }
    }
}

/// Keys while the group form is open: the person form's conventions, and in the members
/// list ↑/↓ move (leaving the list at its ends), Space ticks, a letter jumps to a name.
enum GroupFormUpdate {
    static func handle(_ key: Key, _ action: Action?, _ state: inout AppState) -> [Effect] {
        guard var form = state.groupForm else { return [] }
        defer { if state.groupForm != nil { state.groupForm = form } }
        form.error = nil
        if form.confirmingDiscard {
            if action == .confirm { state.groupForm = nil; state.message = "Nothing was changed." }
            else if action == .back { form.confirmingDiscard = false }
            return []
        }
        if let moved = withinField(key, &form) { return moved }
        func step(_ d: Int) { form.field = stepped(form.field, in: GroupField.allCases, by: d) }
        switch action {
        case .save: return save(&form)
        case .back:
            if form.isDirty { form.confirmingDiscard = true } else { state.groupForm = nil }
        case .nextField: step(1)
        case .previousField: step(-1)
        case .toggle where form.field == .members: form.toggle()
        case .open:
            if form.field == .save { return save(&form) }
            step(1)
        case .redraw: return [.redraw]
        case nil:
            if key == .enter && form.field != .notes { step(1); return [] }
            switch form.field {
            case .name: FormUpdate.editBuffer(key, &form.name)
            case .every: FormUpdate.editBuffer(key, &form.every)
            case .notes: FormUpdate.editBuffer(key, &form.notes)
            case .members:
                if case .char(let c) = key, c != " ", !form.jump(to: c) { form.error = "Nobody's name starts with \(c)." }
            case .save: break
            }
        default: break
        }
        return []
    }

    /// ↑/↓ inside the notes' lines or the members list; nil at their ends, where the
    /// keys move to the next field as everywhere else.
    static func withinField(_ key: Key, _ form: inout GroupForm) -> [Effect]? {
        guard key == .up || key == .down else { return nil }
        switch form.field {
        case .notes:
            return (key == .up ? form.notes.up() : form.notes.down()) ? [] : nil
        case .members:
            let next = form.cursor + (key == .up ? -1 : 1)
            guard form.people.indices.contains(next) else { return nil }
            form.cursor = next
            return []
        default:
            return nil
        }
    }

    static func save(_ form: inout GroupForm) -> [Effect] {
        guard !form.saving else { return [] }
        switch form.draft() {
        case .failure(let e):
            form.error = e.message
            return []
        case .success(let d):
            form.saving = true
            return [.saveGroup(d)]
        }
    }
}
