import KithCore

/// `?`: every binding, grouped by where it applies, from the same keymap the app uses.
enum HelpView {
    static func lines(_ keymap: Keymap) -> [(String, String, Bool)] {
        var out: [(String, String, Bool)] = [
            ("Roster marks", "", true),
            ("! • z ×", "overdue (1.5× cadence without a moment), due, snoozed, archived", false),
            ("i c f w g", "circle: inner, close, friends, wider; g a group", false),
            ("12d 3w 2y", "time since your last moment together (— never)", false),
            ("▁▃█", "moments per month over the last six months", false),
        ]
        for context in KeyContext.allCases {
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(("", "", false)) }
            out.append((context.title, "", true))
            for b in bindings { out.append((b.keyLabel, b.help, false)) }
        }
        return out
    }

    static func draw(into grid: inout Grid, scroll: Int, keymap: Keymap) {
        let all = lines(keymap)
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
