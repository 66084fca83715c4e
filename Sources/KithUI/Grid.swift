import KithCore

/// Semantic colour roles. Views say what a cell *is*; a theme says how that looks.
public enum Role: String, CaseIterable, Sendable {
    case text, muted, border, borderFocused = "border.focused", selection, selectionInactive = "selection.inactive"
    case title, header, statusbar, keyhintKey = "keyhint.key", keyhintDesc = "keyhint.desc", error
    case emotionPleasant = "emotion.pleasant", emotionUnpleasant = "emotion.unpleasant", overdue, due, accent
}

/// Extra attributes on top of a role's own: a monochrome theme relies on these alone.
public struct Attr: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attr(rawValue: 1)
    public static let reverse = Attr(rawValue: 2)
    public static let underline = Attr(rawValue: 4)
    public static let dim = Attr(rawValue: 8)
}

/// One terminal cell. A wide character occupies its cell and the next, which holds an
/// empty `text` as a continuation marker.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: Role
    public var attrs: Attr

    public init(_ text: String = " ", role: Role = .text, attrs: Attr = []) {
        self.text = text
        self.role = role
        self.attrs = attrs
    }

    public static let blank = Cell()
    var isContinuation: Bool { text.isEmpty }
}

public struct Rect: Hashable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rect with `n` cells taken off every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}

/// The whole screen as plain data. Views draw into it; the terminal backend diffs it
/// against the previous frame and writes only what changed; tests read it as text.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// One-character strings for the printable ASCII bytes, made once rather than for
    /// every cell of every frame.
    static let ascii: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `limit` cells and to the grid; control
    /// characters become U+FFFD, and a wide character that would not fit whole is left
    /// out. Returns the number of cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .text, attrs: Attr = [], limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var col = x
        if TerminalText.isPrintableASCII(text) {
            // One cell a byte, nothing to sanitize or join: the common case, without
            // breaking the text into graphemes.
            for b in text.utf8 {
                if col + 1 > end { break }
                if col >= 0 {
                    clearWide(at: col, y: y)
                    self[col, y] = Cell(Grid.ascii[Int(b)], role: role, attrs: attrs)
                }
                col += 1
            }
            return col - x
        }
        for ch in TerminalText.forGrid(text) {
            let w = TerminalText.width(of: ch)
            if w == 0 {
                // A lone combining mark: attach it to the previous cell.
                if col > x, col - 1 >= 0, col - 1 < width { self[col - 1, y].text.append(ch) }
                continue
            }
            if col + w > end { break }
            if col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(String(ch), role: role, attrs: attrs)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell("", role: role, attrs: attrs)
                }
            }
            col += w
        }
        return col - x
    }

    /// Overwriting half of a wide character blanks its other half, so no frame ever
    /// shows half a glyph.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(" ", role: self[x - 1, y].role) }
        if x + 1 < width, self[x + 1, y].isContinuation { self[x + 1, y] = Cell(" ", role: self[x + 1, y].role) }
    }

    /// `text` truncated with an ellipsis to `width` cells and padded with spaces.
    @discardableResult
    public mutating func putPadded(_ text: String, x: Int, y: Int, width w: Int, role: Role = .text, attrs: Attr = [],
                                   alignRight: Bool = false) -> Int {
        guard w > 0 else { return 0 }
        return put(TerminalText.pad(TerminalText.forGrid(text), to: w, alignRight: alignRight), x: x, y: y, role: role, attrs: attrs, limit: w)
    }

    public mutating func fill(_ r: Rect, role: Role = .text, attrs: Attr = []) {
        for yy in max(0, r.y)..<min(height, r.maxY) {
            // A wide character cut by either edge goes whole.
            clearWide(at: max(0, r.x), y: yy)
            clearWide(at: min(width, r.maxX) - 1, y: yy)
            for xx in max(0, r.x)..<min(width, r.maxX) { self[xx, yy] = Cell(" ", role: role, attrs: attrs) }
        }
    }

    /// Makes sure no half of a wide character stands alone (an overlay drawn over a
    /// CJK name, say): such a half becomes a space, so the terminal and the grid always
    /// agree on where every column is.
    public mutating func normalize() {
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                // One byte is one narrow character: most of a screen, checked without
                // working out a width.
                if cell.text.utf8.count == 1 { continue }
                if cell.isContinuation {
                    if x == 0 || self[x - 1, y].isContinuation || TerminalText.width(self[x - 1, y].text) != 2 {
                        self[x, y] = Cell(" ", role: cell.role, attrs: cell.attrs)
                    }
                } else if TerminalText.width(cell.text) == 2 && (x + 1 >= width || !self[x + 1, y].isContinuation) {
                    self[x, y] = Cell(" ", role: cell.role, attrs: cell.attrs)
                }
            }
        }
    }

    /// Sets the role of a row segment and adds attributes, without changing its text:
    /// a selection bar drawn after the row. Attributes are kept, so emotion chips still
    /// show their valence (bold or underline) under the bar.
    public mutating func paint(_ r: Rect, role: Role, attrs: Attr = []) {
        for yy in max(0, r.y)..<min(height, r.maxY) {
            for xx in max(0, r.x)..<min(width, r.maxX) {
                self[xx, yy].role = role
                self[xx, yy].attrs.formUnion(attrs)
            }
        }
    }

    /// A box with a title in its top edge. The focused box is drawn in heavy lines and
    /// its own role, so focus shows even without colour.
    public mutating func box(_ r: Rect, title: String = "", focused: Bool = false) {
        guard r.width >= 2, r.height >= 2 else { return }
        let role: Role = focused ? .borderFocused : .border
        let attrs: Attr = focused ? .bold : []
        let (h, v, tl, tr, bl, br) = focused ? ("━", "┃", "┏", "┓", "┗", "┛") : ("─", "│", "┌", "┐", "└", "┘")
        // Line-drawing characters are one cell wide and need no sanitising: set as cells,
        // not put as text (a box edge is hundreds of cells a frame).
        func line(_ ch: String, _ x: Int, _ y: Int) {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            clearWide(at: x, y: y)
            self[x, y] = Cell(ch, role: role, attrs: attrs)
        }
        for xx in r.x + 1..<r.maxX - 1 {
            line(h, xx, r.y)
            line(h, xx, r.maxY - 1)
        }
        for yy in r.y + 1..<r.maxY - 1 {
            line(v, r.x, yy)
            line(v, r.maxX - 1, yy)
        }
        line(tl, r.x, r.y)
        line(tr, r.maxX - 1, r.y)
        line(bl, r.x, r.maxY - 1)
        line(br, r.maxX - 1, r.maxY - 1)
        if !title.isEmpty, r.width > 6 {
            put(" \(TerminalText.truncate(title, to: r.width - 6)) ", x: r.x + 2, y: r.y,
                role: focused ? .borderFocused : .title, attrs: .bold, limit: r.width - 4)
        }
    }

    /// Copies rows of `source`, from `fromRow` on, into `area` (a scrolled panel).
    public mutating func blit(_ source: Grid, fromRow: Int, into area: Rect) {
        for row in 0..<area.height {
            let sy = fromRow + row, y = area.y + row
            guard sy >= 0, sy < source.height, y >= 0, y < height else { continue }
            for col in 0..<min(area.width, source.width) {
                let x = area.x + col
                if x >= 0 && x < width { self[x, y] = source[col, sy] }
            }
        }
    }

    /// The grid as lines of text (wide characters once, trailing blanks trimmed): what
    /// snapshot tests compare.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    public var text: String { lines().joined(separator: "\n") }
}
