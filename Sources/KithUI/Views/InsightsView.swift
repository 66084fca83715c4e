import KithCore
import KithInsights

/// Insights for a person, a group or everyone: each section a small chart and its
/// observations. Charts use a different glyph per part and print their counts, so they
/// read the same without colour; they fit any width from 60 columns.
public enum InsightsView {
    /// The whole page, as tall as it needs: the TUI shows a window of it, `kith insights`
    /// prints it.
    public static func page(_ x: Insights, title: String, width: Int, dateStyle: DateStyle = Rules.current.dateStyle) -> Grid {
        var rows: [Row] = []
        let heading = title + " · " + x.periodName + " (" + DateText.long(x.period.start, style: dateStyle) + " – "
            + DateText.long(x.period.end, style: dateStyle) + ")"
        rows += Wrap.lines(heading, width: width).map { Row($0, role: .title, attrs: .bold) }
        for section in x.sections {
            rows.append(Row(""))
            rows.append(Row(section.title, role: .header, attrs: .bold))
            rows += chart(section.kind, x, width: width - 2).map { Row("  " + $0.text, role: $0.role, attrs: $0.attrs) }
            for line in section.lines {
                rows += Wrap.lines(line, width: width - 2).map { Row("  " + $0) }
            }
        }
        var grid = Grid(width: width, height: rows.count)
        for (y, row) in rows.enumerated() {
            grid.put(TerminalText.truncate(row.text, to: width), x: 0, y: y, role: row.role, attrs: row.attrs)
        }
        return grid
    }

    /// Where the overlay sits: as wide as 120 columns allow, the screen's height.
    static func area(width: Int, height: Int) -> Rect {
        Screen.centred(width: 120, height: height, in: Grid(width: width, height: height))
    }

    /// How far the page can scroll before its last line reaches the bottom.
    static func maxScroll(_ page: InsightsPage, _ state: AppState) -> Int {
        let inner = area(width: state.width, height: state.height).inset(1)
        guard inner.width > 4 else { return 0 }
        let content = InsightsView.page(page.insights, title: page.title, width: inner.width - 2, dateStyle: state.dateStyle)
        return max(0, content.height - inner.height)
    }

