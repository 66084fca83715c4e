import KithCore
import Testing
@testable import KithSettings

/// config.toml: week_start, date_format and [emotions], with the line of every mistake.
@Suite struct SettingsTests {
    func parse(_ text: String) throws -> Settings { try Settings.parse(text, file: "config.toml") }

    /// The message a config is refused with.
    func error(_ text: String) -> String? {
        do { _ = try parse(text); return nil } catch { return String(describing: error) }
    }

    @Test func defaultsWithoutTheKeys() throws {
        let s = try parse("")
        #expect(s.rules == Rules())
        #expect(s.rules.weekStart == .monday && s.rules.dateStyle == .dmy && s.rules.emotions == .standard)
        #expect(s.warnings.isEmpty)
    }

    @Test func weekStartAndDateFormat() throws {
        let s = try parse("week_start = \"sunday\"\ndate_format = \"iso\"\n")
        #expect(s.rules.weekStart == .sunday && s.rules.dateStyle == .iso)
        #expect(try parse("week_start = \"Saturday\"\ndate_format = \"MDY\"").rules.weekStart == .saturday)
        #expect(try parse("date_format = \"mdy\"").rules.dateStyle == .mdy)
        #expect(try parse("date_format = \"dmy\"").rules.dateStyle == .dmy)
    }

