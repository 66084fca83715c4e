import Foundation
import Testing
import KithTestSupport

@Suite struct LogCommandTests {
    func sandbox() -> Sandbox {
        let k = Sandbox()
        k.ok(["add", "Zoë Ångström", "--circle", "inner"])
        k.ok(["add", "山田太郎"])
        k.ok(["add", "Smith, Jo"])
        return k
    }

    @Test func everyOption() throws {
        let k = sandbox()
        k.ok(["log", "zoe,山田", "--date", "2026-11-20", "--time", "18:30", "--via", "video", "--reached-out", "me",
              "--kind", "heart-to-heart,they-supported", "--kind", "news", "--feel", "sad:2,relieved", "--feel", "grateful:3",
              "--uplift", "-1", "--depth", "vulnerable", "--received", "safe", "--note", "first line\nsecond line"])
        let m = try #require((k.json(["history", "--json"]) as? [[String: Any]])?.first)
        #expect(m["date"] as? String == "2026-11-20")
        #expect(m["time"] as? String == "18:30")
        #expect(m["people"] as? [String] == ["Zoë Ångström", "山田太郎"])
        #expect(m["via"] as? String == "video")
        #expect(m["reachedOut"] as? String == "me")
        #expect(m["kinds"] as? [String] == ["heart-to-heart", "they-supported", "news"])
        #expect((m["emotions"] as? [[String: Any]])?.map { $0["word"] as! String } == ["sad", "relieved", "grateful"])
        #expect(m["uplift"] as? Int == -1)
        #expect(m["depth"] as? String == "vulnerable")
        #expect(m["received"] as? String == "safe")
        #expect(m["connection"] as? String == "vulnerable")
        #expect(m["note"] as? String == "first line\nsecond line")
        #expect(m["group"] is NSNull)
        let text = k.ok(["history", "zoe"]).out
        #expect(text.hasPrefix("November 2026\n  Fri 20 Nov 18:30  Zoë Ångström, 山田太郎 · video · I reached out · vulnerable\n"))
        #expect(text.contains("felt  sad:2, relieved, grateful:3"))
        #expect(text.contains("depth vulnerable, received safe\n"))
        #expect(text.contains("after uplift -1\n"))
        #expect(text.contains("note  first line\n") && text.contains("        second line"))
    }

    @Test func defaultsDatesNotesAndNames() throws {
        let k = sandbox()
        k.ok(["log", "zoe"])
        k.ok(["log", "zoe", "--date", "yesterday"])
        k.ok(["log", "zoe", "--date", "3d"])
        k.ok(["log", "zoe", "--date", "friday", "--uplift=2"])
        k.ok(["log", "Smith, Jo", "--note", "-"], stdin: "from\nstdin\n")
        k.ok(["log", "smith", "--received", "mixed"])
        let all = try #require(k.json(["history", "--json"]) as? [[String: Any]])
        #expect(all.map { $0["date"] as! String } == ["2026-11-22", "2026-11-22", "2026-11-22", "2026-11-21", "2026-11-20", "2026-11-19"])
        let first = all.last!
        #expect(first["via"] as? String == "in-person" && first["reachedOut"] as? String == "mutual" && first["depth"] as? String == "light")
        #expect(all.contains { $0["note"] as? String == "from\nstdin" && $0["people"] as? [String] == ["Smith, Jo"] })
        #expect(all.contains { $0["depth"] as? String == "vulnerable" && $0["received"] as? String == "mixed" })
        #expect(all.contains { $0["uplift"] as? Int == 2 })
    }

    @Test func namesWithCommas() throws {
        let k = sandbox()          // has "Smith, Jo"
        k.ok(["add", "Jo"])
        k.ok(["add", "Ana"])
        func people(_ args: [String]) throws -> [String] {
            k.ok(["log"] + args)
            let last = try #require((k.json(["history", "--json", "--limit", "1"]) as? [[String: Any]])?.first)
            return (last["people"] as? [String] ?? []).sorted()
        }
        #expect(try people(["Smith, Jo"]) == ["Smith, Jo"])
        #expect(try people(["Smith,Jo"]) == ["Smith, Jo"])
        #expect(try people(["Smith, Jo,Ana"]) == ["Ana", "Smith, Jo"])
        #expect(try people(["ana,smith, jo"]) == ["Ana", "Smith, Jo"])
        #expect(try people(["Jo,Ana"]) == ["Ana", "Jo"])
        #expect(try people(["Jo", "Ana"]) == ["Ana", "Jo"])
    }

    @Test func relativeDatesAndOptionLikeValues() throws {
        let k = sandbox()
        k.ok(["log", "zoe", "--date", "3 days ago"])
        k.ok(["log", "zoe", "--date", "1m"])
        let dates = ((k.json(["history", "--json"]) as? [[String: Any]]) ?? []).map { $0["date"] as! String }
        #expect(dates == ["2026-11-19", "2026-10-22"])
        k.fails(["log", "zoe", "--date", "-3d"], code: 2, saying: "cannot read date \"-3d\"")
        k.fails(["log", "zoe", "--time", "-1:00"], code: 2, saying: "cannot read time")
        k.fails(["log", "zoe", "--date", "1899-01-01"], code: 2, saying: "before 1900")
    }

    @Test func groupMomentsCountForMembersPresent() throws {
        let k = sandbox()
        k.ok(["group", "add", "Book club", "--member", "zoe,山田"])
        let r = k.ok(["log", "--group", "book", "--kind", "fun"])
        #expect(r.out.contains("Book club (Zoë Ångström, 山田太郎)"))
        k.ok(["log", "zoe", "--group", "Book club"])
        let club = try #require(k.json(["history", "--group", "book club", "--json"]) as? [[String: Any]])
        #expect(club.count == 2)
        #expect(club.map { $0["people"] as! [String] } == [["Zoë Ångström"], ["Zoë Ångström", "山田太郎"]])
        #expect(club.allSatisfy { $0["group"] as? String == "Book club" })
        #expect((k.json(["history", "山田", "--json"]) as? [Any])?.count == 1)
        k.ok(["add", "Outsider"])
        let note = k.ok(["log", "outsider", "--group", "book"]).out
        #expect(note.contains("Note: Outsider is not in Book club; `kith edit \"Outsider\" --group \"Book club\"` adds them."))
        k.ok(["group", "add", "Empty"])
        k.fails(["log", "--group", "empty"], code: 1, saying: "has no members")
    }

