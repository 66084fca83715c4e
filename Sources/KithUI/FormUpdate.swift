import KithCore

extension Array where Element: Equatable {
    /// Adds the element if absent, removes it if present: a multi-select toggle.
    mutating func toggle(_ e: Element) {
        if let i = firstIndex(of: e) { remove(at: i) } else { append(e) }
    }
}

/// The field `delta` steps from `current` among `fields`, stopping at the ends.
func stepped<F: Equatable>(_ current: F, in fields: [F], by delta: Int) -> F {
    let i = fields.firstIndex(of: current) ?? 0
    return fields[max(0, min(fields.count - 1, i + delta))]
}

/// Keys while the check-in form (and its emotion picker) is open.
enum FormUpdate {
    static func handle(_ key: Key, _ action: Action?, _ state: inout AppState) -> [Effect] {
        guard var form = state.form else { return [] }
        defer { if state.form != nil { state.form = form } }
        form.error = nil

        if form.confirmingDiscard {
            switch action {
            case .confirm:
                state.form = nil
                state.message = "Check-in discarded."
                return []
            case .back: form.confirmingDiscard = false
            default: break
            }
            return []
        }

        if form.picker != nil {
            picker(key, action, &form, state)
            return []
        }

        // In the note, ↑/↓ move between its lines first, and leave the field at its edges.
        if form.field == .note, key == .up || key == .down {
            let moved = key == .up ? form.note.up() : form.note.down()
            if moved { return [] }
        }

        switch action {
        case .save:
            return save(&form, state)
        case .back:
            if form.isDirty { form.confirmingDiscard = true } else { state.form = nil }
            return []
        case .nextField: step(&form, by: 1)
        case .previousField: step(&form, by: -1)
        case .choiceNext: change(&form, by: 1)
        case .choicePrevious: change(&form, by: -1)
        case .toggle:
            // Space ticks a kind or a member; on any other choice it is not text for the note.
            if form.field == .kinds { form.kinds.toggle(MomentKind.allCases[form.kindCursor]) }
            if form.field == .who { form.toggleMember(at: form.whoCursor) }
        case .open:
            switch form.field {
            case .emotions: form.picker = PickerState(chosen: form.emotions, catalog: state.emotions)
            case .save: return save(&form, state)
            default: step(&form, by: 1)
            }
        case .redraw: return [.redraw]
        case nil:
            if form.field.isText {
                edit(key, &form)
            } else if case .char(let c) = key, c != " " {
                if form.typingGoesToNote {
                    form.field = .note
                    form.note.insert(c)
                } else {
                    form.error = "\(form.field.label) is a choice (← → change it); Tab to the note to type."
                }
            }
        default: break
        }
        return []
    }

    static func save(_ form: inout CheckInForm, _ state: AppState) -> [Effect] {
        guard !form.saving else { return [] }
        switch form.moment(today: state.today) {
        case .failure(let e):
            form.error = e.message
            // Focus the field at fault, when it is one of the typed ones.
            if let field = form.fieldAtFault(today: state.today) { form.field = field }
            return []
        case .success(let m):
            form.saving = true
            return [form.editing == nil ? .saveMoment(m) : .updateMoment(m)]
        }
    }

    static func step(_ form: inout CheckInForm, by delta: Int) {
        form.typingGoesToNote = false
        form.field = stepped(form.field, in: form.fields, by: delta)
    }

    static func cycle<T: CaseIterable & Equatable>(_ value: T, _ delta: Int) -> T {
        let all = Array(T.allCases)
        let i = all.firstIndex(of: value)!
        return all[(i + delta + all.count) % all.count]
    }

    static func change(_ form: inout CheckInForm, by delta: Int) {
        form.typingGoesToNote = false
        switch form.field {
        case .channel: form.channel = cycle(form.channel, delta)
        case .reachedOut: form.initiator = cycle(form.initiator, delta)
        case .kinds: form.kindCursor = max(0, min(MomentKind.allCases.count - 1, form.kindCursor + delta))
        case .who: form.whoCursor = max(0, min(form.members.count - 1, form.whoCursor + delta))
        case .uplift:
            // Not recorded, then −2 … +2.
            let values: [Int?] = [nil, -2, -1, 0, 1, 2]
            let i = values.firstIndex(of: form.uplift) ?? 0
            form.uplift = values[max(0, min(values.count - 1, i + delta))]
        case .depth:
            form.depth = cycle(form.depth, delta)
            if form.depth != .vulnerable { form.received = nil }
        case .received:
            let values: [Reception?] = [nil] + Reception.allCases.map { $0 }
            let i = values.firstIndex(of: form.received) ?? 0
            form.received = values[(i + delta + values.count) % values.count]
        default: break
        }
    }