    /// The overlay: a window onto the page, scrolled.
    static func draw(into grid: inout Grid, page: InsightsPage, state: AppState) {
        let area = area(width: grid.width, height: grid.height)
        guard area.width >= 20, area.height >= 3 else { return }
        grid.fill(area)
        grid.box(area, title: "Insights · j/k scroll · Esc closes", focused: true)
        let inner = area.inset(1)
        let content = InsightsView.page(page.insights, title: page.title, width: inner.width - 2, dateStyle: state.dateStyle)
        let top = min(page.scroll, max(0, content.height - inner.height))
        grid.blit(content, fromRow: top, into: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height))
    }

    struct Row {
        var text: String
        var role: Role = .text
        var attrs: Attr = []
        init(_ text: String, role: Role = .text, attrs: Attr = []) {
            self.text = text
            self.role = role
            self.attrs = attrs
        }
    }

    // MARK: charts

    /// A bar with its legend beside it when both fit, else the legend on the next line.
    static func barRows(_ parts: [(Int, Character)], legend: String, width: Int, role: Role = .accent) -> [Row] {
        let legendWidth = TerminalText.width(legend)
        let beside = min(40, width - 2 - legendWidth)
        if beside >= 16 { return [Row(bar(parts, width: beside) + "  " + legend, role: role)] }
        // Below the bar, its items packed into as many lines as the width needs.
        var lines: [String] = []
        for item in legend.components(separatedBy: " · ") {
            if let last = lines.last, TerminalText.width(last) + 3 + TerminalText.width(item) <= width {
                lines[lines.count - 1] = last + " · " + item
            } else {
                lines.append(item)
            }
        }
        return [Row(bar(parts, width: min(40, width)), role: role)] + lines.map { Row($0, role: .muted) }
    }

    static func chart(_ kind: InsightSection.Kind, _ x: Insights, width: Int) -> [Row] {
        let barWidth = max(10, min(40, width - 30))
        switch kind {
        case .glance:
            return []
        case .overview:
            return monthly(x.monthly.map(\.moments), months: x.monthly.map(\.month), label: "moments", width: width)
        case .cadence:
            guard let c = x.cadence, c.cycles > 0 else { return [] }
            return barRows([(c.met, "█"), (c.cycles - c.met, "░")], legend: "█ met \(c.met) · ░ not \(c.cycles - c.met)", width: width)
        case .reciprocity:
            let r = x.reciprocity
            return barRows([(r.me.count, "█"), (r.mutual.count, "▒"), (r.them.count, "░")],
                           legend: "█ you \(r.me.count) · ▒ together \(r.mutual.count) · ░ \(x.otherShort) \(r.them.count)", width: width)
        case .types:
            let parts: [(ConnectionType, Character)] = [(.joyful, "█"), (.vulnerable, "▓"), (.supportive, "▒"), (.mixed, "░")]
            return barRows(parts.map { (x.types[$0.0]?.count ?? 0, $0.1) },
                           legend: parts.map { "\($0.1) \($0.0.rawValue) \(x.types[$0.0]?.count ?? 0)" }.joined(separator: " · "), width: width)
        case .emotions:
            let e = x.emotions
            return barRows([(e.pleasant, "█"), (e.unpleasant, "░")], legend: "█ pleasant \(e.pleasant) · ░ unpleasant \(e.unpleasant)",
                           width: width, role: .emotionPleasant)
        case .depth:
            let d = x.depth
            var rows = barRows([(d.light.count, "░"), (d.personal.count, "▒"), (d.vulnerable.count, "█")],
                               legend: "░ light \(d.light.count) · ▒ personal \(d.personal.count) · █ vulnerable \(d.vulnerable.count)",
                               width: width)
            if !d.vulnerable.isEmpty {
                rows += barRows([(d.safe.count, "█"), (d.mixed.count, "▒"), (d.hurtful.count, "░"), (d.unrecorded, "·")],
                                legend: "received: █ safe \(d.safe.count) · ▒ mixed \(d.mixed.count) · ░ hurtful \(d.hurtful.count)"
                                    + (d.unrecorded > 0 ? " · · not noted \(d.unrecorded)" : ""), width: width)
            }
            return rows
        case .belonging:
            let months = x.monthly.map(\.month)
            return monthly(x.monthly.map(\.oneToOne), months: months, label: "one-to-one", width: width, initials: false)
                + monthly(x.monthly.map(\.together), months: months, label: "together", width: width)
        case .circles:
            let top = max(1, x.circles.map { max($0.people, $0.dunbar) }.max() ?? 1)
            return x.circles.map { c in
                let filled = (c.people * barWidth + top - 1) / top, mark = min(barWidth - 1, c.dunbar * barWidth / top)
                var cells = Array(String(repeating: "█", count: min(barWidth, filled)) + String(repeating: " ", count: max(0, barWidth - filled)))
                if mark >= 0 && mark < cells.count { cells[mark] = filled > mark ? "┃" : "│" }
                return Row(TerminalText.pad(c.circle.rawValue, to: 8) + String(cells) + "  \(c.people) · │ about \(c.dunbar)", role: .accent)
            }
        case .selfTrend:
            guard x.selfTrend.contains(where: { $0.closenessTenths != nil }) else { return [] }
            let values = x.selfTrend.map { $0.closenessTenths.map { ($0 + 5) / 10 } ?? 0 }
            return monthly(values, months: x.selfTrend.map(\.month), label: "closeness", width: width, initials: false, top: 7)
                + monthly(x.selfTrend.map(\.moments), months: x.selfTrend.map(\.month), label: "moments", width: width)
        }
    }

    /// A month-by-month sparkline, two cells a month when there is room, labelled, with
    /// month initials underneath; `·` marks a month with none.
    static func monthly(_ counts: [Int], months: [Month], label: String, width: Int, initials: Bool = true, top: Int? = nil) -> [Row] {
        guard !counts.isEmpty else { return [] }
        let labelWidth = 12
        let step = labelWidth + counts.count * 2 + 8 <= width ? 2 : 1
        let peak = max(1, top ?? counts.max() ?? 1)
        let sparks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        var line = ""
        for n in counts {
            line.append(n == 0 ? "·" : sparks[min(7, max(0, (n * 8 + peak - 1) / peak - 1))])
            if step == 2 { line.append(" ") }
        }
        let scale = top.map { " (1-\($0))" } ?? " max \(counts.max() ?? 0)"
        var rows = [Row(TerminalText.pad(label, to: labelWidth) + line + scale, role: .accent)]
        if initials {
            var names = ""
            for m in months {
                names.append(DateText.monthNames[m.month - 1].first!)
                if step == 2 { names.append(" ") }
            }
            rows.append(Row(String(repeating: " ", count: labelWidth) + names, role: .muted))
        }
        return rows
    }

    /// A bar of `width` cells split in proportion to the counts (largest remainders get
    /// the spare cells), one glyph per part; `·` all along when every count is zero.
    static func bar(_ parts: [(Int, Character)], width: Int) -> String {
        let total = parts.reduce(0) { $0 + $1.0 }
        guard total > 0, width > 0 else { return String(repeating: "·", count: max(0, width)) }
        var cells = parts.map { $0.0 * width / total }
        var spare = width - cells.reduce(0, +)
        let order = parts.indices.sorted { (parts[$0].0 * width % total, -$0) > (parts[$1].0 * width % total, -$1) }
        for i in order where spare > 0 && parts[i].0 > 0 {
            cells[i] += 1
            spare -= 1
        }
        // A part that is there but rounded to nothing still gets one cell, from the largest.
        for i in parts.indices where parts[i].0 > 0 && cells[i] == 0 {
            if let big = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[big] > 1 {
                cells[big] -= 1
                cells[i] = 1
            }
        }
        return parts.indices.map { String(repeating: parts[$0].1, count: cells[$0]) }.joined()
    }
}

/// The insights overlay's state: what is shown and how far it is scrolled.
public struct InsightsPage: Equatable, Sendable {
    public var title: String
    public var insights: Insights
    public var scroll = 0

    public init(title: String, insights: Insights, scroll: Int = 0) {
        self.title = title
        self.insights = insights
        self.scroll = scroll
    }

    public static func == (a: InsightsPage, b: InsightsPage) -> Bool {
        a.title == b.title && a.scroll == b.scroll && a.insights.moments == b.insights.moments
            && a.insights.period == b.insights.period
    }
}

extension Insights {
    /// "Zoë", "others": for legends, where a long name would crowd the line.
    var otherShort: String {
        switch scope {
        case .person(let p): TerminalText.truncate(p.nickname ?? p.name, to: 12)
        case .group, .everyone: "others"
        }
    }
}
