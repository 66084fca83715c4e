import Foundation
import KithCore
import KithUI

/// Reads theme files: a palette of named colours and a table of semantic roles.
public enum ThemeLoader {
    public static let builtinNames = ["dark", "light", "high-contrast", "monochrome"]
    public static let defaultName = "dark"
    /// The most colours a `[palette]` may name: a theme needs a few dozen.
    public static let maxPalette = 1000

    /// Where user themes live: `$XDG_CONFIG_HOME/kith/themes/NAME.toml`.
    public static func userDirectory(environment: [String: String]) -> String {
        configDirectory(environment: environment) + "/themes"
    }

    public static func configDirectory(environment: [String: String]) -> String {
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/kith" }
        return (environment["HOME"] ?? "") + "/.config/kith"
    }

    /// The theme called `name` (a user theme first, then a built-in one; a name with a
    /// slash is a file path). Never fails: a missing or broken theme gives the default
    /// theme and a one-line warning saying why.
    public static func load(_ name: String?, environment: [String: String]) -> (Theme, warning: String?) {
        if let nc = environment["NO_COLOR"], !nc.isEmpty { return (builtin("monochrome"), nil) }
        let wanted = name ?? defaultName
        do {
            if wanted.contains("/") {
                return (try parse(try readFile(wanted), file: wanted), nil)
            }
            let userFile = userDirectory(environment: environment) + "/\(wanted).toml"
            if FileManager.default.fileExists(atPath: userFile) {
                return (try parse(try readFile(userFile), file: userFile), nil)
            }
            if BuiltinThemes.all[wanted] != nil { return (builtin(wanted), nil) }
            let known = (builtinNames + userThemeNames(environment: environment)).joined(separator: ", ")
            return (builtin(defaultName), "unknown theme \"\(wanted)\" (themes: \(known)); using \(defaultName)")
        } catch let e as ThemeError {
            return (builtin(defaultName), "\(e.message); using the \(defaultName) theme")
        } catch {
            return (builtin(defaultName), "theme \(wanted): \(error); using the \(defaultName) theme")
        }
    }

    static func userThemeNames(environment: [String: String]) -> [String] {
        let dir = userDirectory(environment: environment)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func readFile(_ path: String) throws -> String {
        // Refused before it is read: the reader would refuse it anyway, after holding all of it.
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > TOML.maxBytes {
            throw ThemeError("\(path):1: \(TOML.tooLarge)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError("cannot read theme file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ThemeError("\(path) is not UTF-8 text") }
        return text
    }

    /// A built-in theme; they are tested to parse, so this cannot fail in practice.
    public static func builtin(_ name: String) -> Theme {
        (try? parse(BuiltinThemes.all[name] ?? "", file: name)) ?? .monochrome
    }

    /// Parses a theme file. Errors name the file, the line where it can, and the reason.
    public static func parse(_ text: String, file: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOML.parse(text)
        } catch {
            throw ThemeError("\(file):\(error.line): \(error.reason)")
        }
        let name = table["name"]?.string ?? (file as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "")
        let usesColor = table["color"]?.bool ?? true
        var palette: [String: Color] = [:]
        if let p = table["palette"]?.table {
            if p.keys.count > maxPalette {
                let key = p.keys[maxPalette]
                throw ThemeError("\(file):\(table.line(of: ["palette", key])): \(Settings.keyName(["palette", key])): more than \(Numerals.grouped(maxPalette)) colours in [palette]; a theme needs a few dozen")
            }
            for key in p.keys {
                palette[key] = try color(p[key]!, key: "palette.\(key)", palette: [:], file: file)
            }
        }
        var given: [String: Style] = [:]
        if let roles = table["roles"]?.table {
            for key in roles.keys {
                guard Role(rawValue: key) != nil || Role.allCases.contains(where: { $0.rawValue.hasPrefix(key + ".") }) else {
                    throw ThemeError("\(file): unknown role \"\(key)\" (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard let spec = roles[key]?.table else { throw ThemeError("\(file): role \"\(key)\" must be a table like { fg = \"blue\" }") }
                var style = Style()
                if let fg = spec["fg"] { style.fg = try color(fg, key: "roles.\(key).fg", palette: palette, file: file) }
                if let bg = spec["bg"] { style.bg = try color(bg, key: "roles.\(key).bg", palette: palette, file: file) }
                if let mods = spec["modifiers"] {
                    guard let list = mods.array else { throw ThemeError("\(file): roles.\(key).modifiers must be a list") }
                    for m in list {
                        switch m.string {
                        case "bold": style.attrs.insert(.bold)
                        case "dim": style.attrs.insert(.dim)
                        case "underline": style.attrs.insert(.underline)
                        case "reverse": style.attrs.insert(.reverse)
                        default:
                            throw ThemeError("\(file): roles.\(key).modifiers: unknown modifier \(m.debugDescription); use bold, dim, underline or reverse")
                        }
                    }
                }
                given[key] = style
            }
        }
        // Fallback chain: "keyhint.key" → "keyhint" → "text" → the terminal's default.
        var styles: [Role: Style] = [:]
        for role in Role.allCases {
            // Header parts left out are made by Theme from their role and the header.
            if role.rawValue.hasPrefix("header."), given[role.rawValue] == nil { continue }
            var key = role.rawValue
            var style = given[key]
            while style == nil, let dot = key.lastIndex(of: ".") {
                key = String(key[..<dot])
                style = given[key]
            }
            styles[role] = style ?? given["text"] ?? Style()
        }
        return Theme(name: name, styles: styles, usesColor: usesColor)
    }

    static func color(_ value: TOMLValue, key: String, palette: [String: Color], file: String) throws -> Color {
        if let n = value.int {
            guard (0...255).contains(n) else { throw ThemeError("\(file): \(key) = \(n): a colour number is 0 to 255") }
            return .index(n)
        }
        guard let s = value.string else {
            throw ThemeError("\(file): \(key) must be a colour: \"default\", 0-255, \"#rrggbb\" or a palette name")
        }
        if s == "default" { return .terminalDefault }
        if s.hasPrefix("#") {
            let hex = s.dropFirst()
            guard hex.count == 6, let v = Int(hex, radix: 16) else { throw ThemeError("\(file): \(key) = \"\(s)\" is not a #rrggbb colour") }
            return .index(Palette.nearest(r: v >> 16, g: (v >> 8) & 0xFF, b: v & 0xFF))
        }
        if let c = palette[s] { return c }
        throw ThemeError("\(file): \(key) = \"\(s)\": no such colour in [palette]")
    }
}

public struct ThemeError: Error, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
