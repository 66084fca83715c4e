import KithCore

/// The left pane: people (or groups) with their due mark, days since the last moment
/// and a year of activity as a sparkline.
enum RosterView {
    static func draw(into grid: inout Grid, state: AppState, area: Rect) {
        let focused = state.focus == .roster && state.modal == nil
        var title = state.showGroups ? "Groups" : "People"
        if state.filtering || !state.query.isEmpty { title += " /\(state.query)\(state.filtering ? "▏" : "")" }
        else if state.sort != .due { title += " · by \(state.sort.rawValue)" }
        grid.box(area, title: title, focused: focused || state.filtering)
        let inner = area.inset(1)
        guard !inner.isEmpty else { return }
        if state.visible.isEmpty {
            let text: String
            if !state.loaded { text = "Loading…" }
            else if !state.query.isEmpty { text = "Nobody matches \"\(state.query)\"." }
            else if state.showGroups { text = "No groups yet. kith group add NAME" }
            else { text = "No people yet. Press n to add someone." }
            for (i, line) in Wrap.lines(text, width: inner.width).prefix(inner.height).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + i, role: .muted)
            }
            return
        }
        let showCircle = inner.width >= 26
        // The sparkline goes before names are cut short: a name needs 10 cells to read.
        let base = inner.width - 2 - (showCircle ? 2 : 0) - 5
        let spark = base - 7 >= 10 ? 6 : 0
        let nameWidth = base - (spark > 0 ? spark + 1 : 0)
        for row in 0..<inner.height {
            let index = state.rosterScroll + row
            guard index < state.visible.count else { break }
            let e = state.entries[state.visible[index]]
            let y = inner.y + row
            var x = inner.x
            // Archived has a mark of its own: a "(archived)" after the name was the first
            // thing a long name cut off.
            switch state.dueState(e) {
            case .overdue: grid.put("!", x: x, y: y, role: .overdue, attrs: .bold)
            case .due: grid.put("•", x: x, y: y, role: .due, attrs: .bold)
            case .fine:
                if e.archived { grid.put("×", x: x, y: y, role: .muted) }
                // Snoozed: due or not, no nudges until the day set (z, kith snooze).
                else if let until = state.snoozes[e.subject], state.today < until { grid.put("z", x: x, y: y, role: .muted) }
            }
            x += 2
            if showCircle {
                grid.put(e.circle.map { String($0.rawValue.prefix(1)) } ?? "g", x: x, y: y, role: .muted)
                x += 2
            }
            grid.putPadded(e.name, x: x, y: y, width: nameWidth, role: e.archived ? .muted : .text)
            x += nameWidth + 1
            grid.putPadded(Words.daysAgo(e.last, today: state.today), x: x, y: y, width: 4, role: .muted, alignRight: true)
            x += 5
            if spark > 0 { grid.put(Words.sparkline(Array(e.activity.suffix(spark))), x: x, y: y, role: .accent, limit: spark) }
            if index == state.rosterCursor {
                grid.paint(Rect(x: inner.x, y: y, width: inner.width, height: 1),
                           role: focused || state.filtering ? .selection : .selectionInactive, attrs: focused ? .reverse : [])
            }
        }
        if state.visible.count > inner.height {
            let more = "\(state.rosterCursor + 1)/\(state.visible.count)"
            grid.put(" \(more) ", x: area.maxX - 3 - TerminalText.width(more), y: area.maxY - 1, role: .muted)
        }
    }
}
