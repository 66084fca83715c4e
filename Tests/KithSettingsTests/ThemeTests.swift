import Foundation
import KithTestSupport
import Testing
@testable import KithSettings
@testable import KithUI

@Suite struct ThemeTests {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test(arguments: ThemeLoader.builtinNames)
    func shippedThemesParseAndMatchTheirFiles(_ name: String) throws {
        let file = Self.themesDir.appendingPathComponent("\(name).toml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.trimmingCharacters(in: .newlines) == BuiltinThemes.all[name]?.trimmingCharacters(in: .newlines),
                "Themes/\(name).toml and BuiltinThemes differ: copy the file into BuiltinThemes.swift")
        let theme = try ThemeLoader.parse(text, file: name)
        #expect(theme.name == name)
        // Every role is given (directly or by fallback), and selection stands out.
        for role in Role.allCases { #expect(theme.styles[role] != nil) }
        #expect(theme.style(.selection) != theme.style(.text))
        #expect(theme.style(.emotionPleasant) != theme.style(.emotionUnpleasant))
    }

    @Test func monochromeUsesNoColour() {
        let t = ThemeLoader.builtin("monochrome")
        #expect(!t.usesColor)
        for role in Role.allCases {
            #expect(t.style(role).fg == .terminalDefault && t.style(role).bg == .terminalDefault)
        }
        #expect(ThemeLoader.load("dark", environment: ["NO_COLOR": "1"]).0.name == "monochrome")
    }

    @Test func fallbackChainAndColourForms() throws {
        let t = try ThemeLoader.parse("""
            [palette]
            sea = "#0087ff"
            [roles]
            text = { fg = 250 }
            keyhint = { fg = "sea", modifiers = ["bold"] }
            """, file: "t.toml")
        #expect(t.style(.keyhintKey) == Style(fg: .index(33), attrs: .bold))   // keyhint.key → keyhint
        #expect(t.style(.keyhintDesc) == Style(fg: .index(33), attrs: .bold))
        #expect(t.style(.overdue) == Style(fg: .index(250)))                  // → text
        #expect(Palette.downsample(33, to: 16) == 6)     // azure → cyan, the nearest of the 16
        #expect(Palette.downsample(196, to: 8) == 1)
    }

    @Test func brokenThemesSayWhereAndFallBack() {
        let cases: [(String, String)] = [
            ("[roles\ntext = {}", "t.toml:1:"),
            ("[roles]\nsparkle = { fg = 1 }", "unknown role \"sparkle\""),
            ("[roles]\ntext = { fg = 300 }", "roles.text.fg = 300: a colour number is 0 to 255"),
            ("[roles]\ntext = { fg = \"nope\" }", "no such colour in [palette]"),
            ("[roles]\ntext = { modifiers = [\"blink\"] }", "unknown modifier"),
            ("[roles]\ntext = { fg = \"#12345\" }", "is not a #rrggbb colour"),
        ]
        for (text, expected) in cases {
            #expect(throws: ThemeError.self) { try ThemeLoader.parse(text, file: "t.toml") }
            do { _ = try ThemeLoader.parse(text, file: "t.toml") } catch {
                #expect(String(describing: error).contains(expected), "\(error)")
            }
        }
    }

    @Test func userThemesAndUnknownNames() throws {
        let tmp = TempDir()
        let env = ["XDG_CONFIG_HOME": tmp.path, "HOME": tmp.path]
        try FileManager.default.createDirectory(atPath: tmp.file("kith/themes"), withIntermediateDirectories: true)
        try "name = \"mine\"\n[roles]\ntext = { fg = 1 }\n".write(toFile: tmp.file("kith/themes/mine.toml"), atomically: true, encoding: .utf8)
        try "[roles\n".write(toFile: tmp.file("kith/themes/broken.toml"), atomically: true, encoding: .utf8)
        let (mine, w1) = ThemeLoader.load("mine", environment: env)
        #expect(mine.name == "mine" && w1 == nil)
        let (fallback, w2) = ThemeLoader.load("broken", environment: env)
        #expect(fallback.name == "dark" && w2?.contains("broken.toml:1:") == true)
        let (unknown, w3) = ThemeLoader.load("sparkly", environment: env)
        #expect(unknown.name == "dark" && w3?.contains("unknown theme \"sparkly\"") == true && w3?.contains("mine") == true)
        let (path, _) = ThemeLoader.load(Self.themesDir.appendingPathComponent("light.toml").path, environment: env)
        #expect(path.name == "light")
        try "theme = \"high-contrast\"\n".write(toFile: tmp.file("kith/config.toml"), atomically: true, encoding: .utf8)
        #expect(Settings.theme(environment: env) == "high-contrast")
    }

    /// 60,000 colours once took 112 s to the first frame. A palette is bounded; a theme
    /// over the bound, or with a key too deep to read, is one line naming file and line.
    @Test func aPaletteIsBoundedAndADeepKeyIsOneLine() throws {
        let limit = ThemeLoader.maxPalette
        var text = "[palette]\n"
        for i in 0..<limit { text += "c\(i) = \"#\(String(format: "%06x", i * 97))\"\n" }
        let ok = text + "[roles]\ntext = { fg = \"c\(limit - 1)\" }\n"
        #expect(try ThemeLoader.parse(ok, file: "t.toml").style(.text).fg != .terminalDefault)
        let over = text + "more = 7\n[roles]\ntext = { fg = \"c1\" }\n"
        #expect(throws: ThemeError.self) { try ThemeLoader.parse(over, file: "t.toml") }
        do { _ = try ThemeLoader.parse(over, file: "t.toml") } catch {
            #expect(String(describing: error) == "t.toml:\(limit + 2): palette.more: more than 1,000 colours in [palette]; a theme needs a few dozen")
        }

        let tmp = TempDir()
        let deep = "[roles]\n" + Array(repeating: "a", count: 10_000).joined(separator: ".") + " = 1\n"
        try deep.write(toFile: tmp.file("deep.toml"), atomically: true, encoding: .utf8)
        let (theme, warning) = ThemeLoader.load(tmp.file("deep.toml"), environment: ["HOME": tmp.path])
        #expect(theme.name == "dark")
        #expect(warning == "\(tmp.file("deep.toml")):2: a key of more than 32 parts; kith's files use two or three; using the dark theme")
    }
}

/// The header keeps its bar under its coloured parts in every built-in theme (issue 16,
/// point 16): a birthday drawn in `accent` alone broke it.
@Suite struct HeaderBarTests {
    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func headerPartsSitOnTheHeadersBar(_ name: String) {
        let theme = ThemeLoader.builtin(name)
        let bar = theme.style(.header)
        for part in [Role.headerAccent, .headerDue, .headerOverdue] {
            let s = theme.style(part)
            #expect(s.bg == bar.bg || s.bg != .terminalDefault, "\(name): \(part) breaks the bar")
            if !theme.usesColor { #expect(s.attrs.contains(.reverse), "\(name): \(part) loses the bar's reverse") }
        }
        #expect(theme.style(.headerAccent).fg == theme.style(.accent).fg || theme.style(.accent).fg == .terminalDefault)
    }
}
