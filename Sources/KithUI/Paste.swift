import KithCore

/// Text that arrived as a paste (the terminal's bracketed paste): it is text, whatever
/// bytes it holds. It goes whole into the text field that has focus, and none of it is
/// ever read as keys: a pasted Esc, y, Tab or Ctrl-S does nothing but add (or drop)
/// characters. Before, a paste holding `ESC y Tab d y` discarded the form and deleted a
/// moment.
enum Paste {
    static func handle(_ text: String, _ state: inout AppState) -> [Effect] {
        switch state.modal {
        case .filter(var f):
            if f.picker != nil { f.picker?.typeFilter(text) } else if let at = f.focusedText { f[keyPath: at].insert(contentsOf: text) } else { return refuse(&state) }
            state.modal = .filter(f)
            return []
        case .person(var f):
            guard let at = f.focusedText else { return refuse(&state) }
            f[keyPath: at].insert(contentsOf: text)
            state.modal = .person(f)
            return []
        case .group(var f):
            guard let at = f.focusedText else { return refuse(&state) }
            f[keyPath: at].insert(contentsOf: text)
            state.modal = .group(f)
            return []
        case .checkIn(var f):
            if f.picker != nil { f.picker?.typeFilter(text) } else if let at = f.focusedText { f[keyPath: at].insert(contentsOf: text) }
            else if f.typingGoesToNote {
                // Where typing starts the note ("Typing → note"), a paste does too: it was
                // refused there, and c, paste, Ctrl-S logged an empty note.
                f.field = .note
                f.note.insert(contentsOf: text)
            } else { return refuse(&state) }
            state.modal = .checkIn(f)
            return []
        case .some: return refuse(&state)
        case nil: break
        }
        if state.filtering {
            var line = TextBuffer(state.query)
            line.insert(contentsOf: text)
            state.query = line.text
            state.refreshVisible()
            return []
        }
        return refuse(&state)
    }

    /// Nowhere to put text: said, and nothing else happens.
    private static func refuse(_ state: inout AppState) -> [Effect] {
        state.message = "A paste goes into a text field (a note, a name, a filter); nothing here takes text."
        state.messageIsError = true
        return []
    }
}

extension CheckInForm {
    /// The text field that has focus, if it is one.
    var focusedText: WritableKeyPath<CheckInForm, TextBuffer>? {
        switch field {
        case .date: \.date
        case .time: \.time
        case .note: \.note
        default: nil
        }
    }
}

extension PersonForm {
    var focusedText: WritableKeyPath<PersonForm, TextBuffer>? {
        switch field {
        case .name: \.name
        case .nickname: \.nickname
        case .every: \.every
        case .birthday: \.birthday
        case .groups: \.groups
        case .notes: \.notes
        default: nil
        }
    }
}

extension FilterForm {
    var focusedText: WritableKeyPath<FilterForm, TextBuffer>? {
        switch field {
        case .text: \.text
        case .since: \.since
        case .until: \.until
        default: nil
        }
    }
}

extension PickerState {
    /// Pasted text narrows the picker as typed letters would (letters and hyphens only).
    mutating func typeFilter(_ text: String) {
        let letters = text.filter { $0.isLetter || $0 == "-" }
        guard !letters.isEmpty else { return }
        typing = true
        filter += letters.prefix(64)
        if let first = matches.first { cursor = first }
    }
}

extension GroupForm {
    var focusedText: WritableKeyPath<GroupForm, TextBuffer>? {
        switch field {
        case .name: \.name
        case .every: \.every
        case .notes: \.notes
        default: nil
        }
    }
}
