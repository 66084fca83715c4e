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
    /// Text the terminal bracketed as pasted: delivered whole, never as keys.
    case paste(String)
    case resize(width: Int, height: Int)
    /// Standard input ended: the app should leave.
    case end
    /// Nothing happened within the time asked for.
    case idle
}

/// The ncurses backend: the only code that talks to the terminal. It pushes a Grid to
/// the screen (only the rows that changed since the last frame) and turns key codes
/// into `Key`s.
public final class Terminal {
    private var screen: OpaquePointer?
    private var previous: Grid?
    /// Reused for every row, so a frame allocates no cell arrays.
    private var row: [cchar_t] = []
    private var looks: [LookKey: Look] = [:]
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
        kith_catch_stop_signals()
        guard !term.isEmpty, let s = kith_newterm() else { throw TerminalError.unknownTerminal(term) }
        screen = s
        set_term(s)
        raw()
        noecho()
        nonl()
        keypad(kith_stdscr(), true)
        // Bracketed paste: the terminal wraps what is pasted in ESC[200~ … ESC[201~, which
        // ncurses then reports as two keys of kith's own.
        define_key("\u{1b}[200~", Terminal.pasteStart)
        define_key("\u{1b}[201~", Terminal.pasteEnd)
        set_escdelay(25)
        // No polling of the keyboard between lines while a frame goes out: ncurses would
        // flush and poll after every few lines, so one frame became dozens of writes, each
        // waking the terminal. The loop itself skips frames when keys are waiting.
        typeahead(-1)
        curs_set(0)
        var colors = 0
        if theme.usesColor && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(kith_colors())
        }
        self.colors = colors
        self.theme = colors > 0 ? theme : .monochrome
        // ncurses (6.4) leaves a new screen in its "initial" state until the first endwin,
        // and in that state it writes out its buffer after every cursor movement: a frame
        // went to the terminal as dozens of small writes, each one waking the terminal to
        // parse part of a frame. One suspend and resume, before anything is drawn, puts it
        // in the running state, where a frame is one write.
        endwin()
        refresh()
        Terminal.bracketedPaste(true)
    }

    deinit { end() }

    /// The key codes ncurses gives the paste brackets (past its own KEY_MAX).
    static let pasteStart: Int32 = 0x1F00, pasteEnd: Int32 = 0x1F01
    /// A paste's most: a note's 10 MB. What comes past it is read and dropped.
    static let pasteLimit = 10_000_000

    /// Asks the terminal to bracket pastes (mode 2004), or to stop: off whenever the
    /// shell has the terminal (after quitting, while suspended).
    static func bracketedPaste(_ on: Bool) {
        let seq = on ? "\u{1b}[?2004h" : "\u{1b}[?2004l"
        _ = seq.withCString { write(1, $0, strlen($0)) }
    }

    /// Ctrl-Z: hands the terminal back to the shell and stops, as a shell job does; `fg`
    /// continues here and the whole screen is drawn again.
    public func suspend() {
        Terminal.bracketedPaste(false)
        endwin()
        let old = signal(SIGTSTP, SIG_DFL)
        kill(0, SIGTSTP)
        signal(SIGTSTP, old)
        refresh()
        Terminal.bracketedPaste(true)
        invalidate()
    }

    public func end() {
        guard let s = screen else { return }
        Terminal.bracketedPaste(false)
        endwin()
        delscreen(s)
        screen = nil
    }

    /// The signal (SIGTERM, SIGHUP, SIGINT) that asked the full screen to end, or 0.
    public static var stopSignal: Int32 { kith_stop_signal() }

    /// After the full screen has ended and cleaned up: dies of the stop signal, as the
    /// process that sent it expects.
    public static func endByStopSignal() {
        let sig = stopSignal
        guard sig != 0 else { return }
        signal(sig, SIG_DFL)
        raise(sig)
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
        if fresh {
            // The terminal is cleared too, not only ncurses' picture of it: whatever else
            // wrote to it since (a message on stderr) must not stay under the frame.
            erase()
            clearok(kith_stdscr(), true)
        }
        for y in 0..<grid.height {
            guard !fresh, let p = previous else {
                drawRow(grid, y, from: 0, to: grid.width)
                continue
            }
            // Only the changed stretch of a row goes to ncurses: a move in the roster
            // changes two of its rows and the timeline beside it, not whole lines.
            guard let (from, to) = changedSpan(p, grid, y) else { continue }
            drawRow(grid, y, from: from, to: to)
        }
        previous = grid
        refresh()
    }

    /// The columns `from..<to` of row `y` that differ between two frames, widened so
    /// that no wide character is cut; nil when the row is the same.
    private func changedSpan(_ a: Grid, _ b: Grid, _ y: Int) -> (Int, Int)? {
        let start = y * b.width
        var from = 0
        var to = b.width
        let found: Bool = a.cells.withUnsafeBufferPointer { old in
            b.cells.withUnsafeBufferPointer { new in
                while from < to, old[start + from] == new[start + from] { from += 1 }
                if from == to { return false }
                while to > from, old[start + to - 1] == new[start + to - 1] { to -= 1 }
                return true
            }
        }
        guard found else { return nil }
        // A continuation cell belongs with the wide character before it, and a wide
        // character with the continuation after it.
        if from > 0, b[from, y].isContinuation || a[from, y].isContinuation { from -= 1 }
        if to < b.width, b[to, y].isContinuation || a[to, y].isContinuation { to += 1 }
        return (from, to)
    }

    /// A row goes to ncurses as one array of ready cells: converting text run by run
    /// (multibyte to wide, width lookups, control-character checks in waddnstr) was the
    /// largest cost of a frame.
    private func drawRow(_ grid: Grid, _ y: Int, from: Int, to: Int) {
        // A local buffer: the class property would be checked for exclusive access on
        // every append.
        var row = self.row
        row.removeAll(keepingCapacity: true)
        var lastRole: Role?
        var lastAttrs: Attr = []
        var look = Look(attr: 0, pair: 0)
        for x in from..<to {
            let cell = grid[x, y]
            if cell.isContinuation { continue } // second half of a wide character
            if cell.role != lastRole || cell.attrs != lastAttrs {
                look = ncursesLook(cell)
                lastRole = cell.role
                lastAttrs = cell.attrs
            }
            var c = cchar_t()
            if let u = cell.scalar {
                kith_cchar1(&c, look.attr, look.pair, Terminal.safe(u))
            } else {
                // A base with combining marks: at most CCHARW_MAX code points, no allocation.
                withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Int(CCHARW_MAX)) { buffer in
                    var n = 0
                    cell.forEachScalar { u in
                        guard n < Int(CCHARW_MAX) else { return }
                        buffer[n] = Terminal.safe(u)
                        n += 1
                    }
                    kith_cchar(&c, look.attr, look.pair, buffer.baseAddress, Int32(n))
                }
            }
            row.append(c)
        }
        _ = kith_put_row(Int32(y), Int32(from), row, Int32(row.count))
        self.row = row
    }

    /// The grid never holds control characters; should one slip through, it must not
    /// reach the terminal raw.
    @inline(__always)
    static func safe(_ u: Unicode.Scalar) -> wchar_t {
        let v = u.value
        return wchar_t(v < 0x20 || (v >= 0x7F && v <= 0x9F) ? 0xFFFD : v)
    }

    private struct Look {
        var attr: attr_t
        var pair: Int32
    }

    private struct LookKey: Hashable {
        var role: Role
        var attrs: Attr
    }

    /// The attributes and colour pair a cell's role and attributes come to, worked out
    /// once per combination.
    private func ncursesLook(_ cell: Cell) -> Look {
        let key = LookKey(role: cell.role, attrs: cell.attrs)
        if let known = looks[key] { return known }
        let s = resolved(cell)
        var a: attr_t = 0
        if s.attrs.contains(.bold) { a |= kith_a_bold() }
        if s.attrs.contains(.reverse) { a |= kith_a_reverse() }
        if s.attrs.contains(.underline) { a |= kith_a_underline() }
        if s.attrs.contains(.dim) { a |= kith_a_dim() }
        let look = Look(attr: a, pair: pairNumber(s))
        looks[key] = look
        return look
    }

    private func resolved(_ cell: Cell) -> Style {
        var s = theme.style(cell.role)
        s.attrs.formUnion(cell.attrs)
        if colors == 0 { s.fg = .terminalDefault; s.bg = .terminalDefault }
        return s
    }

    /// Colour pairs are allocated as styles first appear, mapped down to what the
    /// terminal has (256, 16 or 8 colours).
    private func pairNumber(_ s: Style) -> Int32 {
        guard colors > 0, s.fg != .terminalDefault || s.bg != .terminalDefault else { return 0 }
        var key = s
        key.attrs = []
        if let p = pairs[key] { return Int32(p) }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < kith_color_pairs() else { return 0 }
        init_pair(next, number(s.fg), number(s.bg))
        pairs[key] = next
        return Int32(next)
    }

    private func number(_ c: Color) -> Int16 {
        guard case .index(let i) = c else { return -1 }
        return Int16(Palette.downsample(i, to: colors))
    }

    /// Whether a key is already waiting: the loop then handles it before drawing, so a
    /// held key never queues up frames (ncurses' own check is off; see `typeahead`).
    public var inputPending: Bool {
        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&fds, 1, 0) > 0
    }

    /// Waits for the next key or resize, or `timeout` milliseconds (nil: for ever), then
    /// `.idle`. Returns `.end` when standard input is closed.
    public func next(timeout: Int32? = nil) -> TerminalEvent {
        // ncurses waits itself, so that a resize during the wait still comes back as
        // KEY_RESIZE at once.
        wtimeout(kith_stdscr(), timeout ?? -1)
        while true {
            var ch: wint_t = 0
            let r = get_wch(&ch)
            if Terminal.stopSignal != 0 { return .end }
            if r == ERR {
                // ERR is both "nothing within the timeout" and "input ended": ask the fd.
                guard timeout != nil else { return .end }
                var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                let n = poll(&fds, 1, 0)
                if n == 0 { return .idle }
                if fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .end }
                // Readable after all (a key right at the timeout): read it, and if even
                // that gives nothing, the input is gone.
                wtimeout(kith_stdscr(), 0)
                let again = get_wch(&ch)
                wtimeout(kith_stdscr(), timeout!)
                if again == ERR { return .end }
                if let event = event(again, ch) { return event }
                continue
            }
            if let event = event(r, ch) { return event }
        }
    }

    /// A key or a resize from what get_wch returned; nil for codes kith ignores.
    private func event(_ r: Int32, _ ch: wint_t) -> TerminalEvent? {
        if r == KEY_CODE_YES {
            if Int32(ch) == Terminal.pasteStart { return .paste(readPaste()) }
            if Int32(ch) == Terminal.pasteEnd { return nil }
            if Int32(ch) == KEY_RESIZE {
                previous = nil
                return .resize(width: size.width, height: size.height)
            }
            return Terminal.special(Int32(ch)).map { .key($0) }
        }
        return Terminal.character(UInt32(ch)).map { .key($0) }
    }

    /// Reads a paste up to its closing bracket: every character as text (Enter as a line
    /// end), special keys ncurses decoded from escape sequences inside it dropped. A
    /// paste whose end never comes stops after a second without input.
    private func readPaste() -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        wtimeout(kith_stdscr(), 1000)
        defer { wtimeout(kith_stdscr(), -1) }
        while true {
            var ch: wint_t = 0
            let r = get_wch(&ch)
            if r == ERR || Terminal.stopSignal != 0 { break }
            if r == KEY_CODE_YES {
                if Int32(ch) == Terminal.pasteEnd { break }
                if Int32(ch) == KEY_ENTER { scalars.append("\n") }
                continue
            }
            guard let u = Unicode.Scalar(UInt32(ch)) else { continue }
            count += 1
            if count <= Terminal.pasteLimit { scalars.append(u) }
        }
        return String(scalars)
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

