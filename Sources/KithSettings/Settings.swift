import Foundation
import KithCore

/// A config file kith cannot use: one line with the file, the line, the key and why.
public struct ConfigError: Error, CustomStringConvertible {
    public let description: String
}

/// The user's config file, `$XDG_CONFIG_HOME/kith/config.toml`:
///
///     theme = "light"
///     overdue_factor = 1.5      # overdue from this many cadences on
///     daily_cap = 5             # how many due bonds kith due and Today show
///     birthday_days = 14        # how far ahead birthdays are shown
///     self_checkin = true       # the TUI asks once a day how connected you feel
///     backups = 7               # daily copies of the store kept (0: none)
///     week_start = "monday"     # or "sunday", "saturday": what "this week" means
///     date_format = "dmy"       # "Sun 22 Nov 2026"; "mdy": "Sun Nov 22, 2026"; "iso": "2026-11-22"
///     [cadence]                 # days, per circle and for groups
///     inner = 7
///     close = 14
///     friends = 30
///     wider = 90
///     group = 30
///     [sync]                    # the sync folder and the engine that carries it
///     dir = "~/kith-vdir"       # default: $XDG_DATA_HOME/kith/vdir
///     command = "vdirsyncer sync"   # any command, run in the folder; or:
///     git = true                # kith commits, pulls and pushes the folder
///     auto = true               # the full screen syncs when it opens and after a save
///     [emotions]                # your own words, beside the standard 48
///     giddy = { valence = "pleasant", energy = "high" }
///     "müde" = { valence = "unpleasant", energy = "low" }
///
/// A bad value is an error naming the file, the line, the key and what is accepted; an
/// unknown key is a warning, and so is an emotion word the standard catalog already has
/// (a later kith may add a word a config already names: that must not stop it starting).
public struct Settings: Sendable {
    /// The most own words `[emotions]` takes: the picker shows every word, and a list
    /// longer than this is no one's vocabulary of feelings.
    public static let maxOwnWords = 1000

    public var theme: String?
    public var rules = Rules()
    public var sync = SyncSettings()
    /// Unknown keys and words already standard: reported, then ignored.
    public var warnings: [String] = []

    public static func path(environment: [String: String]) -> String {
        ThemeLoader.configDirectory(environment: environment) + "/config.toml"
    }

