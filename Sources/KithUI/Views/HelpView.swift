import KithCore

/// `?`: every binding, grouped by where it applies, from the same keymap the app uses.
enum HelpView {
    static func lines(_ keymap: Keymap, rules: Rules = Rules()) -> [(String, String, Bool)] {
        var out: [(String, String, Bool)] = [
            ("Roster marks", "", true),
            ("! • z ×", Keymap.help("overdue ({overdue_factor}× cadence without a moment), due, snoozed, archived", rules: rules), false),
            ("i c f w g", "circle: inner, close, friends, wider; g a group", false),
            ("12d 3w 2y", "time since your last moment together (— never)", false),
            ("▁▃█", "moments per month over the last six months", false),
        ]
        for context in KeyContext.allCases {
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(("", "", false)) }
            out.append((context.title, "", true))
            for b in bindings { out.append((b.keyLabel, Keymap.help(b.help, rules: rules), false)) }
        }
        return out
    }

    /// The lines as shown in `width` cells: a help text too long for its line wraps
    /// under itself (it was cut: "PgDn/Ctrl-D/Spa…"), and so do long key lists.
    static func rows(_ keymap: Keymap, rules: Rules, width: Int) -> [(String, String, Bool)] {
        let keyWidth = min(16, width / 3)
        let helpWidth = max(1, width - keyWidth - 3)
        var out: [(String, String, Bool)] = []
        for (key, help, heading) in lines(keymap, rules: rules) {
            if heading || (key.isEmpty && help.isEmpty) { out.append((key, help, heading)); continue }
            let keys = TerminalText.width(key) > keyWidth ? Wrap.lines(key.replacingOccurrences(of: "/", with: "/ "), width: keyWidth)
                .map { $0.replacingOccurrences(of: "/ ", with: "/") } : [key]
            let helps = Wrap.lines(help, width: helpWidth)
            for i in 0..<max(keys.count, helps.count) {
                out.append((i < keys.count ? keys[i] : "", i < helps.count ? helps[i] : "", false))
            }
        }
        return out
    }

    static func draw(into grid: inout Grid, scroll: Int, keymap: Keymap, rules: Rules) {
        let width = min(90, grid.width) - 2
        let all = rows(keymap, rules: rules, width: width)
        let area = Screen.centred(width: 90, height: all.count + 2, in: grid)
        guard area.width >= 10, area.height >= 3 else { return }
        grid.fill(area)
        grid.box(area, title: "Keys · j/k scroll · Esc closes", focused: true)
        let inner = area.inset(1)
        let top = min(scroll, max(0, all.count - inner.height))
        let keyWidth = min(16, inner.width / 3)
        for row in 0..<inner.height {
            guard top + row < all.count else { break }
            let (key, help, heading) = all[top + row]
            let y = inner.y + row
            if heading {
                grid.put(key, x: inner.x + 1, y: y, role: .title, attrs: .bold, limit: inner.width - 1)
            } else {
                grid.putPadded(key, x: inner.x + 2, y: y, width: keyWidth, role: .keyhintKey, attrs: .bold)
                grid.put(TerminalText.truncate(help, to: inner.width - keyWidth - 3), x: inner.x + 3 + keyWidth, y: y, role: .text)
            }
        }
    }
}
