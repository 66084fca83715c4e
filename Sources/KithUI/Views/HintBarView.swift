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
        var seen = Set<Action>()
        let context = state.context
        var line: TodayItem?
        if context == .today {
            let items = state.todayItems
            line = items.indices.contains(state.todayCursor) ? items[state.todayCursor] : nil
        }
        let all = keymap.bindings(in: context).filter { b in
            b.inHintBar && state.isRelevant(b.action) && (context != .today || AppState.todayLine(line, takes: b.action))
                && seen.insert(b.action).inserted
        }
        // On a snoozed Today line, z lifts the snooze rather than snoozing a week.
        let liftsSnooze: Bool = { if case .snoozed? = line { true } else { false } }()
        func hint(_ b: Binding) -> String { liftsSnooze && b.action == .snoozeWeek ? "lift snooze" : b.hint }
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
}