    /// The settings in effect: the file's where there is one, the defaults otherwise.
    public static func load(environment: [String: String]) throws -> Settings {
        let file = path(environment: environment)
        // No file: the defaults. A file that is there but cannot be read (no permission, a
        // directory, a link that goes nowhere) is an error, never silently the defaults.
        var st = stat()
        if stat(file, &st) != 0 {
            let e = errno
            var link = stat()
            if e == ENOENT && lstat(file, &link) != 0 { return Settings() }
            throw ConfigError(description: "cannot read \(file): \(e == ENOENT ? "it is a link to nothing" : String(cString: strerror(e)))")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw ConfigError(description: "cannot read \(file): it is not a file") }
        // Refused before it is read: the reader would refuse it anyway, after holding all of it.
        guard st.st_size <= TOML.maxBytes else { throw ConfigError(description: "\(file):1: \(TOML.tooLarge)") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigError(description: "cannot read \(file): \(String(cString: strerror(errno)))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ConfigError(description: "\(file) is not UTF-8 text") }
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) throws -> Settings {
        let table: TOMLTable
        do { table = try TOML.parse(text) } catch {
            throw ConfigError(description: "\(file):\(error.line): \(error.reason)")
        }
        var s = Settings()
        func at(_ path: [String]) -> String { "\(file):\(table.line(of: path))" }
        // Warnings keep their line beside them, to be put in the file's order at the end
        // (a [table] written after a key that comes later in the switch below is read in
        // key order); once they were sorted by parsing the number back out of the text,
        // which a file name holding a colon would defeat.
        var warnings: [(line: Int, text: String)] = []
        func warn(_ path: [String], _ text: String) { warnings.append((table.line(of: path), "\(at(path)): \(text)")) }
        func fail(_ path: [String], _ why: String) -> ConfigError {
            ConfigError(description: "\(at(path)): \(keyName(path)): \(why)")
        }
        func int(_ path: [String], _ value: TOMLValue, _ range: ClosedRange<Int>) throws -> Int {
            guard let n = value.int, range.contains(n) else {
                throw fail(path, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
        /// One of a few words, in any case: week_start = "Sunday" is plainly meant.
        func choice<T: RawRepresentable & CaseIterable>(_ path: [String], _ value: TOMLValue,
                                                         _ what: String = "", as: T.Type) throws -> T where T.RawValue == String {
            let names = T.allCases.map { "\"\($0.rawValue)\"" }
            let list = names.dropLast().joined(separator: ", ") + " or " + names.last!
            guard let text = value.string else { throw fail(path, "must be \(list)\(what)") }
            guard let v = T(rawValue: text.trimmingSpaces.lowercased()) else {
                throw fail(path, "must be \(list)\(what), not \"\(TerminalText.sanitize(text))\"")
            }
            return v
        }
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "theme":
                guard let t = value.string, !t.isEmpty else { throw fail([key], "must be a theme name in quotes") }
                s.theme = t
            case "overdue_factor":
                guard let f = value.double ?? value.int.map(Double.init), f >= 1, f <= 10 else {
                    throw fail([key], "must be a number from 1 to 10 (1.5: overdue at one and a half cadences)")
                }
                s.rules.overdueFactor = f
            case "daily_cap": s.rules.dailyCap = try int([key], value, 1...100)
            case "birthday_days": s.rules.birthdayDays = try int([key], value, 0...366)
            case "self_checkin":
                guard let b = value.bool else { throw fail([key], "must be true or false") }
                s.rules.askSelfCheckin = b
            case "backups": s.rules.dailyBackups = try int([key], value, 0...365)
            case "week_start": s.rules.weekStart = try choice([key], value, as: WeekStart.self)
            case "date_format":
                let examples = " (" + DateStyle.allCases.map { "\($0.rawValue): \($0.example)" }.joined(separator: "; ") + ")"
                s.rules.dateStyle = try choice([key], value, examples, as: DateStyle.self)
            case "cadence":
                guard let c = value.table else { throw fail([key], "must be a table: [cadence]") }
                for k in c.keys {
                    let days = try int([key, k], c[k]!, 1...3650)
                    if let circle = Circle(rawValue: k) { s.rules.cadence[circle] = days }
                    else if k == "group" { s.rules.groupCadence = days }
                    else { warn([key, k], "unknown key \(keyName([key, k])) (ignored); use inner, close, friends, wider or group") }
                }
            case "sync":
                guard let t = value.table else { throw fail([key], "must be a table: [sync], then dir, command, git or auto") }
                for k in t.keys {
                    let v = t[k]!
                    switch k {
                    case "dir":
                        guard let d = v.string, !d.trimmingSpaces.isEmpty else { throw fail([key, k], "must be a folder, as text") }
                        s.sync.dir = d
                    case "command":
                        guard let c = v.string, !c.trimmingSpaces.isEmpty else { throw fail([key, k], "must be a command, as text") }
                        s.sync.command = c
                    case "git":
                        guard let b = v.bool else { throw fail([key, k], "must be true or false") }
                        s.sync.git = b
                    case "auto":
                        guard let b = v.bool else { throw fail([key, k], "must be true or false") }
                        s.sync.auto = b
                    default:
                        warn([key, k], "unknown key \(keyName([key, k])) (ignored); use dir, command, git or auto")
                    }
                }
                if s.sync.git && s.sync.command != nil {
                    throw fail([key], "give either command or git = true, not both: they are two ways to carry the folder")
                }
            case "emotions":
                guard let t = value.table else {
                    throw fail([key], "must be a table: [emotions], then a line per word: giddy = { valence = \"pleasant\", energy = \"high\" }")
                }
                var own: [Emotion] = []
                // Each word's line, to name it when it comes again: a search of the words so
                // far made 5,000 words cost every command half a second.
                var lineOf: [String: Int] = [:]
                // In the order they are written: the later of two spellings of a word is
                // the one reported.
                let words = t.keys.map { (line: table.line(of: [key, $0]), key: $0) }
                for (n, k) in words {
                    let path = [key, k]
                    let word = k.lowercased()
                    if let why = EmotionCatalog.problem(with: word) { throw fail(path, "the word \(why)") }
                    guard let fields = t[k]!.table else {
                        throw fail(path, "must be { valence = \"pleasant\" or \"unpleasant\", energy = \"high\" or \"low\" }")
                    }
                    for f in fields.keys where f != "valence" && f != "energy" {
                        warn(path + [f], "unknown key \(keyName(path + [f])) (ignored); a word has valence and energy")
                    }
                    guard let v = fields["valence"] else { throw fail(path, "needs a valence: \"pleasant\" or \"unpleasant\"") }
                    guard let e = fields["energy"] else { throw fail(path, "needs an energy: \"high\" or \"low\"") }
                    let emotion = Emotion(word, try choice(path + ["valence"], v, as: Valence.self),
                                          try choice(path + ["energy"], e, as: Energy.self))
                    if let standard = EmotionCatalog.standard.emotion(word) {
                        warn(path, "\(keyName(path)): \"\(word)\" is already a standard word (\(standard.valence.rawValue), \(standard.energy.rawValue) energy); this line is ignored")
                        continue
                    }
                    if let other = lineOf[word] {
                        throw fail(path, "\"\(word)\" is already on line \(other) (words are not case-sensitive)")
                    }
                    guard own.count < maxOwnWords else {
                        throw fail(path, "more than \(Numerals.grouped(maxOwnWords)) own words; kith takes at most \(Numerals.grouped(maxOwnWords))")
                    }
                    lineOf[word] = n
                    own.append(emotion)
                }
                s.rules.emotions = EmotionCatalog.standard.adding(own)
            default:
                warn([key], "unknown key \"\(TerminalText.sanitize(key))\" (ignored)")
            }
        }
        s.warnings += warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element.text)
        return s
    }

    /// A key path as TOML writes it: `emotions.giddy`, `emotions."müde"`.
    public static func keyName(_ path: [String]) -> String {
        path.map { k in
            !k.isEmpty && k.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" }
                ? k : "\"\(TerminalText.sanitize(k))\""
        }.joined(separator: ".")
    }

    /// Just the theme, for the TUI: a config file that cannot be read does not stop it.
    public static func theme(environment: [String: String]) -> String? {
        (try? load(environment: environment))?.theme
    }
}

/// `[sync]`: where the sync folder is and what carries it.
public struct SyncSettings: Sendable, Equatable {
    /// The folder, as written (`~` allowed); nil: `$XDG_DATA_HOME/kith/vdir`.
    public var dir: String?
    /// A command run in the folder between kith's two steps (`vdirsyncer sync`).
    public var command: String?
    /// kith commits, pulls (with its merge driver) and pushes the folder.
    public var git = false
    /// The full screen syncs when it opens and after a save, in the background.
    public var auto = false

    public init() {}

    public var hasEngine: Bool { command != nil || git }
}
