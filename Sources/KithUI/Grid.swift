import KithCore
import Synchronization

/// Semantic colour roles. Views say what a cell *is*; a theme says how that looks.
public enum Role: String, CaseIterable, Sendable {
    case text, muted, border, borderFocused = "border.focused", selection, selectionInactive = "selection.inactive"
    case title, header, statusbar, keyhintKey = "keyhint.key", keyhintDesc = "keyhint.desc", error
    case emotionPleasant = "emotion.pleasant", emotionUnpleasant = "emotion.unpleasant", overdue, due, accent
    /// The header's coloured parts: overdue, due and birthdays on the header's bar.
    case headerOverdue = "header.overdue", headerDue = "header.due", headerAccent = "header.accent"

    /// For a part of the header, the role whose colour it takes.
    var headerPartOf: Role? {
        switch self {
        case .headerOverdue: .overdue
        case .headerDue: .due
        case .headerAccent: .accent
        default: nil
        }
    }
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
///
/// A cell is eight bytes of plain data: its character is one Unicode scalar held inline,
/// or, for the rare grapheme of several scalars (a letter with combining marks, a ZWJ
/// emoji), the number of that grapheme in `Clusters`. A frame is then copied, compared
/// and diffed without touching a reference count; cells holding `String`s made the
/// frame's bookkeeping cost more than drawing it.
public struct Cell: Hashable, Sendable {
    /// The scalar's value; a cluster's number with `clusterBit` set; 0 for the second
    /// half of a wide character.
    public private(set) var code: UInt32
    public var role: Role
    public var attrs: Attr

    static let clusterBit: UInt32 = 0x8000_0000

    public init(_ text: String = " ", role: Role = .text, attrs: Attr = []) {
        self.code = Cell.code(for: text)
        self.role = role
        self.attrs = attrs
    }

    /// A cell of one scalar (`code` is its value, or 0 for a continuation).
    init(code: UInt32, role: Role, attrs: Attr) {
        self.code = code
        self.role = role
        self.attrs = attrs
    }

    public static let blank = Cell()

    public var text: String {
        get {
            if code == 0 { return "" }
            if code & Cell.clusterBit != 0 { return Clusters.shared.text(code & ~Cell.clusterBit) }
            if code < 0x80 { return Grid.ascii[Int(code)] }
            return Unicode.Scalar(code).map { String($0) } ?? "\u{FFFD}"
        }
        set { code = Cell.code(for: newValue) }
    }

    /// The scalars to send to the terminal, in order (at most a handful).
    public func forEachScalar(_ body: (Unicode.Scalar) -> Void) {
        if code == 0 { return }
        if code & Cell.clusterBit == 0 {
            body(Unicode.Scalar(code) ?? "\u{FFFD}")
            return
        }
        for u in Clusters.shared.text(code & ~Cell.clusterBit).unicodeScalars { body(u) }
    }

    public var isContinuation: Bool { code == 0 }

    /// The cell's one scalar; nil for a cluster or a continuation.
    public var scalar: Unicode.Scalar? {
        code & Cell.clusterBit == 0 && code != 0 ? Unicode.Scalar(code) : nil
    }

    /// True for a cell that could be half of a wide character: a continuation, a
    /// cluster, or a scalar from U+1100 on (no narrower code point is ever wide).
    var mayBeWide: Bool { code == 0 || code >= 0x1100 }

    static func code(for text: String) -> UInt32 {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return first.value }
        return Clusters.shared.number(of: text).map { $0 | Cell.clusterBit } ?? first.value
    }
}

/// The graphemes of more than one scalar that cells have held, each stored once and
/// known by its number. Few in practice (the accented names and emoji of a roster); past
/// `limit` distinct ones a cell keeps only a cluster's first scalar, so hostile text
/// cannot grow the table without end.
final class Clusters: Sendable {
    static let shared = Clusters()
    static let limit = 65_536
    private let table = Mutex<(texts: [String], numbers: [String: UInt32])>(([], [:]))

    func number(of text: String) -> UInt32? {
        table.withLock { t in
            if let n = t.numbers[text] { return n }
            guard t.texts.count < Clusters.limit else { return nil }
            let n = UInt32(t.texts.count)
            t.texts.append(text)
            t.numbers[text] = n
            return n
        }
    }

