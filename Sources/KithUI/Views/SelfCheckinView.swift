import KithCore

/// The daily self check-in: the two-circle picture for the chosen step of the scale, or
/// one loneliness question with its three answers, the current one in brackets.
enum SelfCheckinView {
    static func draw(into grid: inout Grid, form f: SelfCheckinForm, state: AppState) {
        let area = Screen.centred(width: 64, height: 16, in: grid)
        guard area.width >= 30, area.height >= 9 else { return }
        grid.fill(area)
        grid.box(area, title: "Your day", focused: f.picker == nil)
        let inner = area.inset(1)
        var y = inner.y
        func line(_ text: String, role: Role = .text, attrs: Attr = [], centred: Bool = false) {
            guard y < inner.maxY else { return }
            let t = TerminalText.truncate(text, to: inner.width - 2)
            let x = centred ? inner.x + max(1, (inner.width - TerminalText.width(t)) / 2) : inner.x + 1
            grid.put(t, x: x, y: y, role: role, attrs: attrs)
            y += 1
        }
        switch f.step {
        case .closeness:
            line("How connected do you feel today?", role: .title, attrs: .bold)
            y += 1
            for row in IOSPicture.lines(level: f.closeness) { line(row, role: .accent, centred: true) }
            line("▓ you  ░ others  █ shared", role: .muted, centred: true)
            line("◀  \(f.closeness) of 7: \(IOSPicture.captions[f.closeness - 1])  ▶", attrs: .bold, centred: true)
            y += 1
            let felt = f.emotions.isEmpty ? "— (e to choose)" : f.emotions.map(Words.chip).joined(separator: ", ")
            line("Feelings: " + felt)
            let esc = f.revising ? "Esc keeps today's answer." : "Esc: not today."
            line(f.askLoneliness ? "Enter: three short questions follow; \(esc)" : "Enter saves; \(esc)", role: .muted)
        case .loneliness(let i):
            line("Now and then, three questions (\(i + 1) of 3):", role: .title, attrs: .bold)
            y += 1
            line(Loneliness.questions[i])
            y += 1
            let options = Loneliness.Answer.allCases.map { a in a == f.answers[i] ? "[\(a.label)]" : " \(a.label) " }
            line(options.joined(separator: "  "), attrs: .bold, centred: true)
            y += 1
            line("←/→ or 1-3 choose; Enter: next; Esc: skip the questions.", role: .muted)
        }
        if let error = f.error {
            grid.putMessage(error, x: inner.x + 1, bottom: inner.maxY - 1, width: inner.width - 2, maxLines: 2, role: .error, attrs: .bold)
        }
        if let p = f.picker { PickerView.draw(into: &grid, picker: p, state: state) }
    }
}
