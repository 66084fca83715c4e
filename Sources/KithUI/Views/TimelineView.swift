import KithCore

/// The right pane: the selection's moments, newest first, under month headings. Each
/// moment takes two lines: when, how and what kind of connection; then the emotions as
/// chips coloured by valence, its kinds and the first line of its note.
enum TimelineView {
    static func draw(into grid: inout Grid, state: AppState, area: Rect) {
        let t = state.timeline
        let focused = state.focus == .timeline && state.modal == nil
        grid.box(area, title: title(state), focused: focused)
        let inner = area.inset(1)
        guard !inner.isEmpty else { return }
        // How to reach the person, on the pane's bottom edge: at hand, taking no row.
        if !state.everyone, let e = state.selected, !e.reach.isEmpty, area.width > 8 {
            let text = " " + TerminalText.truncate(TerminalText.sanitize(e.reach.joined(separator: " · ")), to: area.width - 6) + " "
            grid.put(text, x: area.x + 2, y: area.maxY - 1, role: focused ? .borderFocused : .border)
        }
        if t.moments.isEmpty {
            let text: String
            if t.loading { text = "Loading…" }
            else if !t.filter.isEmpty { text = "No moments match the filter (\(t.filter.summary)). F shows every moment." }
            else if t.scope == nil {
                text = state.entries.isEmpty && state.loaded
                    ? "Welcome to kith. Keep the people who matter here, log your moments together, and kith will nudge you, gently, when someone is due.\n\nn  add the first person\nc  then check in with them\n?  every key\n\nOr look around first: quit and run kith --demo, a throwaway store with a few dozen people and two years of moments."
                    : ""
            }
            else if case .subject(.group) = t.scope { text = "No moments with this group yet. Press c to check in with them." }
            else if t.scope == .everyone { text = "No moments yet. Select someone and press c to check in." }
            else { text = "No moments yet. Press c to check in." }
            for (i, line) in Wrap.lines(text, width: inner.width - 1).prefix(inner.height).enumerated() {
                grid.put(line, x: inner.x + 1, y: inner.y + i, role: .muted)
            }
            return
        }
        let lines = t.lines
        let showWho = t.scope == .everyone || { if case .subject(.group) = t.scope { return true }; return false }()
        for row in 0..<inner.height {
            let index = t.scroll + row
            guard index < lines.count else { break }
            let y = inner.y + row
            switch lines[index] {
            case .blank:
                break
            case let .heading(year, month):
                grid.put(DateText.monthHeading(year: year, month: month, style: state.dateStyle), x: inner.x + 1, y: y, role: .title, attrs: .bold, limit: inner.width - 1)
            case .first(let i):
                let m = t.moments[i]
                var x = inner.x + 1
                let end = inner.maxX
                // A row from another year says which: after G, the top row's month heading
                // has scrolled away, and "Fri 06 Dec" alone read as this year.
                let year = m.day.year != state.today.year && state.dateStyle != .iso ? " \(m.day.year)" : ""
                x += grid.put(DateText.short(m.day, style: state.dateStyle) + year + (m.time.map { " \($0)" } ?? ""), x: x, y: y, role: .text, attrs: .bold, limit: end - x)
                var rest = "  "
                if showWho {
                    rest += m.who(state) + " · "
                } else if let g = m.groupID {
                    // In a person's timeline a group moment says so: it was not one-to-one.
                    rest += "with \(state.groupNames[g] ?? "a group") · "
                }
                rest += "\(m.channel.label) · \(Words.reachedOut(m.initiator))"
                let type = m.isTagged ? " · \(m.connectionType.rawValue)" : ""
                x += grid.put(TerminalText.truncate(rest, to: max(0, end - x - type.count)), x: x, y: y, role: .text)
                grid.put(TerminalText.truncate(type, to: max(0, end - x)), x: x, y: y, role: .accent)
                paintCursor(&grid, i == t.cursor, focused, inner, y)
            case .second(let i):
                let m = t.moments[i]
                var x = inner.x + 3
                let end = inner.maxX
                for tag in m.emotions {
                    guard x < end else { break }
                    let (role, attrs) = Words.chipStyle(tag, state.emotions)
                    x += grid.put(Words.chip(tag), x: x, y: y, role: role, attrs: attrs, limit: end - x)
                    x += grid.put(" ", x: x, y: y, limit: end - x)
                }
                var extra: [String] = m.kinds.map(\.label)
                if let line = m.note.split(separator: "\n", omittingEmptySubsequences: true).first {
                    extra.append(String(line))
                }
                if !extra.isEmpty {
                    if !m.emotions.isEmpty { x += grid.put("· ", x: x, y: y, role: .muted, limit: end - x) }
                    grid.put(TerminalText.truncate(extra.joined(separator: " · "), to: max(0, end - x)), x: x, y: y, role: .muted)
                }
                paintCursor(&grid, i == t.cursor, focused, inner, y)
            }
        }
    }

    static func paintCursor(_ grid: inout Grid, _ isCursor: Bool, _ focused: Bool, _ inner: Rect, _ y: Int) {
        guard isCursor, focused else { return }
        // A bar in the margin marks the cursor even without colour; the row is painted too.
        grid.put("▌", x: inner.x, y: y, role: .borderFocused)
        grid.paint(Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: 1), role: .selection)
    }

    static func title(_ state: AppState) -> String {
        let t = state.timeline
        var name: String
        switch t.scope {
        case .everyone: name = "Everyone"
        case .subject(.person(let id)): name = state.personNames[id] ?? "Timeline"
        case .subject(.group(let id)): name = (state.groupNames[id] ?? "Group") + " (group)"
        case nil: name = "Timeline"
        }
        if !t.moments.isEmpty {
            let n = t.total ?? t.base + t.moments.count
            name += " · \(n)\(t.total == nil ? "+" : "") moment\(n == 1 ? "" : "s")"
        }
        if !t.filter.isEmpty { name += " · filtered: \(t.filter.summary)" }
        return name
    }
}
