import KithCore

/// The emotion picker: four quadrants after the Mood Meter (unpleasant left, pleasant
/// right, high energy on top), or a filterable list where the screen is too small.
enum PickerView {
    static func draw(into grid: inout Grid, picker p: PickerState, state: AppState) {
        if FormUpdate.fitsGrid(p.layout, state) { drawGrid(&grid, p) } else { drawList(&grid, p) }
    }

    static func cell(_ grid: inout Grid, _ p: PickerState, _ index: Int, x: Int, y: Int, width: Int, dimmed: Bool) {
        let e = p.layout.order[index]
        let level = p.intensity(of: e.word)
        var label = (level != nil ? "• " : "  ") + e.word
        if let level, level > 1 { label += ":\(level)" }
        let role: Role = dimmed ? .muted : (level != nil ? (e.valence == .pleasant ? .emotionPleasant : .emotionUnpleasant) : .text)
        var attrs: Attr = level != nil ? (e.valence == .pleasant ? .bold : [.bold, .underline]) : []
        if dimmed { attrs.insert(.dim) }
        grid.putPadded(label, x: x, y: y, width: width, role: role, attrs: attrs)
        if index == p.cursor { grid.paint(Rect(x: x, y: y, width: width, height: 1), role: .selection, attrs: .reverse) }
    }

    static func drawGrid(_ grid: inout Grid, _ p: PickerState) {
        let layout = p.layout
        let area = Screen.centred(width: layout.gridWidth, height: layout.gridHeight, in: grid)
        grid.fill(area)
        grid.box(area, title: "How did it feel? Several at once, each 1-3", focused: true)
        let inner = area.inset(1)
        let half = inner.width / 2
        let colWidth = (half - 2) / PickerLayout.columnsPerQuadrant
        let matches = Set(p.matches)
        let headings = PickerLayout.quadrants.map { "\($0.0.rawValue) · \($0.1.rawValue) energy" }
        for (q, heading) in headings.enumerated() {
            let x = inner.x + (q % 2) * half + 1
            grid.put(heading, x: x, y: inner.y + layout.headingLine(band: q / 2), role: .title, attrs: .bold, limit: half - 2)
        }
        let lastLine = layout.line(ofRow: layout.topRows + layout.bottomRows - 1)
        for y in inner.y...inner.y + lastLine { grid.put("│", x: inner.x + half - 1, y: y, role: .border) }
        for index in layout.order.indices {
            let (col, row) = layout.position(index)
            let x = inner.x + (col / PickerLayout.columnsPerQuadrant) * half + 1 + (col % PickerLayout.columnsPerQuadrant) * colWidth
            cell(&grid, p, index, x: x, y: inner.y + layout.line(ofRow: row), width: colWidth - 1,
                 dimmed: !p.filter.isEmpty && !matches.contains(index))
        }
        footer(&grid, p, inner)
    }

    static func drawList(_ grid: inout Grid, _ p: PickerState) {
        let area = Screen.centred(width: 40, height: grid.height - 2, in: grid)
        guard area.width >= 8, area.height >= 4 else { return }
        grid.fill(area)
        // The list keeps both axes of the Mood Meter: + pleasant / − unpleasant, ↑ high
        // energy / ↓ low (at 60 columns the list once showed only + and −).
        grid.box(area, title: "How did it feel? +/− pleasant, ↑↓ energy", focused: true)
        let inner = area.inset(1)
        let rows = max(1, inner.height - 2)
        let matches = p.matches
        let at = matches.firstIndex(of: p.cursor) ?? 0
        let top = max(0, min(at - rows / 2, matches.count - rows))
        for r in 0..<rows {
            guard top + r < matches.count else { break }
            let index = matches[top + r]
            let e = p.layout.order[index]
            cell(&grid, p, index, x: inner.x, y: inner.y + r, width: inner.width - 5, dimmed: false)
            grid.put((e.valence == .pleasant ? "+" : "−") + (e.energy == .high ? "↑" : "↓"), x: inner.maxX - 3, y: inner.y + r, role: .muted)
        }
        footer(&grid, p, inner)
    }

    /// The chosen set, always visible, and the filter being typed.
    static func footer(_ grid: inout Grid, _ p: PickerState, _ inner: Rect) {
        let chosen = p.chosen.isEmpty ? "none chosen" : "chosen: " + p.chosen.map(Words.chip).joined(separator: ", ")
        grid.put(TerminalText.truncate(chosen, to: inner.width - 2), x: inner.x + 1, y: inner.maxY - 2,
                 role: p.chosen.isEmpty ? .muted : .accent, attrs: .bold)
        let filter = p.typing || !p.filter.isEmpty ? "filter: \(p.filter)▏  (\(p.matches.count) match\(p.matches.count == 1 ? "" : "es"))" : "type to filter (/ first for words starting h, j, k or l)"
        grid.put(TerminalText.truncate(filter, to: inner.width - 2), x: inner.x + 1, y: inner.maxY - 1, role: .muted)
    }
}
