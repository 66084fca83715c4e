import KithCore

/// Enter on a moment: everything about it, the whole note wrapped.
enum MomentView {
    static func lines(_ m: Moment, state: AppState, width: Int) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("when", DateText.long(m.day, style: state.dateStyle) + (m.time.map { " at \($0)" } ?? "")),
            ("with", m.who(state)),
            ("how", "\(m.channel.label) · \(Words.reachedOut(m.initiator))"),
            ("moment", m.isTagged ? m.connectionType.rawValue + " connection" : "nothing tagged yet (e edits)"),
        ]
        if !m.emotions.isEmpty { rows.append(("felt", m.emotions.map(Words.chip).joined(separator: ", "))) }
        if !m.kinds.isEmpty { rows.append(("kind", m.kinds.map(\.label).joined(separator: ", "))) }
        rows.append(("depth", m.depth.rawValue + (m.received.map { ", received \($0.rawValue)" } ?? "")))
        if let u = m.uplift { rows.append(("after", "uplift \(u > 0 ? "+" : "")\(u)")) }
        var out: [(String, String)] = []
        for (label, value) in rows {
            for (i, line) in Wrap.lines(value, width: max(1, width - 8)).enumerated() { out.append((i == 0 ? label : "", line)) }
        }
        if !m.note.isEmpty {
            out.append(("", ""))
            for line in Wrap.lines(m.note, width: max(1, width)) { out.append(("\u{0}", line)) }
        }
        return out
    }

    static func draw(into grid: inout Grid, moment m: Moment, scroll: Int, state: AppState) {
        let area = Screen.centred(width: 70, height: grid.height - 4, in: grid)
        guard area.width >= 10, area.height >= 3 else { return }
        grid.fill(area)
        grid.box(area, title: "Moment · Esc closes · d deletes", focused: true)
        let inner = area.inset(1).inset(0)
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let all = lines(m, state: state, width: content.width)
        let top = min(scroll, max(0, all.count - content.height))
        for row in 0..<content.height {
            guard top + row < all.count else { break }
            let (label, value) = all[top + row]
            let y = content.y + row
            if label == "\u{0}" {
                grid.put(value, x: content.x, y: y, limit: content.width)
            } else {
                grid.putPadded(label, x: content.x, y: y, width: 7, role: .muted)
                let role: Role = label == "moment" ? .accent : .text
                grid.put(value, x: content.x + 8, y: y, role: role, limit: content.width - 8)
            }
        }
    }
}