    func text(_ number: UInt32) -> String {
        table.withLock { t in Int(number) < t.texts.count ? t.texts[Int(number)] : "\u{FFFD}" }
    }
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
    /// Whether any cell may be half of a wide character; `normalize` has nothing to do
    /// on a grid without one (most frames of a Latin-script roster).
    private var mayHaveWide = false

    public static func == (a: Grid, b: Grid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// One-character strings for the printable ASCII bytes, made once rather than for
    /// every cell of every frame.
    static let ascii: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }


    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            if newValue.mayBeWide { mayHaveWide = true }
            cells[y * width + x] = newValue
        }
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
                    cells[y * width + col] = Cell(code: UInt32(b), role: role, attrs: attrs)
                }
                col += 1
            }
            return col - x
        }
        if TerminalText.isOneCellPerScalar(text) {
            for u in text.unicodeScalars {
                if col + 1 > end { break }
                if col >= 0 {
                    clearWide(at: col, y: y)
                    cells[y * width + col] = Cell(code: u.value, role: role, attrs: attrs)
                }
                col += 1
            }
            return col - x
        }
        // A cell is what ncurses places as one character: a scalar that takes room, with
        // the zero-width scalars after it (combining marks, a virama). A grapheme of
        // several such scalars (a flag, a Devanagari conjunct, Thai with its vowel) takes
        // one cell per scalar, as ncurses and the terminal count it: as one cell it sat a
        // column short of its width and shifted the rest of the row.
        var last: Int?   // the column the latest scalar with room went to
        for u in TerminalText.forGrid(text).unicodeScalars {
            let w = TerminalText.width(of: u)
            if w == 0 {
                if let last { self[last, y].text.unicodeScalars.append(u) }
                continue
            }
            if col + w > end { break }
            last = nil
            if col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(code: u.value, role: role, attrs: attrs)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell(code: 0, role: role, attrs: attrs)
                }
                last = col
            }
            col += w
        }
        return col - x
    }

    /// Overwriting half of a wide character blanks its other half, so no frame ever
    /// shows half a glyph.
    private mutating func clearWide(at x: Int, y: Int) {
        guard mayHaveWide, x >= 0, x < width else { return }
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(code: 0x20, role: self[x - 1, y].role, attrs: []) }
        if x + 1 < width, self[x + 1, y].isContinuation { self[x + 1, y] = Cell(code: 0x20, role: self[x + 1, y].role, attrs: []) }
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
            let blank = Cell(code: 0x20, role: role, attrs: attrs)
            for xx in max(0, r.x)..<min(width, r.maxX) { cells[yy * width + xx] = blank }
        }
    }

    /// Makes sure no half of a wide character stands alone (an overlay drawn over a
    /// CJK name, say): such a half becomes a space, so the terminal and the grid always
    /// agree on where every column is.
    public mutating func normalize() {
        guard mayHaveWide else { return }
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                // Most of a screen is narrow for certain, without working out a width.
                if !cell.mayBeWide { continue }
                if cell.isContinuation {
                    if x == 0 || self[x - 1, y].isContinuation || Grid.width(of: self[x - 1, y]) != 2 {
                        self[x, y] = Cell(code: 0x20, role: cell.role, attrs: cell.attrs)
                    }
                } else if Grid.width(of: cell) == 2 && (x + 1 >= width || !self[x + 1, y].isContinuation) {
                    self[x, y] = Cell(code: 0x20, role: cell.role, attrs: cell.attrs)
                }
            }
        }
    }

    private static func width(of cell: Cell) -> Int {
        if let u = cell.scalar { return TerminalText.width(of: u) }
        return TerminalText.width(cell.text)
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
        let (h, v, tl, tr, bl, br): (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) =
            focused ? ("━", "┃", "┏", "┓", "┗", "┛") : ("─", "│", "┌", "┐", "└", "┘")
        // Line-drawing characters are one cell wide and need no sanitising: set as cells,
        // not put as text (a box edge is hundreds of cells a frame).
        func line(_ ch: Unicode.Scalar, _ x: Int, _ y: Int) {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            clearWide(at: x, y: y)
            cells[y * width + x] = Cell(code: ch.value, role: role, attrs: attrs)
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
        if source.mayHaveWide { mayHaveWide = true }
        for row in 0..<area.height {
            let sy = fromRow + row, y = area.y + row
            guard sy >= 0, sy < source.height, y >= 0, y < height else { continue }
            for col in 0..<min(area.width, source.width) {
                let x = area.x + col
                if x >= 0 && x < width { cells[y * width + x] = source[col, sy] }
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
