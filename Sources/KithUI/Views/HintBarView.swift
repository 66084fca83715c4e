import KithCore

/// The bottom line: the keys that work here, from the keymap; or a message after an action.
enum HintBarView {
    static func draw(into grid: inout Grid, state: AppState, area: Rect, keymap: Keymap) {
        grid.fill(area, role: .statusbar)
        if let message = state.message {
            grid.put(" " + TerminalText.truncate(message, to: area.width - 1), x: area.x, y: area.y,
                     role: state.messageIsError ? .error : .statusbar, attrs: state.messageIsError ? .bold : [])
            return
        }
        var x = area.x + 1
        var seen = Set<Action>()
        for b in keymap.bindings(in: state.context) where b.inHintBar && state.isRelevant(b.action) && seen.insert(b.action).inserted {
            let key = b.hintLabel, desc = b.hint
            let need = TerminalText.width(key) + 1 + TerminalText.width(desc) + 2
            guard x + need <= area.maxX else { break }
            x += grid.put(key, x: x, y: area.y, role: .keyhintKey, attrs: .bold)
            x += 1
            x += grid.put(desc, x: x, y: area.y, role: .keyhintDesc)
            x += 2
        }
    }
}
