import KithCore

/// Deleting a moment asks first: it cannot be undone.
enum ConfirmView {
    static func draw(into grid: inout Grid, moment m: Moment, state: AppState) {
        let area = Screen.centred(width: 52, height: 6, in: grid)
        guard area.width >= 10, area.height >= 3 else { return }
        grid.fill(area)
        grid.box(area, title: "Delete this moment?", focused: true)
        let inner = area.inset(1)
        grid.put(" \(DateText.long(m.day)) · \(m.who(state))", x: inner.x, y: inner.y, limit: inner.width)
        if inner.height > 2 {
            grid.put(" It cannot be undone.", x: inner.x, y: inner.y + 1, role: .muted, limit: inner.width)
        }
        var x = inner.x + 1
        let y = inner.maxY - 1
        x += grid.put("y", x: x, y: y, role: .keyhintKey, attrs: .bold)
        x += grid.put(" delete   ", x: x, y: y, role: .keyhintDesc, limit: inner.maxX - x)
        x += grid.put("n/Esc", x: x, y: y, role: .keyhintKey, attrs: .bold, limit: inner.maxX - x)
        grid.put(" keep it", x: x, y: y, role: .keyhintDesc, limit: inner.maxX - x)
    }
}
