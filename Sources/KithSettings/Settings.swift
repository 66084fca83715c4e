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
///     [emotions]                # your own words, beside the standard 48
///     giddy = { valence = "pleasant", energy = "high" }
///     "müde" = { valence = "unpleasant", energy = "low" }
///
/// A bad value is an error naming the file, the line, the key and what is accepted; an
/// unknown key is a warning, and so is an emotion word the standard catalog already has
/// (a later kith may add a word a config already names: that must not stop it starting).
public struct Settings: Sendable {
    public var theme: String?
    public var rules = Rules()
    /// Unknown keys and words already standard: reported, then ignored.
    public var warnings: [String] = []

    public static func path(environment: [String: String]) -> String {
        ThemeLoader.configDirectory(environment: environment) + "/config.toml"
    }

    /// The settings in effect: the file's where there is one, the defaults otherwise.
    public static func load(environment: [String: String]) throws -> Settings {
        let file = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: file) else { return Settings() }
        guard let text = String(data: data, encoding: .utf8) else { throw ConfigError(description: "\(file) is not UTF-8 text") }
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) throws -> Settings {
        let table: TOMLTable
        do { table = try TOML.parse(text) } catch {
            throw ConfigError(description: "\(file):\(error.line): \(error.reason)")
        }
        var s = Settings()
        func at(_ path: [String]) -> String { "\(file):\(line(of: path, in: text))" }
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
                    else { s.warnings.append("\(at([key, k])): unknown key \(keyName([key, k])) (ignored); use inner, close, friends, wider or group") }
                }
            case "emotions":
                guard let t = value.table else {
                    throw fail([key], "must be a table: [emotions], then a line per word: giddy = { valence = \"pleasant\", energy = \"high\" }")
                }
                var own: [(line: Int, emotion: Emotion)] = []
                // In the order they are written, which TOML's tables do not keep: the
                // later of two spellings of a word is the one reported.
                let words = t.keys.map { (line: line(of: [key, $0], in: text), key: $0) }.sorted { ($0.line, $0.key) < ($1.line, $1.key) }
                for (n, k) in words {
                    let path = [key, k]
                    let word = k.lowercased()
                    if let why = EmotionCatalog.problem(with: word) { throw fail(path, "the word \(why)") }
                    guard let fields = t[k]!.table else {
                        throw fail(path, "must be { valence = \"pleasant\" or \"unpleasant\", energy = \"high\" or \"low\" }")
                    }
                    for f in fields.keys where f != "valence" && f != "energy" {
                        s.warnings.append("\(at(path + [f])): unknown key \(keyName(path + [f])) (ignored); a word has valence and energy")
                    }
                    guard let v = fields["valence"] else { throw fail(path, "needs a valence: \"pleasant\" or \"unpleasant\"") }
                    guard let e = fields["energy"] else { throw fail(path, "needs an energy: \"high\" or \"low\"") }
                    let emotion = Emotion(word, try choice(path + ["valence"], v, as: Valence.self),
                                          try choice(path + ["energy"], e, as: Energy.self))
                    if let standard = EmotionCatalog.standard.emotion(word) {
                        s.warnings.append("\(at(path)): \(keyName(path)): \"\(word)\" is already a standard word (\(standard.valence.rawValue), \(standard.energy.rawValue) energy); this line is ignored")
                        continue
                    }
                    if let other = own.first(where: { $0.emotion.word == word }) {
                        throw fail(path, "\"\(word)\" is already on line \(other.line) (words are not case-sensitive)")
                    }
                    own.append((n, emotion))
                }
                s.rules.emotions = EmotionCatalog.standard.adding(own.map(\.emotion))
            default:
                s.warnings.append("\(at([key])): unknown key \"\(TerminalText.sanitize(key))\" (ignored)")
            }
        }
        // TOML tables have no order; the file has. Warnings follow its lines.
        s.warnings.sort { lineNumber($0) < lineNumber($1) }
        return s
    }

    /// A key path as TOML writes it: `emotions.giddy`, `emotions."müde"`.
    public static func keyName(_ path: [String]) -> String {
        path.map { k in
            !k.isEmpty && k.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" }
                ? k : "\"\(TerminalText.sanitize(k))\""
        }.joined(separator: ".")
    }

    /// The line a key is set on, for messages (1 when it cannot be found). TOMLKit keeps
    /// no positions, so the text is read again, following `[table]` headers, keys bare,
    /// quoted or dotted: the line that sets the key itself (or is its `[table.key]`);
    /// else the nearest line around it, as the word whose inline table holds a bad
    /// `valence`; else the first line setting a key of that name anywhere.
    static func line(of path: [String], in text: String) -> Int {
        var header: [String] = []
        var enclosing: (line: Int, depth: Int)?
        var sameName: Int?
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let l = raw.drop { $0 == " " || $0 == "\t" }
            let sets: [String]
            if l.hasPrefix("["), !l.hasPrefix("[["), let close = l.firstIndex(of: "]") {
                header = dottedKey(l[l.index(after: l.startIndex)..<close]) ?? []
                sets = header
            } else if let eq = l.firstIndex(of: "="), let key = dottedKey(l[..<eq]) {
                sets = header + key
                if sameName == nil, key.last == path.last { sameName = i + 1 }
            } else {
                continue
            }
            if sets == path { return i + 1 }
            if !sets.isEmpty, sets.count < path.count, Array(path.prefix(sets.count)) == sets, sets.count > (enclosing?.depth ?? 0) {
                enclosing = (i + 1, sets.count)
            }
        }
        return enclosing?.line ?? sameName ?? 1
    }

    /// `a.b`, `"a b".c`, ` a . 'b' `: the parts of a key as written, or nil when the
    /// text is not a key.
    static func dottedKey(_ text: Substring) -> [String]? {
        var parts: [String] = []
        var rest = text[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return nil }
            if first == "'" {
                // A literal string: no escapes.
                guard let end = rest.dropFirst().firstIndex(of: "'") else { return nil }
                parts.append(String(rest[rest.index(after: rest.startIndex)..<end]))
                rest = rest[rest.index(after: end)...]
            } else if first == "\"" {
                guard let (key, after) = basicString(rest.dropFirst()) else { return nil }
                parts.append(key)
                rest = after
            } else {
                let bare = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
                guard !bare.isEmpty else { return nil }
                parts.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { return parts }
            guard rest.first == "." else { return nil }
            rest = rest.dropFirst()
        }
    }

    /// A basic string's text up to its closing quote, escapes undone (`"bell\u0007"` is
    /// the key TOML reads), and what follows the quote; nil when it does not close.
    static func basicString(_ text: Substring) -> (String, Substring)? {
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            i = text.index(after: i)
            if c == "\"" { return (out, text[i...]) }
            guard c == "\\" else { out.append(c); continue }
            guard i < text.endIndex else { return nil }
            let e = text[i]
            i = text.index(after: i)
            switch e {
            case "b": out.append("\u{8}")
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "f": out.append("\u{C}")
            case "r": out.append("\r")
            case "e": out.append("\u{1B}")
            case "u", "U":
                let digits = text[i...].prefix(e == "u" ? 4 : 8)
                guard let v = UInt32(digits, radix: 16), let u = Unicode.Scalar(v) else { return nil }
                out.unicodeScalars.append(u)
                i = digits.endIndex
            default: out.append(e)
            }
        }
        return nil
    }

    /// Just the theme, for the TUI: a config file that cannot be read does not stop it.
    public static func theme(environment: [String: String]) -> String? {
        (try? load(environment: environment))?.theme
    }
}

/// The line number in a "file:12: …" message, for ordering.
private func lineNumber(_ message: String) -> Int {
    let parts = message.split(separator: ":", maxSplits: 2)
    return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
}
