import KithCore

/// Keys while the person form is open: the same conventions as the check-in form.
enum PersonFormUpdate {
    static func handle(_ key: Key, _ action: Action?, _ state: inout AppState) -> [Effect] {
        guard var form = state.personForm else { return [] }
        defer { if state.personForm != nil { state.personForm = form } }
        form.error = nil
        if form.confirmingDiscard {
            if action == .confirm { state.personForm = nil; state.message = "Nothing was changed." }
            else if action == .back { form.confirmingDiscard = false }
            return []
        }
        if form.field == .notes, key == .up || key == .down {
            if key == .up ? form.notes.up() : form.notes.down() { return [] }
        }
        func step(_ d: Int) { form.field = stepped(form.field, in: PersonField.allCases, by: d) }
        switch action {
        case .save: return save(&form, state)
        case .back:
            if form.isDirty { form.confirmingDiscard = true } else { state.personForm = nil }
        case .nextField: step(1)
        case .previousField: step(-1)
        case .choiceNext, .choicePrevious:
            let d = action == .choiceNext ? 1 : -1
            if form.field == .circle { form.circle = FormUpdate.cycle(form.circle, d) }
            if form.field == .bond {
                let values: [BondPurpose?] = [nil] + BondPurpose.allCases.map { $0 }
                let i = values.firstIndex(of: form.bond) ?? 0
                form.bond = values[(i + d + values.count) % values.count]
            }
        case .open:
            if form.field == .save { return save(&form, state) }
            step(1)
        case .redraw: return [.redraw]
        case nil:
            guard form.field.isText else {
                // A letter on a choice picks the value it starts ("i" on circle: inner);
                // it never lands in the notes, which typing "inner" on circle once filled.
                if case .char(let c) = key, c != " " { pick(c, &form) }
                return []
            }
            if key == .enter && form.field != .notes { step(1); return [] }
            switch form.field {
            case .name: FormUpdate.editBuffer(key, &form.name)
            case .nickname: FormUpdate.editBuffer(key, &form.nickname)
            case .every: FormUpdate.editBuffer(key, &form.every)
            case .birthday: FormUpdate.editBuffer(key, &form.birthday)
            case .groups: FormUpdate.editBuffer(key, &form.groups)
            case .notes: FormUpdate.editBuffer(key, &form.notes)
            default: break
            }
        default: break
        }
        return []
    }

    /// The form for a person just read from the store. From a Today line that says "you
    /// usually meet every ~3d; e to adjust", the suggested cadence is filled in, ready to
    /// save or change.
    static func opened(_ p: Person, groups: [String], _ state: AppState) -> PersonForm {
        var form = PersonForm(editing: p, groups: groups)
        if state.showToday, let e = state.selected, e.subject == .person(p.id), let hint = state.cadenceHint(e) {
            form.every = TextBuffer(hint % 7 == 0 ? "\(hint / 7)w" : "\(hint)d")
            form.field = .every
        }
        return form
    }

    static func save(_ form: inout PersonForm, _ state: AppState) -> [Effect] {
        guard !form.saving else { return [] }
        switch form.draft(today: state.today) {
        case .failure(let e):
            form.error = e.message
            return []
        case .success(let d):
            form.saving = true
            return [.savePerson(d)]
        }
    }

    /// The value of the focused choice that starts with `c`, or a word on what it takes.
    static func pick(_ c: Character, _ form: inout PersonForm) {
        let letter = Character(c.lowercased())
        switch form.field {
        case .circle:
            if let v = Circle.allCases.first(where: { $0.rawValue.first == letter }) { form.circle = v; return }
        case .bond:
            if let v = BondPurpose.allCases.first(where: { $0.rawValue.first == letter }) { form.bond = v; return }
        default: break
        }
        form.error = "\(form.field.label) is a choice: ← → change it, or type its first letter."
    }
}