    @Test func badInputIsOneLineAndChangesNothing() {
        let k = sandbox()
        k.ok(["log", "zoe"])
        k.fails(["log", "nobody"], code: 1, saying: "nobody named \"nobody\"")
        k.fails(["log", "zoe,nobody"], code: 1, saying: "nobody named \"nobody\"")
        k.fails(["log"], code: 2, saying: "say who the moment was with")
        k.fails(["log", ""], code: 2, saying: "say who the moment was with")
        k.fails(["log", ","], code: 2, saying: "say who the moment was with")
        k.fails(["log", "zoe", "--note", "-"], code: 2, saying: "NUL byte", stdin: "before\u{0}after")
        k.fails(["history", "--limit", "-1"], code: 2, saying: "--limit must be at least 1")
        k.fails(["add", "X", "--every", "-1d"], code: 2, saying: "cannot read interval")
        k.fails(["log", "zoe", "--date", "2026-02-30"], code: 2, saying: "not a real date")
        k.fails(["log", "zoe", "--date", "2027-01-01"], code: 2, saying: "in the future")
        k.fails(["log", "zoe", "--date", "someday"], code: 2, saying: "cannot read date")
        k.fails(["log", "zoe", "--time", "25:00"], code: 2, saying: "cannot read time")
        k.fails(["log", "zoe", "--via", "pigeon"], code: 2, saying: "unknown channel")
        k.fails(["log", "zoe", "--reached-out", "nobody"], code: 2, saying: "--reached-out")
        k.fails(["log", "zoe", "--kind", "party"], code: 2, saying: "unknown kind \"party\"")
        k.fails(["log", "zoe", "--feel", "hapy"], code: 2, saying: "did you mean \"happy\"")
        k.fails(["log", "zoe", "--feel", "happy:5"], code: 2, saying: "must be 1, 2 or 3")
        k.fails(["log", "zoe", "--uplift", "3"], code: 2, saying: "uplift must be")
        k.fails(["log", "zoe", "--uplift", "lots"], code: 2, saying: "uplift must be")
        k.fails(["log", "zoe", "--depth", "deep"], code: 2, saying: "unknown depth")
        k.fails(["log", "zoe", "--depth", "light", "--received", "safe"], code: 2, saying: "--depth vulnerable")
        k.fails(["log", "zoe", "--received", "well"], code: 2, saying: "--received")
        k.fails(["log", "--group", "nope"], code: 1, saying: "no group named \"nope\"")
    }
}

@Suite struct HistoryCommandTests {
    func sandbox() -> Sandbox {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        k.ok(["add", "Ana"])
        k.ok(["log", "zoe", "--date", "2026-09-03", "--via", "call", "--feel", "sad,compassionate", "--kind", "i-supported", "--note", "Her dad in hospital"])
        k.ok(["log", "ana", "--date", "2026-10-10", "--via", "message", "--feel", "amused:3", "--kind", "fun"])
        k.ok(["log", "zoe,ana", "--date", "2026-11-21", "--feel", "happy,grateful", "--kind", "fun", "--note", "Café in Łódź"])
        return k
    }

    func ids(_ k: Sandbox, _ args: [String]) -> [String] {
        ((k.json(["history", "--json"] + args) as? [[String: Any]]) ?? []).map { $0["date"] as! String }
    }

    @Test func filters() {
        let k = sandbox()
        #expect(ids(k, []) == ["2026-11-21", "2026-10-10", "2026-09-03"])
        #expect(ids(k, ["zoe"]) == ["2026-11-21", "2026-09-03"])
        #expect(ids(k, ["--since", "2026-10-01"]) == ["2026-11-21", "2026-10-10"])
        #expect(ids(k, ["--until", "2026-10-10"]) == ["2026-10-10", "2026-09-03"])
        #expect(ids(k, ["--since", "30d"]) == ["2026-11-21"])
        #expect(ids(k, ["--feel", "sad"]) == ["2026-09-03"])
        #expect(ids(k, ["--feel", "sad,amused"]) == ["2026-10-10", "2026-09-03"])
        #expect(ids(k, ["--feel", "amused:3"]) == ["2026-10-10"])
        #expect(ids(k, ["--feel", "sad:2"]) == [])
        #expect(ids(k, ["--kind", "fun"]) == ["2026-11-21", "2026-10-10"])
        #expect(ids(k, ["--via", "call,message"]) == ["2026-10-10", "2026-09-03"])
        #expect(ids(k, ["--grep", "LODZ"]) == ["2026-11-21"])
        #expect(ids(k, ["--grep", "hospital", "zoe"]) == ["2026-09-03"])
        #expect(ids(k, ["--limit", "1"]) == ["2026-11-21"])
        #expect(ids(k, ["ana", "--kind", "heart-to-heart"]) == [])
    }

    @Test func readableTextUnderMonthHeadings() {
        let k = sandbox()
        let out = k.ok(["history"]).out
        #expect(out.hasPrefix("November 2026\n  Sat 21 Nov  Zoë, Ana · in person · mutual · joyful\n"))
        #expect(out.contains("\n\nOctober 2026\n  Sat 10 Oct  Ana · message · mutual · joyful\n"))
        #expect(out.contains("September 2026\n  Thu 03 Sep  Zoë · call · mutual · supportive\n"))
        #expect(out.contains("kind  I supported them"))
        #expect(k.ok(["history", "ana", "--feel", "sad"]).out == "No moments with Ana match.\n")
        k.ok(["add", "Bo"])
        #expect(k.ok(["history", "bo"]).out == "No moments with Bo yet. Log one: kith log \"Bo\"\n")
        k.ok(["group", "add", "Club"])
        #expect(k.ok(["history", "--group", "club"]).out == "No moments with Club yet. Log one: kith log --group \"Club\"\n")
    }

    @Test func badFilters() {
        let k = sandbox()
        k.fails(["history", "nobody"], code: 1, saying: "nobody named")
        k.fails(["history", "--since", "2026-13-01"], code: 2, saying: "not a real date")
        k.fails(["history", "--since", "2026-11-01", "--until", "2026-10-01"], code: 2, saying: "is after")
        k.fails(["history", "--feel", "meh"], code: 2, saying: "unknown emotion")
        k.fails(["history", "--kind", "meh"], code: 2, saying: "unknown kind")
        k.fails(["history", "--via", "meh"], code: 2, saying: "unknown channel")
        k.fails(["history", "--limit", "0"], code: 2, saying: "--limit must be at least 1")
        k.fails(["history", "--limit", "many"], code: 2, saying: "many")
        k.fails(["history", "zoe", "--group", "x"], code: 2, saying: "not both")
    }
}

