import Foundation
import KithCore
import TOMLKit

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
///     [cadence]                 # days, per circle and for groups
///     inner = 7
///     close = 14
///     friends = 30
///     wider = 90
///     group = 30
public struct Settings: Sendable {
    public var theme: String?
    public var rules = Rules()
    /// Unknown keys: reported, then ignored.
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
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ConfigError(description: "\(file):\(e.source.begin.line): \(e.description)")
        }
        var s = Settings()
        func fail(_ key: String, _ why: String) -> ConfigError {
            ConfigError(description: "\(file):\(line(of: key, in: text)): \(key): \(why)")
        }
        func int(_ key: String, _ value: any TOMLValueConvertible, _ range: ClosedRange<Int>) throws -> Int {
            guard let n = value.int, range.contains(n) else {
                throw fail(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "theme":
                guard let t = value.string, !t.isEmpty else { throw fail(key, "must be a theme name in quotes") }
                s.theme = t
            case "overdue_factor":
                guard let f = value.double ?? value.int.map(Double.init), f >= 1, f <= 10 else {
                    throw fail(key, "must be a number from 1 to 10 (1.5: overdue at one and a half cadences)")
                }
                s.rules.overdueFactor = f
            case "daily_cap": s.rules.dailyCap = try int(key, value, 1...100)
            case "birthday_days": s.rules.birthdayDays = try int(key, value, 0...366)
            case "cadence":
                guard let c = value.table else { throw fail(key, "must be a table: [cadence]") }
                for k in c.keys {
                    let days = try int("cadence.\(k)", c[k]!, 1...3650)
                    if let circle = Circle(rawValue: k) { s.rules.cadence[circle] = days }
                    else if k == "group" { s.rules.groupCadence = days }
                    else { s.warnings.append("\(file):\(line(of: k, in: text)): unknown key cadence.\(k) (ignored); use inner, close, friends, wider or group") }
                }
            default:
                s.warnings.append("\(file):\(line(of: key, in: text)): unknown key \"\(key)\" (ignored)")
            }
        }
        return s
    }

    /// The line a key is set on, for messages (1 when it cannot be found).
    static func line(of key: String, in text: String) -> Int {
        let bare = key.split(separator: ".").last.map(String.init) ?? key
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = l.drop { $0 == " " || $0 == "\t" }
            if t.hasPrefix(bare), t.dropFirst(bare.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") { return i + 1 }
        }
        return 1
    }

    /// Just the theme, for the TUI: a config file that cannot be read does not stop it.
    public static func theme(environment: [String: String]) -> String? {
        (try? load(environment: environment))?.theme
    }
}
