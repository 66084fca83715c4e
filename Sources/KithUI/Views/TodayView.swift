import KithCore
import KithScheduler

/// The left pane in Today mode: who is due (with a small step), reminders and birthdays.
enum TodayView {
    static func draw(into grid: inout Grid, state: AppState, area: Rect) {
        let focused = state.focus == .roster && state.modal == nil
        let items = state.todayItems
        let total = state.dueCount
        var title = "Today"
        if total > items.filter({ if case .nudge = $0 { true } else { false } }).count { title += " · \(total) due, A for all" }
        grid.box(area, title: title, focused: focused)
        let inner = area.inset(1)
        guard !inner.isEmpty else { return }
        if items.isEmpty {
            let text = state.loaded ? "Nobody is due today, and no reminders or birthdays. t shows everyone." : "Loading…"
            for (i, line) in Wrap.lines(text, width: inner.width).prefix(inner.height).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + i, role: .muted)
            }
            return
        }
        // Each item: what, then the suggested step or the detail on the line below. The
        // highlighted one shows its step in full, wrapped; the others cut it to a line.
        let detailWidth = max(1, inner.width - 4)
        func parts(_ item: TodayItem) -> (mark: String, role: Role, head: String, detail: String) {
            switch item {
            case .nudge(let n, _):
                var detail = n.suggestion
                // The year's actual rhythm, when it differs clearly from the cadence set.
                if let e = state.entries.first(where: { $0.subject == item.subject }), let hint = state.cadenceHint(e) {
                    detail = "you usually meet every ~\(hint)d; e to adjust · " + n.suggestion
                }
                return (n.state == .overdue ? "!" : "•", n.state == .overdue ? .overdue : .due,
                        "\(n.bond.name)\(n.bond.isGroup ? " (group)" : "") · \(n.daysSince)d of \(n.bond.cadenceDays)d", detail)
            case let .reminder(r, about, _):
                return ("◦", .accent, about.isEmpty ? "Reminder" : "Reminder · \(about)", r.text)
            case let .snoozed(name, until, _):
                return ("z", .muted, "\(name) · snoozed until \(DateText.short(until, style: state.dateStyle))", "z lifts the snooze")
            case let .birthday(name, on, age, _):
                let n = on.days(since: state.today)
                return ("*", .accent, "\(name)'s birthday " + (n == 0 ? "today" : n == 1 ? "tomorrow" : "in \(n) days")
                            + (age.map { " (\($0))" } ?? ""), "")
            }
        }
        let cursor = min(state.todayCursor, items.count - 1)
        let wrapped = Wrap.lines(parts(items[cursor]).detail, width: detailWidth).prefix(4)
        func height(_ i: Int) -> Int {
            parts(items[i]).detail.isEmpty ? 1 : 1 + (i == cursor ? max(1, wrapped.count) : 1)
        }
        // The first item shown: as far up as still leaves the highlighted one whole.
        var top = cursor, used = height(cursor)
        while top > 0, used + height(top - 1) <= inner.height { top -= 1; used += height(top) }
        var y = inner.y
        for index in top..<items.count {
            guard y < inner.maxY else { break }
            let (mark, markRole, head, detail) = parts(items[index])
            let lines = detail.isEmpty ? [] : index == cursor ? Array(wrapped) : [TerminalText.truncate(detail, to: detailWidth)]
            grid.put(mark, x: inner.x, y: y, role: markRole, attrs: .bold)
            grid.put(TerminalText.truncate(head, to: inner.width - 2), x: inner.x + 2, y: y)
            for (i, line) in lines.enumerated() where y + 1 + i < inner.maxY {
                grid.put(line, x: inner.x + 4, y: y + 1 + i, role: .muted, limit: detailWidth)
            }
            let rows = min(1 + lines.count, inner.maxY - y)
            if index == cursor {
                grid.paint(Rect(x: inner.x, y: y, width: inner.width, height: rows),
                           role: focused ? .selection : .selectionInactive, attrs: focused ? .reverse : [])
            }
            y += rows
        }
    }
}