@Suite struct GroupAndCatalogCommandTests {
    @Test func groupLifecycle() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        k.ok(["add", "Ana"])
        k.ok(["group", "add", "Book club", "--every", "2w", "--member", "zoe", "--member", "ana", "--note", "first Tuesdays"])
        k.fails(["group", "add", "Book club"], code: 1, saying: "already exists")
        let list = k.ok(["group", "list"]).out
        #expect(list.contains("Book club  2        2 weeks  never"))
        #expect(k.ok(["group"]).out == list)
        k.ok(["log", "--group", "book"])
        let groups = try #require(k.json(["group", "list", "--json"]) as? [[String: Any]])
        #expect(groups[0]["name"] as? String == "Book club")
        #expect(groups[0]["members"] as? [String] == ["Ana", "Zoë"])
        #expect(groups[0]["cadenceDays"] as? Int == 14)
        #expect(groups[0]["lastMoment"] as? String == "2026-11-22")
        k.ok(["group", "edit", "book", "--remove-member", "ana", "--every", "default"])
        k.fails(["group", "edit", "book"], code: 2, saying: "nothing to change")
        k.fails(["group", "edit", "book", "--add", "ana"], code: 2, saying: "unknown option '--add'")
        k.fails(["group", "edit", "book", "--remove-member", "ana"], code: 1, saying: "Ana is not in \"Book club\"")
        k.fails(["group", "edit", "book", "--member", "zoe", "--remove-member", "zoe"], code: 2, saying: "both --member and --remove-member")
        k.fails(["group", "add", "BOOK CLUB"], code: 1, saying: "already exists (the same name, ignoring case, accents and invisible characters)")
        let shown = try #require(k.json(["group", "show", "book", "--json"]) as? [String: Any])
        #expect(shown["members"] as? [String] == ["Zoë"])
        #expect(k.ok(["group", "show", "book"]).out.contains("members   Zoë\n"))
        k.ok(["group", "rename", "book", "Readers"])
        #expect(k.ok(["show", "zoe"]).out.contains("  groups       Readers\n"))
        k.fails(["group", "remove", "readers"], code: 1, saying: "has 1 moment")
        k.ok(["group", "remove", "readers", "--force"])
        #expect(k.ok(["group", "list"]).out.hasPrefix("No groups yet"))
        #expect(k.ok(["history", "zoe"]).out.contains("Zoë, Ana"))
        k.fails(["group", "rename", "nope", "x"], code: 1, saying: "no group named")
        k.fails(["group", "add", "X", "--member", "nobody"], code: 1, saying: "nobody named")
        k.fails(["group", "add", "X", "--every", "sometimes"], code: 2, saying: "cannot read interval")
    }

    @Test func emotionsCatalog() throws {
        let k = Sandbox()
        let out = k.ok(["emotions"]).out
        #expect(out.contains("pleasant, high energy") && out.contains("unpleasant, low energy"))
        let list = try #require(k.json(["emotions", "--json"]) as? [[String: String]])
        #expect(list.count >= 40)
        #expect(list.contains { $0["word"] == "compassionate" && $0["valence"] == "pleasant" && $0["energy"] == "low" })
    }
}

@Suite struct StoreFileCommandTests {
    @Test func notAStoreIsRefusedUntouched() throws {
        let k = Sandbox()
        let path = k.tmp.file("diary.txt")
        let text = Data("dear diary\n".utf8)
        FileManager.default.createFile(atPath: path, contents: text)
        let r = k.run(["people", "--store", path])
        #expect(r.code == 1 && r.errLines.count == 1 && r.err.contains("is not a kith store"))
        #expect(FileManager.default.contents(atPath: path) == text)
    }

    @Test func unwritablePathsAreOneLine() {
        let k = Sandbox()
        FileManager.default.createFile(atPath: k.tmp.file("plain"), contents: Data("x".utf8))
        let r = k.run(["add", "Ana", "--store", k.tmp.file("plain/kith.sqlite")])
        #expect(r.code == 1 && r.errLines.count == 1 && r.err.contains("cannot create store"))
        let d = k.run(["people", "--store", k.tmp.path])
        #expect(d.code == 1 && d.errLines.count == 1 && d.err.contains("is a directory"))
    }

    @Test func looseModesAreWarnedAbout() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        chmod(k.store, 0o644)
        let r = k.run(["people"])
        #expect(r.code == 0 && r.err.contains("readable by others"))
    }
}

@Suite struct DueCommandTests {
    @Test func dueListsThePressingOnesWithASuggestionAndLoggingClearsThem() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë Ångström", "--circle", "inner"])
        k.ok(["add", "Ana", "--circle", "friends"])
        k.ok(["add", "Bo", "--every", "10d", "--birthday", "1990-11-25"])
        k.ok(["log", "zoe", "--date", "14d"])
        k.ok(["log", "ana", "--date", "31d", "--kind", "fun"])
        k.ok(["log", "bo", "--date", "2d"])
        let out = k.ok(["due"]).out
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Due today (2):")
        #expect(lines[1].hasPrefix("  !  Zoë Ångström  overdue  14 days (every 7)"))
        #expect(lines[2].hasPrefix("  •  Ana           due      31 days (every 30)"))
        #expect(out.contains("Birthday: Bo on Wed 25 Nov 2026 (36)"))
        let json = try #require(k.json(["due", "--json"]) as? [String: Any])
        let due = try #require(json["due"] as? [[String: Any]])
        #expect(due.map { $0["name"] as? String } == ["Zoë Ångström", "Ana"])
        #expect(due[0]["state"] as? String == "overdue" && due[0]["dueOn"] as? String == "2026-11-15")
        #expect((due[0]["suggestion"] as? String)?.isEmpty == false)
        #expect(k.run(["due", "--check"]).code == 0 && k.run(["due", "--check"]).out.isEmpty)
        // Logging a moment resets the clock.
        k.ok(["log", "zoe"])
        k.ok(["log", "ana"])
        #expect(k.ok(["due"]).out.hasPrefix("Nobody is due today."))
        let check = k.run(["due", "--check"])
        #expect(check.code == 1 && check.out.isEmpty && check.err.isEmpty)
    }

    @Test func theDailyCapAndAll() {
        let k = Sandbox()
        for i in 1...8 { k.ok(["add", "P\(i)", "--circle", "inner"]) }
        for i in 1...8 { k.ok(["log", "P\(i)", "--date", "\(7 + i)d"]) }
        #expect(k.ok(["due"]).out.hasPrefix("Due today (5 of 8; kith due --all shows everyone):"))
        #expect(k.ok(["due", "--all"]).out.split(separator: "\n").count == 9)
        #expect(k.ok(["due"]).out.contains("P8"))   // the latest first
    }

    /// A group is nudged while someone active belongs to it; empty groups and groups of
    /// archived people only stay quiet.
    @Test func groupsAreDueOnlyWithActiveMembers() {
        let k = Sandbox()
        // Everything set up in September, so that every group is long past its cadence.
        let september = ["KITH_TODAY": "2026-09-01"]
        for args in [["add", "Zoë"], ["add", "Bo"],
                     ["group", "add", "Climbers", "--member", "zoe", "--every", "7d"],
                     ["group", "add", "Old band", "--member", "bo", "--every", "7d"],
                     ["group", "add", "Empty", "--every", "7d"]] {
            #expect(k.run(args, env: september).code == 0)
        }
        k.ok(["log", "zoe"])
        k.ok(["log", "bo"])
        k.ok(["log", "--group", "Climbers", "--date", "20d"])
        k.ok(["archive", "bo"])
        let out = k.ok(["due", "--all"]).out
        #expect(out.contains("Climbers (group)"), "\(out)")
        #expect(!out.contains("Old band") && !out.contains("Empty"), "\(out)")
    }
}

