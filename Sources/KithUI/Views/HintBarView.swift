import KithCore

/// The bottom line: the keys that work here, from the keymap; or a message after an action.
enum HintBarView {
    static func draw(into grid: inout Grid, state: AppState, area: Rect, keymap: Keymap) {
        grid.fill(area, role: .statusbar)
        if let message = state.message {
            // A long message takes up to three lines, over the panes' last rows: cut to
            // one, an error would lose what it says to do.
            let rows = min(3, Wrap.lines(message, width: area.width - 1).count)
            grid.fill(Rect(x: area.x, y: area.y - rows + 1, width: area.width, height: rows), role: .statusbar)
            grid.putMessage(message, x: area.x + 1, bottom: area.y, width: area.width - 1, maxLines: 3,
                            role: state.messageIsError ? .error : .statusbar, attrs: state.messageIsError ? .bold : [])
            return
        }
        let context = state.context
        let line = context == .today ? state.todayLine : nil
        let all = shown(keymap.bindings(in: context), state: state, keymap: keymap)
        // On a snoozed Today line, z lifts the snooze rather than snoozing a week; on a
        // day already answered, Esc keeps the answer rather than saying "not today".
        func hint(_ b: Binding) -> String {
            if b.action == .snoozeWeek, case .snoozed? = line { return "lift snooze" }
            if b.action == .back, state.selfForm?.revising == true, state.context == .selfCheckin { return "keep answer" }
            return b.hint
        }
        func width(_ b: Binding) -> Int { TerminalText.width(b.hintLabel) + 1 + TerminalText.width(hint(b)) + 2 }
        // Help and quit are kept when the line is short: they are how to find the rest,
        // and how to leave. The others go in keymap order (most used first) while they fit.
        let kept: Set<Action> = [.help, .quit]
        // The last item needs no gap after it.
        var room = area.width + 1 - all.filter { kept.contains($0.action) }.map(width).reduce(0, +)
        var shown: [Binding] = []
        var full = false
        for b in all {
            if kept.contains(b.action) { shown.append(b); continue }
            guard !full, width(b) <= room else { full = true; continue }
            room -= width(b)
            shown.append(b)
        }
        var x = area.x + 1
        for b in shown {
            guard x + width(b) <= area.maxX + 2 else { break }
            x += grid.put(b.hintLabel, x: x, y: area.y, role: .keyhintKey, attrs: .bold)
            x += 1
            x += grid.put(hint(b), x: x, y: area.y, role: .keyhintDesc)
            x += 2
        }
    }

    /// The bindings worth a place on the line: each action once, and only where its key
    /// would act, as the update answers. A binding shown stands for the hidden ones
    /// listed right after it ("j/k move", "1-3 intensity"), so it counts when any of them
    /// acts. A key that would do just what Tab does (Enter on a choice moves on) is left
    /// out. In the lists every key acts, and asking there would re-sort the roster for
    /// each hint of each frame.
    static func shown(_ bindings: [Binding], state: AppState, keymap: Keymap) -> [Binding] {
        if [.roster, .timeline, .filtering].contains(state.context) {
            var seen = Set<Action>()
            return bindings.filter { $0.inHintBar && seen.insert($0.action).inserted }
        }
        let tab = bindings.first { $0.action == .nextField }.flatMap { Update.outcome(of: $0.keys[0], in: state, keymap: keymap) }
        var seen = Set<Action>()
        return bindings.indices.compactMap { i in
            let b = bindings[i]
            guard b.inHintBar, seen.insert(b.action).inserted else { return nil }
            let keys = b.keys + bindings[(i + 1)...].prefix { !$0.inHintBar }.flatMap(\.keys)
            guard let outcome = keys.lazy.compactMap({ Update.outcome(of: $0, in: state, keymap: keymap) }).first else { return nil }
            return b.action != .nextField && outcome == tab ? nil : b
        }
    }
}