    @Test func badWeekStartAndDateFormatNameTheLine() {
        #expect(error("theme = \"dark\"\n\nweek_start = \"tuesday\"\n")
                == "config.toml:3: week_start: must be \"monday\", \"sunday\" or \"saturday\", not \"tuesday\"")
        #expect(error("week_start = 1") == "config.toml:1: week_start: must be \"monday\", \"sunday\" or \"saturday\"")
        #expect(error("daily_cap = 3\ndate_format = \"%d/%m/%Y\"")
                == "config.toml:2: date_format: must be \"dmy\", \"mdy\" or \"iso\" (dmy: Sun 22 Nov 2026; mdy: Sun Nov 22, 2026; iso: 2026-11-22), not \"%d/%m/%Y\"")
        #expect(error("[cadence]\ninner = 7\n[x]\n") == nil)
        // A value with a control character is shown defused, never raw.
        #expect(error("date_format = \"\\u001b[31m\"")?.contains("\u{1B}") == false)
    }

    @Test func ownEmotionWords() throws {
        let s = try parse("""
            daily_cap = 3
            [emotions]
            giddy = { valence = "pleasant", energy = "high" }
            "müde" = { valence = "unpleasant", energy = "low" }
            Smitten = { valence = "Pleasant", energy = "high" }
            at-ease = { energy = "low", valence = "pleasant" }
            """)
        #expect(s.warnings.isEmpty)
        // In the file's order (TOML's tables sort their keys), lowercased.
        #expect(s.rules.emotions.ownWords == [Emotion("giddy", .pleasant, .high), Emotion("müde", .unpleasant, .low),
                                              Emotion("smitten", .pleasant, .high), Emotion("at-ease", .pleasant, .low)])
        #expect(s.rules.emotions.emotions.count == EmotionCatalog.standard.emotions.count + 4)
        #expect(s.rules.dailyCap == 3)
    }

    @Test func emotionWordsAsSubTables() throws {
        let s = try parse("""
            [emotions.giddy]
            valence = "pleasant"
            energy = "high"
            """)
        #expect(s.rules.emotions.ownWords == [Emotion("giddy", .pleasant, .high)])
        #expect(error("[emotions.giddy]\nvalence = \"pleasant\"\nenergy = \"medium\"\n")
                == "config.toml:3: emotions.giddy.energy: must be \"high\" or \"low\", not \"medium\"")
    }

    /// Own words in letters only, `count` of them, each on its own line from line 2.
    static func ownWords(_ count: Int) -> [String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<count).map { n in "own" + String((0..<4).map { letters[(n / [17576, 676, 26, 1][$0]) % 26] }) }
    }

    /// A thousand own words are read, in order, duplicates still caught; one more is
    /// refused on its line. 5,000 words once cost every command half a second.
    @Test func ownWordsAreBoundedAndReadWhole() throws {
        let limit = Settings.maxOwnWords
        let words = Self.ownWords(limit + 1)
        let lines = words.map { "\($0) = { valence = \"pleasant\", energy = \"low\" }" }
        let s = try parse("[emotions]\n" + lines.prefix(limit).joined(separator: "\n"))
        #expect(s.rules.emotions.ownWords.map { $0.word } == Array(words.prefix(limit)))
        #expect(s.rules.emotions.emotion(words[limit - 1].uppercased()) == Emotion(words[limit - 1], .pleasant, .low))
        #expect(error("[emotions]\n" + lines.joined(separator: "\n"))
                == "config.toml:\(limit + 2): emotions.\(words[limit]): more than 1,000 own words; kith takes at most 1,000")
        let twice = lines.prefix(limit - 1) + [words[0].uppercased() + " = { valence = \"pleasant\", energy = \"low\" }"]
        #expect(error("[emotions]\n" + twice.joined(separator: "\n"))?
                    .hasPrefix("config.toml:\(limit + 1): emotions.\(words[0].uppercased()): \"\(words[0])\" is already on line 2") == true)
    }

    @Test func aStandardWordWarnsAndIsIgnored() throws {
        let s = try parse("""
            [emotions]
            giddy = { valence = "pleasant", energy = "high" }
            homesick = { valence = "pleasant", energy = "high" }
            """)
        #expect(s.warnings == ["config.toml:3: emotions.homesick: \"homesick\" is already a standard word (unpleasant, low energy); this line is ignored"])
        #expect(s.rules.emotions.emotion("homesick") == Emotion("homesick", .unpleasant, .low))
        #expect(s.rules.emotions.ownWords.map(\.word) == ["giddy"])
    }

    @Test func unknownKeysInAWordWarn() throws {
        let s = try parse("[emotions]\ngiddy = { valence = \"pleasant\", energy = \"high\", colour = \"pink\" }\n")
        #expect(s.warnings == ["config.toml:2: unknown key emotions.giddy.colour (ignored); a word has valence and energy"])
        #expect(s.rules.emotions.emotion("giddy") != nil)
    }

    /// Every way a word can be wrong stops kith with the line and the reason.
    @Test func badEmotionWordsNameTheLine() {
        let head = "theme = \"dark\"\n[emotions]\ngiddy = { valence = \"pleasant\", energy = \"high\" }\n"
        let cases: [(String, String)] = [
            ("\"two words\" = { valence = \"pleasant\", energy = \"high\" }",
             "config.toml:4: emotions.\"two words\": the word has U+20; a word is letters, with hyphens between them (left-out)"),
            ("sad2 = { valence = \"pleasant\", energy = \"high\" }",
             "config.toml:4: emotions.sad2: the word has \"2\"; a word is letters, with hyphens between them (left-out)"),
            ("-meh = { valence = \"pleasant\", energy = \"high\" }",
             "config.toml:4: emotions.-meh: the word has a hyphen out of place"),
            ("\(String(repeating: "a", count: 25)) = { valence = \"pleasant\", energy = \"high\" }",
             "config.toml:4: emotions.\(String(repeating: "a", count: 25)): the word is longer than 24 characters"),
            ("\"bell\\u0007\" = { valence = \"pleasant\", energy = \"high\" }",
             "config.toml:4: emotions.\"bell\u{FFFD}\": the word has U+7;"),
            ("meh = \"unpleasant\"",
             "config.toml:4: emotions.meh: must be { valence = \"pleasant\" or \"unpleasant\", energy = \"high\" or \"low\" }"),
            ("meh = { energy = \"low\" }",
             "config.toml:4: emotions.meh: needs a valence: \"pleasant\" or \"unpleasant\""),
            ("meh = { valence = \"unpleasant\" }",
             "config.toml:4: emotions.meh: needs an energy: \"high\" or \"low\""),
            ("meh = { valence = \"neutral\", energy = \"low\" }",
             "config.toml:4: emotions.meh.valence: must be \"pleasant\" or \"unpleasant\", not \"neutral\""),
            ("meh = { valence = \"unpleasant\", energy = 3 }",
             "config.toml:4: emotions.meh.energy: must be \"high\" or \"low\""),
            ("Giddy = { valence = \"unpleasant\", energy = \"low\" }",
             "config.toml:4: emotions.Giddy: \"giddy\" is already on line 3 (words are not case-sensitive)"),
        ]
        for (line, expected) in cases {
            let message = error(head + line + "\n")
            #expect(message?.hasPrefix(expected) == true, "\(line)\n→ \(message ?? "accepted")")
        }
        #expect(error("emotions = [\"giddy\"]")?.hasPrefix("config.toml:1: emotions: must be a table: [emotions]") == true)
    }

    @Test func unknownKeysWarnWithTheirLineAndNoRawControls() throws {
        let s = try parse("daily_cap = 2\n\"\\u001b[2J\" = 1\n[cadence]\nbestie = 3\n")
        #expect(s.warnings.count == 2)
        #expect(s.warnings.allSatisfy { !$0.unicodeScalars.contains("\u{1B}") })
        #expect(s.warnings.contains { $0.hasPrefix("config.toml:2: unknown key ") })
        #expect(s.warnings.contains("config.toml:4: unknown key cadence.bestie (ignored); use inner, close, friends, wider or group"))
    }

    /// The reader keeps the line of every key, table by table, for messages.
    @Test func linesAreFoundUnderTheirTable() throws {
        let text = """
            inner = 3
            [cadence]
            # inner = 4
            inner = 5
            [emotions]
            "inner" = { valence = "pleasant", energy = "high" }
            calm.valence = "x"
            [emotions.sub]
            energy = "low"
            """
        let table = try TOML.parse(text)
        #expect(table.line(of: ["inner"]) == 1)
        #expect(table.line(of: ["cadence", "inner"]) == 4)
        #expect(table.line(of: ["emotions", "inner"]) == 6)
        #expect(table.line(of: ["emotions", "inner", "valence"]) == 6)   // inside its inline table
        #expect(table.line(of: ["emotions", "calm", "valence"]) == 7)    // a dotted key
        #expect(table.line(of: ["emotions", "sub"]) == 8)
        #expect(table.line(of: ["emotions", "sub", "energy"]) == 9)
        #expect(table.line(of: ["nowhere"]) == 1)
        #expect(Settings.keyName(["emotions", "müde"]) == "emotions.\"müde\"")
        #expect(Settings.keyName(["cadence", "left-out_2"]) == "cadence.left-out_2")
    }
}

@Suite struct WarningOrderTests {
    /// Warnings come in the file's line order whatever the file is called: they were
    /// sorted by reading the number back out of "file:line:", which a colon in the path
    /// (a folder named "a:b") turned into no order at all.
    @Test func warningsFollowTheFilesLinesWhateverItsName() throws {
        let text = """
            [emotions]
            calm = { valence = "pleasant", energy = "low" }
            zzword = { valence = "pleasant", energy = "low", colour = "blue" }
            [cadence]
            fortnightly = 14
            unknown_top = 1
            """
        for file in ["config.toml", "/home/x/a:b/config.toml", "/tmp/12:34:config.toml"] {
            let s = try Settings.parse(text, file: file)
            let lines = s.warnings.map { w -> Int in
                let rest = w.dropFirst(file.count + 1)
                return Int(rest.prefix { $0.isNumber }) ?? -1
            }
            #expect(lines == lines.sorted() && lines.count == 4, "\(file): \(s.warnings)")
        }
    }
}