@Suite struct SnoozeAndRemindTests {
    @Test func snoozeHoldsANudgeAndLoggingLiftsIt() {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--circle", "inner"])
        k.ok(["log", "zoe", "--date", "10d"])
        #expect(k.ok(["due"]).out.contains("Zoë"))
        #expect(k.ok(["snooze", "zoe", "--until", "friday"]).out == "No nudges about Zoë until Fri 27 Nov 2026 (in 5 days).\n")
        #expect(k.ok(["due"]).out.hasPrefix("Nobody is due today."))
        // show says why Zoë is missing from due.
        #expect(k.ok(["show", "zoe"]).out.contains("  snoozed      no nudges until Fri 27 Nov 2026 (in 5 days); kith snooze \"Zoë\" --off lifts it\n"))
        #expect(k.run(["due", "--check"]).code == 1)
        #expect(k.ok(["snooze", "zoe", "--cycle"]).out.contains("until Sun 29 Nov 2026"))
        k.ok(["snooze", "zoe", "--off"])
        #expect(k.ok(["due"]).out.contains("Zoë"))
        k.ok(["snooze", "zoe", "--until", "2w"])
        k.ok(["log", "zoe", "--date", "8d"])    // any logged moment lifts the snooze
        #expect(k.ok(["due"]).out.contains("Zoë"))
        k.fails(["snooze", "zoe", "--until", "2020-01-01"], code: 2, saying: "in the past")
        k.fails(["snooze", "zoe"], code: 2, saying: "give one of --until DATE, --cycle or --off")
        k.fails(["snooze", "zoe", "--untill", "2w"], code: 2, saying: "unknown option '--untill'")
        k.fails(["snooze", "zoe", "--until", "today"], code: 2, saying: "would not snooze")
        k.fails(["snooze", "nobody", "--cycle"], code: 1, saying: "nobody named")
        k.fails(["snooze", "--group", "nope", "--cycle"], code: 1, saying: "no group named")
    }

    @Test func remindersShowFromTheirDayUntilClosed() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        k.ok(["group", "add", "Club", "--member", "zoe"])
        #expect(k.ok(["remind", "zoe", "ask how the interview went", "--on", "tomorrow"]).out
                == "Reminder #1 about Zoë on Mon 23 Nov 2026 (tomorrow).\n")
        k.ok(["remind", "add", "--group", "club", "book the room"])
        #expect(!k.ok(["due"]).out.contains("interview"))            // not yet
        #expect(k.ok(["due"]).out.contains("Reminder #2, Club: book the room"))
        #expect(k.run(["due", "--check"]).code == 0)                 // a reminder counts
        let tomorrow = k.run(["due"], env: ["KITH_TODAY": "2026-11-23"])
        #expect(tomorrow.out.contains("Reminder #1, Zoë: ask how the interview went"))
        let list = try #require(k.json(["remind", "list", "--json"]) as? [[String: Any]])
        #expect(list.map { $0["text"] as? String } == ["book the room", "ask how the interview went"])
        k.ok(["remind", "done", "2"])
        k.ok(["remind", "dismiss", "1"])
        #expect(k.ok(["remind", "list"]).out.hasPrefix("No reminders."))
        #expect(k.ok(["remind", "list", "--all"]).out.contains("dismissed"))
        k.fails(["remind", "done", "9"], code: 1, saying: "no reminder #9")
        k.fails(["remind", "zoe"], code: 2, saying: "say what to remember")
        k.fails(["remind", "zoe", "x", "--on", "yesterday"], code: 2, saying: "cannot read date")
        k.fails(["remind", "nobody", "x"], code: 1, saying: "nobody named")
    }
}

@Suite struct NudgeTests {
    func setUp() -> Sandbox {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--circle", "inner", "--birthday", "--11-22"])
        k.ok(["log", "zoe", "--date", "12d"])
        return k
    }

    @Test func dryRunShowsOneNotificationAndCountsNothing() {
        let k = setUp()
        let r = k.ok(["nudge", "--dry-run"])
        #expect(r.out.hasPrefix("Would send: kith: 1 bond is due, a birthday today\n  Zoë (overdue, 12 days): "))
        #expect(r.out.contains("It is Zoë's birthday."))
        #expect(!k.ok(["nudge", "--dry-run"]).out.contains("Already"))
    }

    @Test func withoutADesktopItPrintsOnceADay() {
        let k = setUp()
        let first = k.ok(["nudge"])      // PATH has no notify-send here
        #expect(first.out.hasPrefix("kith: 1 bond is due, a birthday today\n"))
        #expect(k.ok(["nudge"]).out == "Already nudged today (kith nudge --force sends again).\n")
        #expect(k.ok(["nudge", "--force"]).out.hasPrefix("kith: 1 bond is due"))
        #expect(k.run(["nudge"], env: ["KITH_TODAY": "2026-11-23"]).out.hasPrefix("kith: 1 bond is due"))
    }

