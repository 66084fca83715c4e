import KithCore
import KithScheduler

/// The top line: today, how many bonds are due or overdue, and birthdays coming up.
enum HeaderView {
    static func draw(into grid: inout Grid, state: AppState, area: Rect) {
        grid.fill(area, role: .header)
        var x = grid.put(" kith ", x: area.x, y: area.y, role: .header, attrs: .bold)
        x += grid.put("· \(DateText.long(state.today, style: state.dateStyle))", x: area.x + x, y: area.y, role: .header)
        let h = state.header
        var parts: [(String, Role)] = []
        if h.overdue > 0 { parts.append(("\(h.overdue) overdue", .headerOverdue)) }
        if h.due > 0 { parts.append(("\(h.due) due", .headerDue)) }
        if h.reminders > 0 { parts.append(("\(h.reminders) reminder\(h.reminders == 1 ? "" : "s")", .headerDue)) }
        // "Nobody is due" only when nothing is: a reminder due today is something to do.
        if state.loaded && h.overdue + h.due + h.reminders == 0 && h.people > 0 { parts.append(("nobody is due", .header)) }
        for b in h.birthdays { parts.append((b, .headerAccent)) }
        for (full, role) in parts {
            // A part is shown whole or not at all ("birthday: Zoë in 8 d" would mislead);
            // a birthday that does not fit whole tries the first name alone.
            var text = full
            if area.x + x + 3 + TerminalText.width(text) > area.maxX, role == .headerAccent,
               let short = shortBirthday(full) { text = short }
            guard area.x + x + 3 + TerminalText.width(text) <= area.maxX else { break }
            x += grid.put(" · ", x: area.x + x, y: area.y, role: .header)
            x += grid.put(text, x: area.x + x, y: area.y, role: role, attrs: role == .header ? [] : .bold,
                          limit: area.maxX - area.x - x)
        }
    }

    /// "birthday: Zoë Ångström in 8 days (36)" → "birthday: Zoë in 8 days".
    static func shortBirthday(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard words.count >= 4, let inAt = words.lastIndex(where: { $0 == "in" || $0 == "today" || $0 == "tomorrow" }) else { return nil }
        var tail = words[inAt...].map(String.init)
        if tail.last?.hasPrefix("(") == true { tail.removeLast() }
        return ([String(words[0]), String(words[1])] + tail).joined(separator: " ")
    }

    /// Birthdays within two weeks, soonest first, as the scheduler sees them.
    static func upcomingBirthdays(_ people: [RosterEntry], today: Day, within days: Int) -> [(name: String, when: String)] {
        var ids: [Int64: RosterEntry] = [:]
        var input: [(id: Int64, name: String, birthday: Birthday)] = []
        for p in people {
            guard case .person(let id) = p.subject, let b = p.birthday else { continue }
            ids[id] = p
            input.append((id, p.name, b))
        }
        return Scheduler.birthdays(input, today: today, within: days).map { b in
            let n = b.on.days(since: today)
            return (b.name, (n == 0 ? "today" : n == 1 ? "tomorrow" : "in \(n) days") + (b.age.map { " (\($0))" } ?? ""))
        }
    }
}
