import Foundation
import Testing

/// week_start, date_format and [emotions] in config.toml, through the real binary.
/// The sandbox's today is Sunday 2026-11-22.
@Suite struct ConfigKeysTests {
    func write(_ k: Sandbox, _ text: String) {
        try? FileManager.default.createDirectory(atPath: k.tmp.file(".config/kith"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: k.tmp.file(".config/kith/config.toml"), contents: Data(text.utf8))
    }

    func dates(_ k: Sandbox, _ args: [String]) -> [String] {
        (k.json(["history", "--json"] + args) as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
    }

    /// A config file that is there but cannot be read is an error, not the defaults:
    /// the user would never learn why their settings did nothing.
    @Test func anUnreadableConfigIsAnError() throws {
        let k = Sandbox()
        let file = k.tmp.file(".config/kith/config.toml")
        try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: true)
        k.fails(["people"], code: 1, saying: "cannot read \(file): it is not a file")
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: k.tmp.file("nowhere.toml"))
        k.fails(["people"], code: 1, saying: "cannot read \(file): it is a link to nothing")
        #expect(k.ok(["config", "path"]).out == file + "\n")   // where it is, readable or not
        try FileManager.default.removeItem(atPath: file)
        k.ok(["people"])   // no file at all: the defaults
    }

    /// A 60 KB key of 30,000 parts once segfaulted every command after 3 GB.
    @Test func aDeepKeyIsOneLineNamingFileAndLine() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        let file = k.tmp.file(".config/kith/config.toml")
        let deep = Array(repeating: "a", count: 30_000).joined(separator: ".")
        write(k, "daily_cap = 3\n\(deep) = 1\n")
        k.fails(["people"], code: 1, saying: "kith: \(file):2: a key of more than 32 parts; kith's files use two or three")
        write(k, "[\(deep)]\n")
        k.fails(["due"], code: 1, saying: "kith: \(file):1: a key of more than 32 parts; kith's files use two or three")
        k.ok(["--help"])
    }

    @Test func ownEmotionWordsWorkEverywhere() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        write(k, """
            [emotions]
            giddy = { valence = "pleasant", energy = "high" }
            "müde" = { valence = "unpleasant", energy = "low" }
            """)
        let list = k.ok(["emotions"]).out
        let quadrant = list.components(separatedBy: "pleasant, low energy")[0]
        #expect(quadrant.contains("pleasant, high energy") && quadrant.contains(" giddy"))
        #expect(list.contains("Your own, from config.toml: giddy, müde"))
        let json = k.json(["emotions", "--json"]) as? [[String: String]] ?? []
        #expect(json.count == 50 && json.contains(["word": "müde", "valence": "unpleasant", "energy": "low"]))

        #expect(k.ok(["log", "ana", "--feel", "giddy:2,Müde"]).out.contains("giddy:2, müde"))
        #expect(k.ok(["log", "ana", "--feel", "giddy", "--date", "yesterday"]).out.contains("· joyful"))
        #expect(dates(k, ["--feel", "giddy:2"]) == ["2026-11-22"])
        #expect(dates(k, ["--feel", "MÜDE"]) == ["2026-11-22"])
        let moment = (k.json(["history", "--json", "--limit", "1"]) as? [[String: Any]])?.first
        let felt = moment?["emotions"] as? [[String: Any]]
        #expect(felt?.first?["valence"] as? String == "pleasant" && felt?.last?["energy"] as? String == "low")
        let shown = k.ok(["config", "show"]).out
        #expect(shown.contains("[emotions]") && shown.contains("\ngiddy = { valence = \"pleasant\", energy = \"high\" }\n"))
        #expect(shown.contains("\n\"müde\" = { valence = \"unpleasant\", energy = \"low\" }\n"))

        // Dropped from the config: the moments keep and show the words; they can no
        // longer be logged or searched for, and their valence is unknown.
        write(k, "")
        #expect(k.ok(["history"]).out.contains("felt  giddy:2, müde"))
        let after = (k.json(["history", "--json", "--limit", "1"]) as? [[String: Any]])?.first?["emotions"] as? [[String: Any]]
        #expect(after?.first?["word"] as? String == "giddy" && after?.first?["valence"] is NSNull)
        k.fails(["log", "ana", "--feel", "giddy"], code: 2, saying: "unknown emotion \"giddy\"")
    }

    @Test func aStandardWordWarnsAndBadWordsFail() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        write(k, "[emotions]\nhomesick = { valence = \"pleasant\", energy = \"high\" }\n")
        let warned = k.run(["emotions", "--json"])
        #expect(warned.code == 0 && warned.errLines.count == 1)
        #expect(warned.err.contains("config.toml:2: emotions.homesick: \"homesick\" is already a standard word (unpleasant, low energy); this line is ignored"))
        write(k, "daily_cap = 3\n[emotions]\nok = { valence = \"pleasant\", energy = \"low\" }\nmeh = { valence = \"meh\", energy = \"low\" }\n")
        k.fails(["people"], code: 1, saying: "config.toml:4: emotions.meh.valence: must be \"pleasant\" or \"unpleasant\", not \"meh\"")
        write(k, "[emotions]\n\"so so\" = { valence = \"pleasant\", energy = \"low\" }\n")
        k.fails(["people"], code: 1, saying: "config.toml:2: emotions.\"so so\": the word has U+20")
    }

    /// The moments: Sun 22, Mon 16, Sun 15 and Tue 10 November 2026.
    func logWeeks(_ k: Sandbox) {
        k.ok(["add", "Ana"])
        for d in ["2026-11-10", "2026-11-15", "2026-11-16", "2026-11-22"] { k.ok(["log", "ana", "--date", d]) }
    }

    @Test func weekStartDecidesThisWeekAndLastWeek() {
        let k = Sandbox()
        logWeeks(k)
        // Monday, the default: this week began on the 16th, last week on the 9th.
        #expect(dates(k, ["--since", "this week"]) == ["2026-11-22", "2026-11-16"])
        #expect(dates(k, ["--since", "last week"]).count == 4)
        #expect(dates(k, ["--since", "last week", "--until", "2026-11-15"]) == ["2026-11-15", "2026-11-10"])
        write(k, "week_start = \"sunday\"\n")
        #expect(dates(k, ["--since", "this week"]) == ["2026-11-22"])
        #expect(dates(k, ["--since", "last week"]) == ["2026-11-22", "2026-11-16", "2026-11-15"])
        write(k, "week_start = \"saturday\"\n")
        #expect(dates(k, ["--since", "this week"]) == ["2026-11-22"])
        #expect(dates(k, ["--since", "last week"]) == ["2026-11-22", "2026-11-16", "2026-11-15"])   // from Sat 14th
        #expect(k.ok(["snooze", "ana", "--until", "next week"]).out.contains("until Sat 28 Nov 2026"))
        write(k, "")
        #expect(k.ok(["snooze", "ana", "--until", "next week"]).out.contains("until Mon 23 Nov 2026"))
        #expect(k.ok(["config", "show"]).out.contains("\nweek_start = \"monday\"\n"))
        write(k, "\nweek_start = \"friday\"\n")
        k.fails(["history"], code: 1, saying: "config.toml:2: week_start: must be \"monday\", \"sunday\" or \"saturday\", not \"friday\"")
    }

    /// Where a name starts on each moment's first line: after the short date, and the
    /// time or the blank kept for it.
    func nameColumns(_ out: String) -> Set<Int> {
        Set(out.split(separator: "\n").filter { $0.contains("Ana ·") }.map { $0.distance(from: $0.startIndex, to: $0.range(of: "Ana ·")!.lowerBound) })
    }

    @Test func dateFormatChangesShownDatesOnly() throws {
        let k = Sandbox()
        k.ok(["add", "Ana", "--birthday", "1990-04-05"])
        k.ok(["log", "ana", "--date", "2026-11-01", "--time", "18:30"])
        k.ok(["log", "ana", "--date", "2026-11-16"])
        k.ok(["log", "ana", "--date", "2026-10-05"])
        let expected: [(String, [String])] = [
            ("dmy", ["November 2026", "Sun 01 Nov 18:30  Ana", "Mon 16 Nov        Ana", "added        Sun 22 Nov 2026", "birthday     5 Apr 1990"]),
            ("mdy", ["November 2026", "Sun Nov 01 18:30  Ana", "Mon Nov 16        Ana", "added        Sun Nov 22, 2026", "birthday     Apr 5, 1990"]),
            ("iso", ["2026-11", "2026-11-01 18:30  Ana", "2026-11-16        Ana", "added        2026-11-22", "birthday     1990-04-05"]),
        ]
        for (style, texts) in expected {
            write(k, "date_format = \"\(style)\"\n")
            let history = k.ok(["history"]).out, show = k.ok(["show", "ana"]).out
            for t in texts { #expect((history + show).contains(t), "\(style): \(t)\n\(history)\(show)") }
            #expect(nameColumns(history).count == 1, "\(style): names out of line\n\(history)")
            #expect(k.ok(["config", "show"]).out.contains("date_format = \"\(style)\""))
            // What machines read stays ISO.
            #expect(dates(k, []) == ["2026-11-16", "2026-11-01", "2026-10-05"])
            #expect(k.ok(["export", "csv"]).out.contains("\r\n3,2026-10-05,"))
        }
        write(k, "date_format = \"d/m/y\"\n")
        k.fails(["history"], code: 1, saying: "config.toml:1: date_format: must be \"dmy\", \"mdy\" or \"iso\"")
    }
}