    @Test func withNotifySendAndASessionBusItNotifies() throws {
        let k = setUp()
        let bin = k.tmp.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let log = k.tmp.file("notified")
        let script = "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(log)'\n"
        FileManager.default.createFile(atPath: bin + "/notify-send", contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        let r = k.run(["nudge"], env: ["PATH": bin + ":/usr/bin:/bin", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"])
        #expect(r.code == 0 && r.out == "Sent a notification: kith: 1 bond is due, a birthday today\n")
        let sent = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        #expect(sent.hasPrefix("--app-name=kith\nkith: 1 bond is due, a birthday today\nZoë (overdue, 12 days): "))
    }

    @Test func nobodyDueMeansNoNudge() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        #expect(k.ok(["nudge"]).out == "Nobody is due today; no nudge.\n")
    }
}

@Suite struct CalendarExportTests {
    /// The export read back by Python's icalendar, as a calendar app would read it.
    func parsed(_ file: String) throws -> [String] { try readBack(with: "check_ics.py", file, reader: "icalendar") }

    /// A reminder or snooze at most 200 × 366 days ahead (the longest span an age can name), so
    /// that its day, and the day after it a calendar needs, can always be written.
    @Test func remindersAndSnoozesTooFarAheadAreRefused() {
        let k = Sandbox()
        k.ok(["add", "Bob"])
        k.fails(["remind", "bob", "x", "--on", "9999-12-31"], code: 2, saying: "date \"9999-12-31\" is too far ahead: at most 200 years from today")
        k.fails(["remind", "bob", "x", "--on", "73000y"], code: 2, saying: "is too far ahead")
        k.fails(["snooze", "bob", "--until", "2227-06-01"], code: 2, saying: "is too far ahead")
        k.ok(["remind", "bob", "x", "--on", "2226-11-22"])
        k.ok(["snooze", "bob", "--until", "200y"])
    }

    @Test func dueDatesRemindersAndBirthdaysReadBackWithStableUIDs() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë Ångström, the one with a very long name that needs folding; really", "--circle", "inner", "--birthday", "1990-04-15"])
        k.ok(["add", "山田太郎", "--birthday", "--02-29"])
        k.ok(["log", "zoe", "--date", "3d"])
        k.ok(["remind", "山田", "ask about Kyoto, and the new job", "--on", "friday"])
        let file = k.tmp.file("kith.ics")
        #expect(k.ok(["export", "ics", "--out", file]).out == "Wrote 5 calendar entries to \(file).\n")
        #expect(mode(of: file) == 0o600)
        let events = try parsed(file)
        #expect(events.contains("due-person-1@kith|2026-11-26|-|Check in with Zoë Ångström, the one with a very long name that needs folding; really"))
        #expect(events.contains("birthday-person-1@kith|1990-04-15|FREQ=YEARLY|Zoë Ångström, the one with a very long name that needs folding; really's birthday"))
        #expect(events.contains("birthday-person-2@kith|2027-02-28|FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2|山田太郎's birthday"))
        #expect(events.contains("reminder-1@kith|2026-11-27|-|ask about Kyoto, and the new job (山田太郎)"))
        #expect(events.contains { $0.hasPrefix("due-person-2@kith|2026-12-22|") })
        // A re-export on another day keeps the UIDs; stdout gives the same bytes as the file.
        let again = k.tmp.file("again.ics")
        k.run(["export", "ics", "--out", again], env: ["KITH_TODAY": "2026-11-23"])
        #expect(try parsed(again).map { $0.split(separator: "|")[0] }.sorted() == events.map { $0.split(separator: "|")[0] }.sorted())
        #expect(Data(k.ok(["export", "ics"]).out.utf8) == FileManager.default.contents(atPath: file))
        k.fails(["export", "ics", "--days", "0"], code: 2, saying: "--days must be")
        k.fails(["export", "ics", "--out", k.tmp.file("no/such/dir/x.ics")], code: 1, saying: "cannot write")
    }
}

@Suite struct ConfigFileTests {
    func write(_ k: Sandbox, _ text: String) {
        try? FileManager.default.createDirectory(atPath: k.tmp.file(".config/kith"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: k.tmp.file(".config/kith/config.toml"), contents: Data(text.utf8))
    }

    @Test func cadencesOverdueFactorCapAndBirthdaysComeFromTheConfig() {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--circle", "inner", "--birthday", "--12-20"])
        k.ok(["add", "Ana", "--circle", "inner"])
        k.ok(["log", "zoe,ana", "--date", "12d"])
        #expect(k.ok(["due"]).out.contains("overdue"))                  // 12 ≥ 1.5 × 7
        write(k, "overdue_factor = 2\ndaily_cap = 1\nbirthday_days = 30\n[cadence]\ninner = 10\ngroup = 14\n")
        let out = k.ok(["due"]).out
        #expect(out.hasPrefix("Due today (1 of 2; kith due --all shows everyone):"))
        #expect(out.contains("due  12 days (every 10)") && !out.contains("overdue"))
        #expect(out.contains("Birthday: Zoë on Sun 20 Dec 2026"))
        #expect(k.ok(["show", "zoe"]).out.contains("inner · every 10 days"))
    }

    @Test func badValuesNameTheFileLineAndKey() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        write(k, "theme = \"dark\"\n\ndaily_cap = 0\n")
        let r = k.run(["people"])
        #expect(r.code == 1 && r.errLines.count == 1)
        #expect(r.err.contains("config.toml:3: daily_cap: must be a whole number from 1 to 100"))
        write(k, "[cadence]\ninner = \"weekly\"\n")
        #expect(k.run(["people"]).err.contains("config.toml:2: cadence.inner: must be a whole number"))
        write(k, "overdue_factor = [\n")
        #expect(k.run(["people"]).err.contains("config.toml:1:"))
        #expect(k.run(["--help"]).code == 0)                         // help never depends on the config
        write(k, "sparkle = true\n")
        let warned = k.run(["people"])
        #expect(warned.code == 0 && warned.err.contains("unknown key \"sparkle\" (ignored)"))
    }
}

@Suite struct TimeZoneTests {
    /// "Today" is the calendar day where the user is: the same instant is a different
    /// day in Kiritimati (UTC+14) and on Baker Island (UTC-12), and a stored moment's
    /// day never moves afterwards, whatever the zone it is read in.
    @Test func todayIsTheLocalCalendarDayAndStoredDaysNeverMove() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        func localDay(_ tz: String) -> String {
            let f = DateFormatter()
            f.timeZone = TimeZone(identifier: tz)
            f.dateFormat = "yyyy-MM-dd"
            return f.string(from: Date())
        }
        for tz in ["Pacific/Kiritimati", "Etc/GMT+12"] {
            let r = k.run(["log", "zoe", "--note", tz], env: ["TZ": tz, "KITH_TODAY": ""])
            #expect(r.code == 0, "\(r.err)")
        }
        let moments = try #require(k.json(["history", "--json"]) as? [[String: Any]])
        let byNote = Dictionary(uniqueKeysWithValues: moments.map { ($0["note"] as! String, $0["date"] as! String) })
        let east = localDay("Pacific/Kiritimati"), west = localDay("Etc/GMT+12")
        // Right around a date line both can agree for a second; otherwise they differ by a day.
        #expect(byNote["Pacific/Kiritimati"] == east && byNote["Etc/GMT+12"] == west)
        for tz in ["UTC", "Asia/Tokyo", "America/Los_Angeles"] {
            let again = try #require(k.run(["history", "--json"], env: ["TZ": tz]).out.data(using: .utf8))
            let dates = (try JSONSerialization.jsonObject(with: again) as? [[String: Any]])?.map { $0["date"] as! String }
            #expect(Set(dates ?? []) == Set([east, west]))
        }
    }
}

