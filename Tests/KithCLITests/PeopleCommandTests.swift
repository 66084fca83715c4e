import Foundation
import Testing
import KithTestSupport

@Suite struct PeopleCommandTests {
    @Test func addWithEveryOptionAndShowIt() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë Ångström", "--nickname", "Zo", "--circle", "close", "--every", "3w", "--birthday", "1990-11-30",
              "--group", "Family", "--group", "Climbing", "--for", "both", "--note", "met at uni"])
        let p = try #require((k.json(["people", "--json"]) as? [[String: Any]])?.first)
        #expect(p["name"] as? String == "Zoë Ångström")
        #expect(p["nickname"] as? String == "Zo")
        #expect(p["circle"] as? String == "close")
        #expect(p["cadenceDays"] as? Int == 21)
        #expect(p["ownCadence"] as? Bool == true)
        #expect(p["birthday"] as? String == "1990-11-30")
        #expect(p["for"] as? String == "both")
        #expect(p["groups"] as? [String] == ["Climbing", "Family"])
        #expect(p["notes"] as? String == "met at uni")
        #expect(p["archived"] as? Bool == false)
        #expect(p["added"] as? String == "2026-11-22")
        #expect(p["lastMoment"] is NSNull)

        let card = k.ok(["show", "zo"]).out
        #expect(card.hasPrefix("Zoë Ångström (Zo)\n"))
        #expect(card.contains("close · every 3 weeks (own cadence)"))
        #expect(card.contains("30 Nov 1990 (35)"))
        #expect(card.contains("Climbing, Family"))
        #expect(card.contains("no moments yet"))
        k.ok(["log", "zoe", "--date", "2026-10-01"])
        #expect(k.ok(["show", "zoe"]).out.contains("  next         was due Thu 22 Oct 2026 (31 days ago)\n"))
        #expect(k.ok(["show", "zoe"]).out.contains("  reached out  me 0 · them 0 · mutual 1\n"))
        #expect(card.contains("met at uni"))

        k.ok(["add", "Ana", "--birthday", "--02-29"])
        #expect(k.ok(["show", "ana"]).out.contains("29 Feb\n"))
    }

    /// Six moments on one day are one meeting: no rhythm until there are days enough,
    /// spread over weeks enough, to judge by (issue 16, point 5).
    @Test func aRhythmNeedsDistinctDaysOverASpan() {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--every", "14d"])
        for _ in 0..<6 { k.ok(["log", "zoe", "--date", "2026-11-20"]) }
        #expect(!k.ok(["show", "zoe"]).out.contains("rhythm"))
        for d in ["2026-11-10", "2026-11-15", "2026-11-18"] { k.ok(["log", "zoe", "--date", d]) }
        #expect(!k.ok(["show", "zoe"]).out.contains("rhythm"), "four days within two weeks say nothing yet")
    }

    @Test func showOffersACadenceThatMatchesTheActualRhythm() {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--circle", "inner"])
        for months in 0..<6 { k.ok(["log", "zoe", "--date", "\(months * 30 + 1)d"]) }
        let card = k.ok(["show", "zoe"]).out
        #expect(card.contains("rhythm       over the last year you met about every 4 weeks, against a cadence of 1 week; to match it: kith edit \"Zoë\" --every 28d"), "\(card)")
        k.ok(["edit", "zoe", "--every", "28d"])
        #expect(!k.ok(["show", "zoe"]).out.contains("rhythm"))
    }

    @Test func addRejectsBadValuesWithoutTouchingTheStore() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        k.fails(["add", "Ana"], code: 1, saying: "already in kith")
        k.fails(["add", "Bo", "--circle", "besties"], code: 2, saying: "unknown circle \"besties\"")
        k.fails(["add", "Bo", "--every", "fortnight"], code: 2, saying: "cannot read interval")
        k.fails(["add", "Bo", "--every", "0d"], code: 2, saying: "out of range")
        k.fails(["add", "Bo", "--birthday", "1990-02-30"], code: 2, saying: "not a real date")
        k.fails(["add", "Bo", "--birthday", "someday"], code: 2, saying: "cannot read birthday")
        k.fails(["add", "Bo", "--for", "money"], code: 2, saying: "unknown bond purpose")
        k.fails(["add", "   "], code: 2, saying: "cannot be empty")
        k.fails(["add", "Bo\nBo"], code: 2, saying: "one line")
        k.fails(["add"], code: 2, saying: "missing expected argument")
        k.fails(["add", "Bo", "--frobnicate"], code: 2, saying: "unknown option")
        #expect(k.ok(["people"]).out.split(separator: "\n").count == 2)
    }

    @Test func editChangesRenamesAndClears() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--every", "10d", "--birthday", "--04-15", "--nickname", "Zo", "--group", "Family", "--for", "fun"])
        k.ok(["edit", "zoe", "--rename", "Zoë Ångström", "--circle", "inner", "--every", "default", "--birthday", "none",
              "--nickname", "", "--for", "none", "--group", "Climbing", "--leave-group", "Family", "--note", "new notes"])
        let p = try #require((k.json(["people", "--json"]) as? [[String: Any]])?.first)
        #expect(p["name"] as? String == "Zoë Ångström")
        #expect(p["circle"] as? String == "inner")
        #expect(p["cadenceDays"] as? Int == 7)
        #expect(p["ownCadence"] as? Bool == false)
        #expect(p["birthday"] is NSNull)
        #expect(p["nickname"] is NSNull)
        #expect(p["for"] is NSNull)
        #expect(p["groups"] as? [String] == ["Climbing"])
        #expect(p["notes"] as? String == "new notes")
        k.ok(["add", "Ana"])
        k.fails(["edit", "ana", "--rename", "Zoë Ångström"], code: 1, saying: "already in kith")
        k.fails(["edit", "nobody", "--circle", "inner"], code: 1, saying: "nobody named")
        k.fails(["edit", "ana", "--leave-group", "Nope"], code: 1, saying: "no group named")
        k.fails(["edit", "ana", "--every", "often"], code: 2, saying: "cannot read interval")
        k.fails(["edit", "ana", "--group", "Climbng"], code: 1, saying: "did you mean \"Climbing\"")
        k.fails(["edit", "ana"], code: 2, saying: "nothing to change")
        // A mistyped option is named as such, not taken for "nothing to change".
        k.fails(["edit", "ana", "--bogus"], code: 2, saying: "unknown option '--bogus'")
        k.fails(["edit", "ana", "--leave-group", "Climbing"], code: 1, saying: "Ana is not in \"Climbing\"")
        k.fails(["edit", "ana", "--group", "Climbing", "--leave-group", "climbing"], code: 2, saying: "both --group and --leave-group")
        k.fails(["edit", "ana", "--rename", "ZOË ÅNGSTRÖM"], code: 1, saying: "ignoring case, accents and invisible characters")
        k.fails(["add", "zoe angstrom"], code: 1, saying: "someone named \"Zoë Ångström\" is already in kith (the same name, ignoring case, accents and invisible characters)")
        k.fails(["add", "Kid", "--birthday", "2030-01-01"], code: 2, saying: "in the future")
    }

    /// Names that look the same cannot be told apart by typing: invisible characters and
    /// odd spaces do not make a second Abcd. Emoji joined by ZWJ are still names.
    @Test func namesThatOnlyDifferInvisiblyAreTheSameName() {
        let k = Sandbox()
        k.ok(["add", "Abcd"])
        for hidden in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{180E}", "\u{3164}", "\u{115F}", "\u{FE0F}"] {
            k.fails(["add", "Ab\(hidden)cd"], code: 1, saying: "someone named \"Abcd\" is already in kith (the same name, ignoring case, accents and invisible characters)")
        }
        k.ok(["add", "Tom\u{00A0}Lee"])
        k.fails(["add", "Tom Lee"], code: 1, saying: "already in kith")
        k.fails(["add", "Tom  Lee"], code: 1, saying: "already in kith")
        k.fails(["add", "Tom\u{00A0} Lee"], code: 1, saying: "already in kith")
        k.fails(["add", "\u{200B}\u{2060}"], code: 2, saying: "a name cannot be only invisible characters")
        k.ok(["add", "👩\u{200D}👩\u{200D}👧 Park"])
        #expect(k.ok(["people"]).out.contains("👩\u{200D}👩\u{200D}👧 Park"))
        #expect(k.ok(["show", "abcd"]).out.contains("Abcd"))
    }

    /// A blank store path is no path: --store " " is refused, KITH_STORE=" " is unset.
    @Test func aBlankStorePathIsNoPath() {
        let k = Sandbox()
        k.fails(["--store", " ", "people"], code: 2, saying: "--store needs a path to the store file")
        k.fails(["people", "--store", "  "], code: 2, saying: "--store needs a path to the store file")
        #expect(k.run(["add", "Zoë"], env: ["KITH_STORE": " "]).code == 0)
        #expect(FileManager.default.fileExists(atPath: k.store))
        #expect(!FileManager.default.fileExists(atPath: k.tmp.file(" ")))
    }

    @Test func archiveHidesAndKeeps() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        k.ok(["add", "Bo"])
        k.ok(["log", "ana", "--kind", "fun"])
        k.ok(["archive", "ana"])
        #expect(!k.ok(["people"]).out.contains("Ana"))
        #expect(k.ok(["people", "--archived"]).out.contains("Ana (archived)"))
        #expect(k.ok(["history", "ana"]).out.contains("Ana"))
        k.fails(["log", "ana"], code: 1, saying: "Ana is archived; `kith unarchive \"Ana\"`")
        k.fails(["archive", "ana"], code: 1, saying: "Ana is archived")
        k.fails(["unarchive", "bo"], code: 1, saying: "Bo is not archived")
        k.ok(["unarchive", "ana"])
        #expect(k.ok(["people"]).out.contains("Ana"))
    }

    @Test func nameMatchingFromTheCommandLine() {
        let k = Sandbox()
        for n in ["Zoë Ångström", "山田太郎", "Ana Lima", "Anabel Ruiz", "최유림"] { k.ok(["add", n]) }
        #expect(k.ok(["show", "ZOE"]).out.hasPrefix("Zoë Ångström"))
        #expect(k.ok(["show", "山田"]).out.hasPrefix("山田太郎"))
        #expect(k.ok(["show", "최유림"]).out.hasPrefix("최유림"))
        #expect(k.ok(["show", "anab"]).out.hasPrefix("Anabel Ruiz"))
        k.fails(["show", "ana"], code: 1, saying: "\"ana\" could be \"Ana Lima\" or \"Anabel Ruiz\"")
        k.fails(["show", "Zoey"], code: 1, saying: "did you mean \"Zoë Ångström\"?")
    }

    @Test func listsFilterAndAlignByDisplayWidth() {
        let k = Sandbox()
        k.ok(["add", "山田太郎", "--circle", "inner", "--group", "Work"])
        k.ok(["add", "Zoë 🌱", "--circle", "close"])
        k.ok(["add", "Ana", "--circle", "wider", "--group", "Work"])
        let lines = k.ok(["people"]).out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // Every row's CIRCLE column starts at the same display column.
        let columns = lines.map { line -> Int in
            let prefix = line.components(separatedBy: "  ").first!
            return displayWidth(prefix)
        }
        #expect(lines[1].hasPrefix("山田太郎  inner"))
        let circleColumn = displayWidth("NAME    ") + 2
        for l in lines.dropFirst() {
            let before = l.range(of: "inner") ?? l.range(of: "close") ?? l.range(of: "wider")!
            #expect(displayWidth(String(l[..<before.lowerBound])) == circleColumn, "\(l)")
        }
        _ = columns
        #expect(k.ok(["people", "--circle", "inner"]).out.contains("山田太郎"))
        #expect(!k.ok(["people", "--circle", "inner"]).out.contains("Ana"))
        let work = k.ok(["people", "--group", "work"]).out
        #expect(work.contains("Ana") && work.contains("山田太郎") && !work.contains("Zoë"))
        k.fails(["people", "--circle", "everyone"], code: 2, saying: "unknown circle")
        k.fails(["people", "--group", "Play"], code: 1, saying: "no group named \"Play\"")
    }

    @Test func controlCharactersAreRefusedInTypedNames() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        k.fails(["add", "Eve\u{1B}[31mRED"], code: 2, saying: "cannot contain control characters")
        k.fails(["add", "Tab\tName"], code: 2, saying: "cannot contain control characters")
        k.fails(["group", "add", "G\u{1B}[5m"], code: 2, saying: "cannot contain control characters")
        k.fails(["edit", "ana", "--nickname", "x\u{202E}y"], code: 2, saying: "cannot contain control characters")
    }

    @Test func aNicknameCannotBeSomeoneElsesName() {
        let k = Sandbox()
        k.ok(["add", "Ann"])
        k.ok(["add", "Ben"])
        k.fails(["edit", "ann", "--nickname", "ben"], code: 1, saying: "the nickname \"ben\" is the name of Ben")
        k.fails(["add", "Cy", "--nickname", "ANN"], code: 1, saying: "is the name of Ann")
    }

    /// Names that arrive by other ways (an import, another tool writing the file) may
    /// hold escape sequences: they are stored as they are and never printed raw.
    @Test func hostileStoredTextNeverReachesTheTerminalRaw() throws {
        let k = Sandbox()
        k.ok(["add", "Placeholder", "--group", "Placeholder group"])
        k.ok(["log", "placeholder", "--note", "hi\u{1B}[2J\u{9B}31m\nline two\u{7}"])
        let evil = "Eve\u{1B}[31mRED\u{1B}]0;title\u{07}\u{9B}2J\u{202E}"
        try sqlite(k.store, "UPDATE people SET name = '\(evil)'; UPDATE groups SET name = 'Bad\u{1B}[5mGroup'")
        for args in [["people"], ["show", "eve"], ["history"], ["group", "list"], ["people", "--json"], ["history", "--json"], ["log", "eve"]] {
            let out = k.ok(args).out
            let raw = out.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
            #expect(raw.isEmpty, "kith \(args.joined(separator: " ")) printed raw controls")
        }
        let people = try #require(k.json(["people", "--json"]) as? [[String: Any]])
        #expect(people[0]["name"] as? String == evil)
    }
}

/// Runs SQL on a store with the sqlite3 shell, as another program would.
func sqlite(_ path: String, _ sql: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    p.arguments = [path, sql]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
}

/// Terminal cells, counted independently of kith's own code: East Asian wide and emoji are 2.
func displayWidth(_ s: String) -> Int {
    s.reduce(0) { w, ch in
        let v = ch.unicodeScalars.first!.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v)
        return w + (wide ? 2 : 1)
    }
}
