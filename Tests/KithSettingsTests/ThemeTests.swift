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
}