    static func edit(_ key: Key, _ form: inout CheckInForm) {
        if key == .enter && form.field != .note { step(&form, by: 1); return }
        switch form.field {
        case .date: editBuffer(key, &form.date)
        case .time: editBuffer(key, &form.time)
        case .note: editBuffer(key, &form.note)
        default: break
        }
    }

    /// Text editing keys, shared by every text field of every form.
    static func editBuffer(_ key: Key, _ b: inout TextBuffer) {
        switch key {
        case .char(let c): b.insert(c)
        case .enter: b.insert("\n")
        case .backspace: b.backspace()
        case .delete: b.deleteForward()
        case .left: b.left()
        case .right: b.right()
        case .home, .ctrl("a"): b.home()
        case .end, .ctrl("e"): b.end()
        case .ctrl("u"): b.clear()
        default: break
        }
    }

    // MARK: picker

    static func picker(_ key: Key, _ action: Action?, _ form: inout CheckInForm, _ state: AppState) {
        if let chosen = pickerKey(key, action, &form.picker, state) { form.emotions = chosen }
    }

    /// One key in the emotion picker. Returns the chosen emotions when the user keeps
    /// them (Enter); sets `picker` to nil when it closes either way.
    static func pickerKey(_ key: Key, _ action: Action?, _ picker: inout PickerState?, _ state: AppState) -> [EmotionTag]? {
        guard var p = picker else { return nil }
        // The word under the cursor, unless a filter hides it (Space then does nothing).
        let word = p.layout.order.indices.contains(p.cursor) && p.matches.contains(p.cursor) ? p.layout.order[p.cursor].word : nil
        switch action {
        case .open:
            // Typed a filter and pressed Enter: the highlighted match is what was meant,
            // beside whatever was chosen before (as fzf and every picker do). Before, with
            // "happy" already chosen, "calm" then Enter silently dropped calm.
            if !p.filter.isEmpty, let word, p.intensity(of: word) == nil { p.toggle(word) }
            picker = nil
            return p.chosen
        case .back:
            guard !p.filter.isEmpty || p.typing else {
                picker = nil // cancel: what was chosen before stays
                return nil
            }
            p.filter = ""
            p.typing = false
        case .toggle:
            guard let word else { break }
            p.toggle(word)
            // Chosen from a filter: the next letters start the next word (they once
            // made "calmgrat", matching nothing).
            if p.typing { p.filter = "" }
        case .intensity1: if let word { p.set(word, intensity: 1) }
        case .intensity2: if let word { p.set(word, intensity: 2) }
        case .intensity3: if let word { p.set(word, intensity: 3) }
        case .filter:
            // A new filter, not more of the last one ("sad", Space, "/lonely").
            p.filter = ""
            p.typing = true
        case .moveDown, .moveUp, .choiceNext, .choicePrevious:
            move(&p, action!, list: !fitsGrid(p.layout, state))
        default:
            // Typing: letters start or extend the filter; Backspace shortens it.
            switch key {
            case .char(let c) where c.isLetter || c == "-":
                p.typing = true
                p.filter.append(c)
                if let first = p.matches.first { p.cursor = first }
            case .ctrl("u"):
                p.filter = ""
                p.typing = false
            case .backspace:
                if !p.filter.isEmpty { p.filter.removeLast() }
                if p.filter.isEmpty { p.typing = false }
                if let first = p.matches.first, !p.matches.contains(p.cursor) { p.cursor = first }
            default: break
            }
        }
        picker = p
        return nil
    }

    static func fitsGrid(_ layout: PickerLayout, _ state: AppState) -> Bool {
        state.width >= layout.gridWidth + 2 && state.height >= layout.gridHeight + 2
    }

    static func move(_ p: inout PickerState, _ action: Action, list: Bool) {
        let matches = p.matches
        guard !matches.isEmpty else { return }
        if list || !p.filter.isEmpty {
            // Through the matches in order.
            let i = matches.firstIndex(of: p.cursor) ?? 0
            let forward = action == .moveDown || action == .choiceNext
            p.cursor = matches[max(0, min(matches.count - 1, i + (forward ? 1 : -1)))]
            return
        }
        let layout = p.layout
        let (col, row) = layout.position(p.cursor)
        switch action {
        case .moveDown, .moveUp:
            // Over the gap under a short column, to the next word down (or up) in it.
            let step = action == .moveDown ? 1 : -1
            var r = row + step
            while (0..<layout.topRows + layout.bottomRows).contains(r) {
                if let i = layout.index(at: col, r) { p.cursor = i; return }
                r += step
            }
        case .choiceNext, .choicePrevious:
            // Beside a longer column's last word there may be none: the nearest word
            // above it in the next column, in the same band.
            let c = col + (action == .choiceNext ? 1 : -1)
            let bandStart = row < layout.topRows ? 0 : layout.topRows
            for r in stride(from: row, through: bandStart, by: -1) {
                if let i = layout.index(at: c, r) { p.cursor = i; return }
            }
        default: break
        }
    }
}