@Suite struct BackupTests {
    @Test func aJSONBackupRestoresAnIdenticalStore() throws {
        let k = Sandbox()
        let a = k.tmp.file("a.sqlite"), b = k.tmp.file("b.sqlite")
        k.ok(["demo", "--out", a])
        k.ok(["--store", a, "add", "Eve, with a comma", "--nickname", "E", "--birthday", "--02-29", "--for", "both", "--note", "line\nbreak \"quoted\""])
        k.ok(["--store", a, "remind", "zoe", "ask, gently", "--on", "friday"])
        k.ok(["--store", a, "remind", "done", "1"])
        k.ok(["--store", a, "snooze", "山田", "--cycle"])
        k.ok(["--store", a, "nudge"])                                   // leaves a setting behind
        k.ok(["--store", a, "checkin", "--self", "5", "--feel", "calm,sad:2", "--lonely", "some,hardly-ever,often"])
        k.ok(["--store", a, "checkin", "--lonely", "often,often,often", "--date", "2026-10-01"])
        let first = k.tmp.file("first.json"), second = k.tmp.file("second.json")
        k.ok(["--store", a, "export", "json", "--out", first])
        #expect(mode(of: first) == 0o600)
        #expect(k.ok(["--store", b, "import", "json", first]).out.hasPrefix("Restored 37 people, 5 groups"))
        k.ok(["--store", b, "export", "json", "--out", second])
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        #expect(Data(k.ok(["--store", b, "export", "json"]).out.utf8) == FileManager.default.contents(atPath: second))
        // Into a store that holds anything: refused, untouched.
        k.fails(["--store", b, "import", "json", first], code: 1, saying: "is not empty; add --merge")
    }

    /// Two stores kept apart for a while (a laptop and a desktop) come together: the
    /// store's own records win, the backup adds only what is missing, and a second merge
    /// adds nothing.
    @Test func mergingABackupAddsWhatIsMissingAndTwiceAddsNothing() throws {
        let k = Sandbox()
        let laptop = k.tmp.file("laptop.sqlite"), desktop = k.tmp.file("desktop.sqlite")
        for s in [laptop, desktop] {
            k.ok(["--store", s, "add", "Zoë", "--circle", "inner"])
            k.ok(["--store", s, "group", "add", "Climbers", "--member", "zoe"])
            k.ok(["--store", s, "log", "zoe", "--date", "2026-11-01", "--via", "call", "--feel", "happy", "--note", "the same call"])
        }
        // The laptop has more: a person, a moment with them and Zoë, a reminder; and calls Zoë's circle close.
        k.ok(["--store", laptop, "edit", "zoe", "--circle", "close"])
        k.ok(["--store", laptop, "add", "Bo", "--group", "Climbers", "--nickname", "B"])
        k.ok(["--store", laptop, "log", "zoe,bo", "--date", "2026-11-10", "--feel", "joyful:3,sad", "--note", "climbing, then news"])
        k.ok(["--store", laptop, "remind", "bo", "ask about the move", "--on", "2026-12-01"])
        // Two calls the same day that differ only in how they felt: two moments, both kept.
        k.ok(["--store", laptop, "log", "bo", "--date", "2026-11-12", "--via", "call", "--feel", "happy"])
        k.ok(["--store", laptop, "log", "bo", "--date", "2026-11-12", "--via", "call", "--feel", "sad:3", "--kind", "conflict"])
        // The desktop has a moment of its own.
        k.ok(["--store", desktop, "log", "zoe", "--date", "2026-11-05", "--note", "desktop only"])

        let backup = k.tmp.file("laptop.json")
        k.ok(["--store", laptop, "export", "json", "--out", backup])
        let dry = k.ok(["--store", desktop, "import", "json", backup, "--merge", "--dry-run"]).out
        #expect(dry.hasPrefix("Would add 1 person (1 already here), 0 groups (1 already here), 1 membership, 3 moments (1 already here), 1 reminder,"))
        let merged = k.ok(["--store", desktop, "import", "json", backup, "--merge"]).out
        #expect(merged.hasPrefix("Added 1 person (1 already here), 0 groups (1 already here), 1 membership, 3 moments (1 already here), 1 reminder,"))

        let history = k.ok(["--store", desktop, "history"]).out
        #expect(history.contains("climbing, then news"))
        #expect(history.contains("desktop only"))
        #expect(history.components(separatedBy: "the same call").count == 2)
        #expect(k.ok(["--store", desktop, "show", "zoe"]).out.contains("inner"))      // the store's details win
        #expect(k.ok(["--store", desktop, "show", "bo"]).out.contains("Climbers"))
        #expect(k.ok(["--store", desktop, "remind", "list"]).out.contains("ask about the move"))

        let twice = k.ok(["--store", desktop, "import", "json", backup, "--merge"]).out
        #expect(twice.hasPrefix("Added 0 people (2 already here), 0 groups (1 already here), 0 memberships, 0 moments (4 already here), 0 reminders"))
        k.fails(["--store", desktop, "import", "json", backup, "--dry-run"], code: 2, saying: "--dry-run goes with --merge")
    }

