/// Below the smallest useful size: say so, in whatever room there is.
enum TooSmallView {
    static func draw(into grid: inout Grid, state: AppState) {
        // What q does here depends on whether a form holds typed text (see Update).
        let leave = state.holdsTypedText ? "Make it larger to go on typing; Ctrl-C quits without saving." : "q quits."
        let text = "Terminal too small (\(state.width)×\(state.height)). kith needs \(Layout.minWidth)×\(Layout.minHeight). \(leave)"
        let lines = Wrap.lines(text, width: grid.width)
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.prefix(grid.height).enumerated() {
            grid.put(line, x: 0, y: top + i, role: .error, attrs: .bold)
        }
    }
}
