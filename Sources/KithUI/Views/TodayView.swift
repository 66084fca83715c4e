import KithCore
import KithScheduler

/// The left pane in Today mode: who is due (with a small step), reminders and birthdays.
enum TodayView {
    static func draw(into grid: inout Grid, state: AppState, area: Rect) {
        let focused = state.focus == .roster && state.overlay == nil
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
        // Each item takes two lines: what, then the suggested step or the detail.
        let perItem = 2
        let visibleItems = max(1, inner.height / perItem)
        let top = max(0, min(state.todayCursor - visibleItems + 1, items.count - visibleItems))
        for (row, index) in (top..<min(items.count, top + visibleItems)).enumerated() {
            let y = inner.y + row * perItem
            let (mark, markRole, head): (String, Role, String)
            var detail: String
            switch items[index] {
            case .nudge(let n, _):
                mark = n.state == .overdue ? "!" : "•"
                markRole = n.state == .overdue ? .overdue : .due
                head = "\(n.bond.name)\(n.bond.isGroup ? " (group)" : "") · \(n.daysSince)d of \(n.bond.cadenceDays)d"
                detail = n.suggestion
                // The year's actual rhythm, when it differs clearly from the cadence set.
                if let e = state.entries.first(where: { $0.subject == items[index].subject }) {
                    let count = e.activity.reduce(0, +)
                    let rhythm = count >= 4 ? 365 / count : nil
                    if let hint = Scheduler.cadenceHint(rhythm: rhythm, cadence: e.cadenceDays), !e.isGroup {
                        detail = "you usually meet every ~\(hint)d; e to adjust · " + n.suggestion
                    }
                }
            case let .reminder(r, about, _):
                mark = "◦"
                markRole = .accent
                head = about.isEmpty ? "Reminder" : "Reminder · \(about)"
                detail = r.text
            case let .birthday(name, on, age, _):
                mark = "*"
                markRole = .accent
                let n = on.days(since: state.today)
                head = "\(name)'s birthday " + (n == 0 ? "today" : n == 1 ? "tomorrow" : "in \(n) days") + (age.map { " (\($0))" } ?? "")
                detail = ""
            }
            grid.put(mark, x: inner.x, y: y, role: markRole, attrs: .bold)
            grid.put(TerminalText.truncate(head, to: inner.width - 2), x: inner.x + 2, y: y)
            if !detail.isEmpty, y + 1 < inner.maxY {
                grid.put(TerminalText.truncate(detail, to: inner.width - 4), x: inner.x + 4, y: y + 1, role: .muted)
            }
            if index == state.todayCursor {
                grid.paint(Rect(x: inner.x, y: y, width: inner.width, height: min(perItem, inner.maxY - y)),
                           role: focused ? .selection : .selectionInactive, attrs: focused ? .reverse : [])
            }
        }
    }
}
