import Foundation
import KithCore
import KithStore

/// What a command needs from the outside world, gathered in one place: the store's
/// path, today's date and the environment.
struct Context {
    let environment: [String: String]
    let storePath: String
    let today: Day

    init(storeOption: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.storePath = StoreLocation.resolve(explicit: storeOption, environment: environment)
        self.today = Context.today(environment: environment)
    }

    /// A `KITH_TODAY` that is not a real day is an error, never silently the clock's day
    /// (a back-fill script would log everything on the wrong day).
    static func checkPretendedDay(_ environment: [String: String]) throws {
        // Blank is unset, as for KITH_STORE.
        guard let s = environment["KITH_TODAY"], !s.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        guard let day = try? Parse.isoDay(s) else {
            throw CLIError.usage("KITH_TODAY=\(s) is not a date; give YYYY-MM-DD (or unset it)")
        }
        guard day.year >= Parse.earliestYear else { throw CLIError.usage("KITH_TODAY=\(s) is before \(Parse.earliestYear)") }
    }

    /// Today in the user's time zone. `KITH_TODAY=YYYY-MM-DD` pretends another day (for
    /// scripts that back-fill, and for tests).
    static func today(environment: [String: String]) -> Day {
        if let s = environment["KITH_TODAY"], let d = try? Parse.isoDay(s) { return d }
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return Day(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday))!
    }

    /// Opens the store. Commands that add something create it on first use; commands
    /// that only read (or that need someone already in it) answer from an empty store in
    /// memory when there is no file yet, so that trying them leaves nothing behind.
    /// The store for a command that copies it out (an export, a backup): a missing store
    /// is an error, not an empty export, so that a mistyped path in a cron job is noticed.
    func openExisting(for what: String) throws -> Store {
        if StoreLocation.isAbsent(storePath) {
            try Store.refuseLost(storePath)
            throw CLIError.failure("there is no store at \(storePath); nothing to \(what) (check --store or KITH_STORE)")
        }
        return try openStore(reading: true)
    }

    /// `quiet`: the caller shows the store's warnings itself (the full screen does).
    /// `reading`: the command only reads; the store is opened read-only and nothing on
    /// disk is created or changed (an empty file stays an empty file).
    func openStore(creating: Bool = false, quiet: Bool = false, reading: Bool = false) throws -> Store {
        if !creating && StoreLocation.isAbsent(storePath) {
            try Store.refuseLost(storePath)
            return try Store(emptyInMemoryFor: storePath)
        }
        let opened: Store?
        do {
            opened = try Store(path: storePath, readOnly: reading && !creating)
        } catch {
            guard error == .absent(storePath) else { throw error }
            opened = nil
        }
        guard let store = opened else { return try Store(emptyInMemoryFor: storePath) }
        if !quiet { for w in store.warnings { Output.error(w, prefix: "kith: ") } }
        // Once a day, just before the first change, a copy of the store (see `backups`
        // in the config), checked: a store found damaged is refused before it is written.
        store.backUpDailyBeforeFirstWrite(today: today, keep: Rules.current.dailyBackups)
        Context.opened = store
        return store
    }

    /// The store file this run opened, for the daily backup's warning.
    nonisolated(unsafe) static var opened: Store?

    /// A daily copy that could not be made is a warning after the command: the change
    /// itself is saved.
    static func reportDailyBackup() {
        if let why = opened?.dailyBackupProblem() { Output.error("warning: the daily backup was not made: \(why)") }
    }
}

/// Buffered stdout and immediate stderr.
enum Output {
    nonisolated(unsafe) private static var buffer = ""
    /// The first error writing stdout (a full disk, a closed pipe); later output is dropped.
    nonisolated(unsafe) private(set) static var writeError: Int32?

    /// Text exactly as given (no newline added), for formats with their own line ends.
    static func raw(_ s: String) {
        buffer += s
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    static func line(_ s: String = "") {
        buffer += s
        buffer += "\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    /// Whether standard output is a terminal: then no control character in stored text
    /// (an escape sequence in a note, say) may reach it raw, whatever the command.
    static let toTerminal = isatty(1) == 1

    static func flush() {
        guard !buffer.isEmpty else { return }
        var s = buffer
        buffer = ""
        guard writeError == nil else { return }
        if toTerminal { s = defused(s) }
        s.withUTF8 { p in
            var off = 0
            while off < p.count {
                let n = write(1, p.baseAddress! + off, p.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { writeError = n < 0 ? errno : EIO; return }
                off += n
            }
        }
    }

    /// Text for a terminal: line breaks kept (CRLF too), every other control character
    /// shown as U+FFFD. Files and pipes get the bytes as they are.
    static func defused(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) && $0 != "\n" && $0 != "\r" }) else { return s }
        return s.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let crlf = line.hasSuffix("\r")
            return TerminalText.sanitize(String(crlf ? line.dropLast() : line)) + (crlf ? "\r" : "")
        }.joined(separator: "\n")
    }

    /// One line on stderr, control characters made harmless and overlong input cut,
    /// so that an error never floods the terminal. A stderr that cannot be written
    /// (closed, /dev/full) is ignored: there is nowhere left to complain.
    static func error(_ s: String, prefix: String = "kith: ") {
        var line = TerminalText.sanitize(s)
        if line.count > 400 { line = String(line.prefix(400)) + "…" }
        var text = prefix + line + "\n"
        text.withUTF8 { p in
            var off = 0
            while off < p.count {
                let n = write(2, p.baseAddress! + off, p.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                off += n
            }
        }
    }
}

/// The width of the terminal standard output goes to, for commands that lay text out.
enum OutputWidth {
    static func columns() -> Int? {
        var ws = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
    }
}
