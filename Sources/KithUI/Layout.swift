/// Where each part of the screen goes, from the terminal size alone. Update uses it to
/// know page sizes; views use it to draw.
public struct Layout: Equatable, Sendable {
    public let header: Rect
    public let roster: Rect
    public let timeline: Rect
    public let hints: Rect
    public let tooSmall: Bool

    /// Below this, the panes cannot show a useful row: kith says so instead.
    public static let minWidth = 44
    public static let minHeight = 10

    /// `wideList`: the left pane holds the Today view, whose lines (a suggested step, a
    /// reminder's text) are sentences, not names: it takes about half the width, where
    /// the roster keeps to what names need (at 200 columns Today once sat in 36 columns
    /// cutting its lines beside 120 empty ones).
    public init(width: Int, height: Int, wideList: Bool = false) {
        tooSmall = width < Layout.minWidth || height < Layout.minHeight
        header = Rect(x: 0, y: 0, width: width, height: 1)
        hints = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        let bodyHeight = max(0, height - 2)
        let rosterWidth = wideList ? min(96, max(24, width / 2)) : min(40, max(24, width * 36 / 100))
        roster = Rect(x: 0, y: 1, width: rosterWidth, height: bodyHeight)
        timeline = Rect(x: rosterWidth, y: 1, width: width - rosterWidth, height: bodyHeight)
    }

    /// Rows inside the roster's box.
    public var rosterRows: Int { max(0, roster.height - 2) }
    /// Lines inside the timeline's box.
    public var timelineLines: Int { max(0, timeline.height - 2) }
}

/// The timeline as lines: a heading for each month, then two lines per moment.
public enum TimelineLine: Equatable, Sendable {
    case heading(year: Int, month: Int)
    case blank
    case first(Int)
    case second(Int)
}

extension TimelineState {
    public var lines: [TimelineLine] {
        var out: [TimelineLine] = []
        var month: (Int, Int)?
        for (i, m) in moments.enumerated() {
            if month.map({ $0 != (m.day.year, m.day.month) }) ?? true {
                if month != nil { out.append(.blank) }
                month = (m.day.year, m.day.month)
                out.append(.heading(year: m.day.year, month: m.day.month))
            }
            out.append(.first(i))
            out.append(.second(i))
        }
        return out
    }

    /// Scrolls so that the cursor's two lines (and its month heading when it starts the
    /// month) are on screen.
    mutating func keepCursorVisible(lines visibleLines: Int) {
        guard visibleLines > 0 else { return }
        let all = lines
        guard let at = all.firstIndex(of: .first(cursor)) else { scroll = 0; return }
        var top = at
        if at >= 1, case .heading = all[at - 1] { top = at - 1 }
        if top < scroll { scroll = top }
        if at + 1 >= scroll + visibleLines { scroll = at + 2 - visibleLines }
        scroll = max(0, min(scroll, max(0, all.count - visibleLines)))
        if top < scroll { scroll = top }
    }
}
