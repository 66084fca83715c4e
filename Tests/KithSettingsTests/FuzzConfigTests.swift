import Foundation
import KithCore
import KithTestSupport
import Testing
@testable import KithSettings

/// The config and theme readers fed random and mutated TOML (see `Fuzz`): a setting or a
/// one-line error naming the file, never a crash.
@Suite struct FuzzConfigTests {
    static let config = Array("""
        theme = "light"
        overdue_factor = 1.5
        daily_cap = 5
        backups = 7
        week_start = "monday"
        date_format = "iso"
        [cadence]
        inner = 7
        group = 30
        [emotions]
        giddy = { valence = "pleasant", energy = "high" }
        "müde" = { valence = "unpleasant", energy = "low" }

        """.utf8)
    static let theme = Array(ThemeSample.dark.utf8)

    @Test func configReaderTakesAnything() {
        var rng = Fuzz()
        for i in 0..<Fuzz.iterations {
            let text = String(decoding: i % 4 == 0 ? rng.bytes(maxLength: 300) : rng.mutate(FuzzConfigTests.config), as: UTF8.self)
            do {
                let s = try Settings.parse(text, file: "config.toml")
                #expect(s.rules.overdueFactor >= 1 && s.rules.dailyCap >= 1 && s.rules.dailyBackups >= 0)
            } catch {
                let line = String(describing: error)
                #expect(line.hasPrefix("config.toml"), "\(line)")
                #expect(!line.contains("\n"), "\(line.debugDescription)")
            }
        }
    }

    @Test func themeReaderTakesAnything() {
        var rng = Fuzz()
        for i in 0..<Fuzz.iterations {
            let text = String(decoding: i % 4 == 0 ? rng.bytes(maxLength: 300) : rng.mutate(FuzzConfigTests.theme), as: UTF8.self)
            do { _ = try ThemeLoader.parse(text, file: "t.toml") } catch {
                #expect(!String(describing: error).isEmpty)
            }
        }
    }
}

/// Regressions the fuzzing found: TOMLKit (toml++) aborted the whole process on these,
/// which is why kith now reads TOML itself. Each must be a one-line error.
@Suite struct TOMLCrashRegressionTests {
    @Test(arguments: ["[\\palette]\nfg = 1", "[ \\x]", "[.a]", "[[=]]", "[\u{1}]", "[\n[cadence]", "[\r\nemotions]",
                      "backups =2026-02-30 7", "[\remotions]\ngiddy = 1", "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"])
    func inputsTheLibraryAbortedOnAreErrors(text: String) {
        #expect(throws: ConfigError.self) { try Settings.parse(text, file: "config.toml") }
        do { _ = try Settings.parse(text, file: "config.toml") } catch {
            let line = String(describing: error)
            #expect(line.hasPrefix("config.toml:") && !line.contains("\n"), "\(line)")
        }
        #expect(throws: (any Error).self) { try ThemeLoader.parse(text, file: "t.toml") }
    }
}

/// A real theme file to mutate: the dark one shipped in Themes/.
enum ThemeSample {
    static let dark = (try? String(contentsOfFile: fixture("../../Themes/dark.toml"), encoding: .utf8)) ?? "[roles]\ntext = { fg = \"default\" }\n"
}