    @Test func brokenBackupsNameThePlace() {
        let k = Sandbox()
        func attempt(_ json: String, _ saying: String, code: Int32 = 2) {
            let file = k.tmp.file("x.json")
            FileManager.default.createFile(atPath: file, contents: Data(json.utf8))
            k.fails(["import", "json", file], code: code, saying: saying)
            #expect(!FileManager.default.fileExists(atPath: k.store))
        }
        attempt("not json", "is not valid JSON")
        attempt("[1, 2]", "is not a JSON object")
        attempt(#"{"format": "other"}"#, "is not a kith backup")
        attempt(#"{"format": "kith-backup", "version": 9}"#, "newer kith (backup version 9)")
        attempt(#"{"format": "kith-backup", "version": "2"}"#, "version: must be a whole number")
        attempt(#"{"format": "kith-backup", "version": 1, "people": [{"id": 1, "name": "A", "circle": "bestie", "notes": "", "added": "2026-01-01"}]}"#,
                "people[0].circle: \"bestie\" is not one of")
        attempt(#"{"format": "kith-backup", "version": 1, "moments": [{"id": 1, "date": "2026-02-30", "people": [1], "via": "call", "reachedOut": "me", "depth": "light", "note": ""}]}"#,
                "moments[0].date")
        k.fails(["import", "json", k.tmp.file("missing.json")], code: 1, saying: "cannot read")
    }
}

@Suite struct CSVAndConfigCommandTests {
    @Test func csvQuotesCommasQuotesNewlinesAndKeepsCJK() {
        let k = Sandbox()
        k.ok(["add", "Smith, Jo"])
        k.ok(["add", "山田太郎"])
        k.ok(["log", "Smith, Jo,山田", "--date", "2026-11-20", "--feel", "happy,sad:2", "--note", "said \"hi\",\nthen left"])
        let out = k.ok(["export", "csv"]).out
        let rows = out.components(separatedBy: "\r\n")
        #expect(rows[0] == "moment,date,time,person,group,via,reached_out,kinds,emotions,uplift,depth,received,connection,note")
        #expect(rows[1] == "1,2026-11-20,,\"Smith, Jo\",,in-person,mutual,,happy sad:2,,light,,mixed,\"said \"\"hi\"\",\nthen left\"")
        #expect(rows[2].hasPrefix("1,2026-11-20,,山田太郎,"))
        #expect(rows.count == 4 && rows[3].isEmpty)
    }

    /// A note with Windows line ends (CRLF), a lone CR and a lone LF: Python's csv reader
    /// sees one row per moment, each note whole.
    @Test func notesWithEveryLineEndStayInTheirRow() throws {
        let k = Sandbox()
        k.ok(["add", "Bob"])
        k.ok(["log", "bob", "--note", "first\r\nsecond"])
        k.ok(["log", "bob", "--note", "one\rtwo"])
        k.ok(["log", "bob", "--note", "up\ndown"])
        let file = k.tmp.file("m.csv")
        k.ok(["export", "csv", "--out", file])
        let rows = try readBack(with: "check_csv.py", file, reader: "Python's csv")
        #expect(rows == ["1|first\\r\\nsecond", "2|one\\rtwo", "3|up\\ndown"])
    }

    /// A note read from a Windows file (CR LF) keeps its lines, not a replacement mark
    /// where each CR was.
    @Test func aNoteFromStandardInputWithWindowsLineEnds() {
        let k = Sandbox()
        k.ok(["add", "Bob"])
        k.ok(["log", "bob", "--note", "-"], stdin: "first\r\nsecond\rthird\r\n")
        #expect(k.ok(["history", "bob", "--json"]).out.contains("\"note\": \"first\\nsecond\\nthird\""))
    }

    @Test func configPathAndShow() {
        let k = Sandbox()
        #expect(k.ok(["config", "path"]).out == k.tmp.file(".config/kith/config.toml") + "\n")
        #expect(k.ok(["config"]).out.contains("daily_cap = 5\n"))
        try? FileManager.default.createDirectory(atPath: k.tmp.file(".config/kith"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: k.tmp.file(".config/kith/config.toml"), contents: Data("daily_cap = 3\n".utf8))
        #expect(k.ok(["config", "show"]).out.contains("daily_cap = 3\n"))
    }
}

@Suite struct BackupConsistencyTests {
    /// A backup the store would refuse is named by its place before anything is written.
    @Test func inconsistentBackupsAreRefusedWithThePlace() {
        let k = Sandbox()
        func attempt(_ json: String, _ saying: String) {
            let file = k.tmp.file("x.json")
            FileManager.default.createFile(atPath: file, contents: Data(json.utf8))
            k.fails(["import", "json", file], code: 2, saying: saying)
            #expect(!FileManager.default.fileExists(atPath: k.store))
        }
        let person = #"{"id": 1, "name": "Zoë Ångström", "circle": "inner", "notes": "", "added": "2026-01-01"}"#
        attempt(#"{"format": "kith-backup", "version": 2, "people": [\#(person), {"id": 2, "name": "ZOË ÅNGSTRÖM", "circle": "inner", "notes": "", "added": "2026-01-01"}]}"#,
                #"people[1].name: "ZOË ÅNGSTRÖM" is the same name as "Zoë Ångström" ignoring case and accents"#)
        attempt(#"{"format": "kith-backup", "version": 2, "people": [\#(person)], "moments": [{"id": 1, "date": "2026-02-03", "people": [9999], "via": "call", "reachedOut": "me", "depth": "light", "note": ""}]}"#,
                "moments[0].people[0]: no person #9999 in the backup")
        attempt(#"{"format": "kith-backup", "version": 2, "people": [\#(person)], "groups": [{"id": 1, "name": "A", "notes": "", "added": "2026-01-01", "members": [3]}]}"#,
                "groups[0].members[0]: no person #3 in the backup")
        attempt(#"{"format": "kith-backup", "version": 2, "people": [{"id": 1, "name": "Eve\u001b[31m", "circle": "inner", "notes": "", "added": "2026-01-01"}]}"#,
                "people[0].name: a name cannot contain control characters")
 
    }

    /// Dates the CLI would refuse, refused in a backup too, with the place: a backup
    /// that restores is one whose every date kith could have written.
    @Test func datesTheCLIWouldRefuseAreRefusedWithThePlace() {
        let k = Sandbox()
        func person(added: String = "2026-01-01", birthday: String = "null") -> String {
            #"{"id": 1, "name": "Ana", "circle": "inner", "notes": "", "added": "\#(added)", "birthday": \#(birthday)}"#
        }
        func moment(_ date: String) -> String {
            #"{"id": 1, "date": "\#(date)", "people": [1], "via": "call", "reachedOut": "me", "depth": "light", "note": ""}"#
        }
        let cases: [(String, String)] = [
            (#""people": [\#(person())], "moments": [\#(moment("9999-01-01"))]"#, "moments[0].date: 9999-01-01 is in the future"),
            (#""people": [\#(person())], "moments": [\#(moment("2026-11-24"))]"#, "moments[0].date: 2026-11-24 is in the future"),
            (#""people": [\#(person())], "moments": [\#(moment("1000-01-01"))]"#, "moments[0].date: 1000-01-01 is before 1900"),
            (#""people": [\#(person(added: "2027-01-01"))]"#, "people[0].added: 2027-01-01 is in the future"),
            (#""people": [\#(person(birthday: #""1604-04-15""#))]"#, #"people[0].birthday: birthday "1604-04-15" is before 1850"#),
            (#""people": [\#(person(birthday: #""2030-01-01""#))]"#, #"people[0].birthday: birthday "2030-01-01" is in the future"#),
            (#""groups": [{"id": 1, "name": "G", "notes": "", "added": "2099-01-01", "members": []}]"#, "groups[0].added: 2099-01-01 is in the future"),
            (#""people": [\#(person())], "reminders": [{"id": 1, "person": 1, "text": "a", "date": "9999-12-31", "state": "open"}]"#,
             "reminders[0].date: 9999-12-31 is more than 200 years ahead"),
            (#""people": [\#(person())], "snoozes": [{"person": 1, "until": "3000-01-01"}]"#, "snoozes[0].until: 3000-01-01 is more than 200 years ahead"),
            (#""selfCheckins": [{"date": "2026-12-01", "closeness": 4, "emotions": []}]"#, "selfCheckins[0].date: 2026-12-01 is in the future"),
        ]
        let file = k.tmp.file("x.json")
        for (body, saying) in cases {
            FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, \#(body)}"#.utf8))
            k.fails(["import", "json", file], code: 2, saying: saying)
            #expect(!FileManager.default.fileExists(atPath: k.store))
        }
        // The days at the edges are kith's own, and restore.
        FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, "people": [\#(person(added: "2026-11-22", birthday: #""1850-01-01""#))], "moments": [\#(moment("1900-01-01")), \#(moment("2026-11-22").replacingOccurrences(of: #""id": 1"#, with: #""id": 2"#))], "reminders": [{"id": 1, "person": 1, "text": "a", "date": "2226-11-22", "state": "open"}]}"#.utf8))
        #expect(k.ok(["import", "json", file]).out.hasPrefix("Restored 1 person, 0 groups and 2 moments"))
    }

    /// Notes and reminders at most 10 MB, as `--note -` takes them.
    @Test func notesOverTheCLIsLimitAreRefused() {
        let k = Sandbox()
        let big = String(repeating: "a", count: 10_000_001)
        let file = k.tmp.file("x.json")
        FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, "people": [{"id": 1, "name": "Ana", "circle": "inner", "notes": "", "added": "2026-01-01"}], "moments": [{"id": 1, "date": "2026-02-03", "people": [1], "via": "call", "reachedOut": "me", "depth": "light", "note": "\#(big)"}]}"#.utf8))
        k.fails(["import", "json", file], code: 2, saying: "moments[0].note: is over 10 MB")
        #expect(!FileManager.default.fileExists(atPath: k.store))
        FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, "people": [{"id": 1, "name": "Ana", "circle": "inner", "notes": "\#(big)", "added": "2026-01-01"}]}"#.utf8))
        k.fails(["import", "json", file], code: 2, saying: "people[0].notes: is over 10 MB")
    }

    /// A value given twice where the store keeps a set: the place of the second, as for
    /// any other fault, and no store left behind (nor a raw SQLite error); --merge the same.
    @Test func duplicatesAreRefusedWithThePlace() {
        let k = Sandbox()
        let people = #"[{"id": 1, "name": "Ana", "circle": "inner", "notes": "", "added": "2026-01-01", "uid": "u-1"}, {"id": 2, "name": "Bo", "circle": "inner", "notes": "", "added": "2026-01-01", "uid": "u-2"}]"#
        func moment(_ people: String = "[1]", emotions: String = "[]") -> String {
            #"{"id": 1, "date": "2026-02-03", "people": \#(people), "via": "call", "reachedOut": "me", "depth": "light", "note": "", "emotions": \#(emotions)}"#
        }
        let cases: [(String, String)] = [
            (#""people": \#(people), "moments": [\#(moment("[1, 2, 1]"))]"#, "moments[0].people[2]: #1 appears twice (also moments[0].people[0])"),
            (#""people": \#(people), "moments": [\#(moment(emotions: #"[{"word": "happy"}, {"word": "happy", "intensity": 2}]"#))]"#,
             #"moments[0].emotions[1].word: "happy" appears twice"#),
            (#""people": \#(people), "groups": [{"id": 1, "name": "G", "notes": "", "added": "2026-01-01", "members": [1, 1]}]"#,
             "groups[0].members[1]: #1 appears twice"),
            (#""people": [{"id": 1, "name": "Ana", "circle": "inner", "notes": "", "added": "2026-01-01", "uid": "same"}, {"id": 2, "name": "Bo", "circle": "inner", "notes": "", "added": "2026-01-01", "uid": "same"}]"#,
             #"people[1].uid: "same" appears twice (also people[0].uid)"#),
            (#""people": \#(people), "reminders": [{"id": 1, "person": 1, "text": "a", "date": "2026-12-01", "state": "open"}, {"id": 1, "person": 2, "text": "b", "date": "2026-12-01", "state": "open"}]"#,
             "reminders[1].id: #1 appears twice"),
            (#""people": \#(people), "snoozes": [{"person": 1, "until": "2026-12-01"}, {"person": 1, "until": "2026-12-02"}]"#,
             "snoozes[1].person: #1 has a snooze already"),
            (#""selfCheckins": [{"date": "2026-02-03", "closeness": 4, "emotions": []}, {"date": "2026-02-03", "closeness": 5, "emotions": []}]"#,
             "selfCheckins[1].date: 2026-02-03 appears twice"),
            (#""selfCheckins": [{"date": "2026-02-03", "closeness": 4, "emotions": [{"word": "calm"}, {"word": "calm"}]}]"#,
             #"selfCheckins[0].emotions[1].word: "calm" appears twice"#),
        ]
        let file = k.tmp.file("x.json")
        for (body, saying) in cases {
            FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, \#(body)}"#.utf8))
            k.fails(["import", "json", file], code: 2, saying: saying)
            #expect(!FileManager.default.fileExists(atPath: k.store))
            let other = k.tmp.file("other.sqlite")
            k.fails(["--store", other, "import", "json", file], code: 2, saying: saying)
            #expect(!FileManager.default.fileExists(atPath: other))
        }
        k.ok(["add", "Zoë"])
        for (body, saying) in cases {
            FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, \#(body)}"#.utf8))
            k.fails(["import", "json", file, "--merge"], code: 2, saying: saying)
        }
    }
}
