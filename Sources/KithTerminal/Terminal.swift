import CNcursesw
import Glibc
import KithUI

public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "kith's full-screen view needs a terminal; for scripts use the commands (kith --help)"
        case .unknownTerminal(let term):
            "the terminal type \"\(term)\" is unknown to ncurses; try TERM=xterm-256color"
        }
    }
}

/// An input event from the terminal.
public enum TerminalEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Standard input ended: the app should leave.
    case end
}

/// The ncurses backend: the only code that talks to the terminal. It pushes a Grid to
/// the screen (only the rows that changed since the last frame) and turns key codes
/// into `Key`s.
public final class Terminal {
    private var screen: OpaquePointer?
    private var previous: Grid?
    private var pairs: [Style: Int16] = [:]
    private let theme: Theme
    private let colors: Int

    public init(theme: Theme) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        // Wide text needs a UTF-8 locale before ncurses starts; fall back to C.UTF-8.
        setlocale(LC_ALL, "")
        if !String(cString: nl_langinfo(nl_item(CODESET))).uppercased().contains("UTF") {
            setlocale(LC_ALL, "C.UTF-8")
        }
        guard !term.isEmpty, let s = kith_newterm() else { throw TerminalError.unknownTerminal(term) }
        screen = s
        set_term(s)
        raw()
        noecho()
        nonl()
        keypad(kith_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var colors = 0
        if theme.usesColor && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(kith_colors())
        }
        self.colors = colors
        self.theme = colors > 0 ? theme : .monochrome
    }

    deinit { end() }

    public func end() {
        guard let s = screen else { return }
        endwin()
        delscreen(s)
        screen = nil
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(kith_stdscr())), Int(getmaxy(kith_stdscr())))
    }

    /// Forgets what is on screen, so that the next draw repaints everything (Ctrl-L).
    public func invalidate() {
        previous = nil
        clearok(kith_stdscr(), true)
    }

    public func draw(_ grid: Grid) {
        let fresh = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if fresh { erase() }
        for y in 0..<grid.height {
            if !fresh, let p = previous, rowEqual(p, grid, y) { continue }
            drawRow(grid, y)
        }
        previous = grid
        refresh()
    }

    private func rowEqual(_ a: Grid, _ b: Grid, _ y: Int) -> Bool {
        let start = y * a.width
        return a.cells[start..<start + a.width] == b.cells[start..<start + b.width]
    }

    private func drawRow(_ grid: Grid, _ y: Int) {
        var x = 0
        while x < grid.width {
            let first = grid[x, y]
            let style = resolved(first)
            var run = ""
            let startX = x
            while x < grid.width {
                let cell = grid[x, y]
                if cell.text.isEmpty { x += 1; continue } // second half of a wide character
                // Neighbours mostly share a role: compare those before resolving a style.
                if (cell.role != first.role || cell.attrs != first.attrs) && resolved(cell) != style { break }
                run += cell.text
                x += 1
            }
            apply(style)
            mvaddstr(Int32(y), Int32(startX), run)
        }
        attrset(0)
    }

    private func resolved(_ cell: Cell) -> Style {
        var s = theme.style(cell.role)
        s.attrs.formUnion(cell.attrs)
        if colors == 0 { s.fg = .terminalDefault; s.bg = .terminalDefault }
        return s
    }

    private func apply(_ s: Style) {
        var a: attr_t = 0
        if s.attrs.contains(.bold) { a |= kith_a_bold() }
        if s.attrs.contains(.reverse) { a |= kith_a_reverse() }
        if s.attrs.contains(.underline) { a |= kith_a_underline() }
        if s.attrs.contains(.dim) { a |= kith_a_dim() }
        attrset(Int32(bitPattern: UInt32(truncatingIfNeeded: a | attr_t(pairAttr(s)))))
    }

    /// Colour pairs are allocated as styles first appear, mapped down to what the
    /// terminal has (256, 16 or 8 colours).
    private func pairAttr(_ s: Style) -> UInt32 {
        guard colors > 0, s.fg != .terminalDefault || s.bg != .terminalDefault else { return 0 }
        var key = s
        key.attrs = []
        if let p = pairs[key] { return UInt32(truncatingIfNeeded: COLOR_PAIR(Int32(p))) }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < kith_color_pairs() else { return 0 }
        init_pair(next, number(s.fg), number(s.bg))
        pairs[key] = next
        return UInt32(truncatingIfNeeded: COLOR_PAIR(Int32(next)))
    }

    private func number(_ c: Color) -> Int16 {
        guard case .index(let i) = c else { return -1 }
        return Int16(Palette.downsample(i, to: colors))
    }

    /// Waits for the next key or resize. Returns `.end` when standard input is closed.
    public func next() -> TerminalEvent {
        while true {
            var ch: wint_t = 0
            let r = get_wch(&ch)
            if r == ERR { return .end }
            if r == KEY_CODE_YES {
                if Int32(ch) == KEY_RESIZE {
                    previous = nil
                    return .resize(width: size.width, height: size.height)
                }
                if let key = Terminal.special(Int32(ch)) { return .key(key) }
                continue
            }
            if let key = Terminal.character(UInt32(ch)) { return .key(key) }
        }
    }

    static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        default:
            (kith_key_f(1)...kith_key_f(12)).contains(code) ? .function(Int(code - kith_key_f(1)) + 1) : nil
        }
    }

    static func character(_ c: UInt32) -> Key? {
        switch c {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(c + 96)!))
        default:
            guard let scalar = Unicode.Scalar(c), c >= 32 else { return nil }
            return .char(Character(scalar))
        }
    }
}

