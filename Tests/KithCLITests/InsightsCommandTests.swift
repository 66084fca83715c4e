import Foundation
import KithTestSupport
import Testing

/// `kith insights` and `kith checkin`, run as a user would.
@Suite struct InsightsCommandTests {
    /// A few moments with Zoë, each figure countable by hand.
    func world() -> Sandbox {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--circle", "close"])
        k.ok(["add", "Bo"])
        k.ok(["group", "add", "Climbers", "--member", "zoe,bo"])
        k.ok(["log", "zoe", "--date", "2026-11-20", "--reached-out", "me", "--feel", "happy:2,grateful"])
        k.ok(["log", "zoe", "--date", "2026-11-10", "--reached-out", "me", "--kind", "heart-to-heart", "--feel", "sad:2,relieved",
              "--depth", "vulnerable", "--received", "safe"])
        k.ok(["log", "zoe", "--date", "2026-10-28", "--reached-out", "them", "--kind", "fun", "--feel", "amused"])
        k.ok(["log", "--group", "Climbers", "--date", "2026-08-02", "--reached-out", "mutual", "--feel", "happy"])
        return k
    }

    @Test func aPersonsInsightsInWordsAndCharts() {
        let k = world()
        for line in k.ok(["insights", "zoe", "--width", "80"]).out.split(separator: "\n") { #expect(line.count <= 80) }
        let out = k.ok(["insights", "zoe", "--width", "200"]).out
        #expect(out.hasPrefix("Zoë · the last 12 months (Mon 1 Dec 2025 – Sun 22 Nov 2026)\n"))
        #expect(out.contains("4 moments in the last 12 months (0 in the 12 months before)."))
        #expect(out.contains("You reached out twice, Zoë once; 1 planned together."))
        #expect(out.contains("Too few moments where one side reached out (3, fewer than 6) to say who usually does."))
        #expect(out.contains("Something hard was shared once in the last 12 months (0 in the 12 months before)."))
        #expect(out.contains("Climbers: 2 members, met 112 days ago (every 30 days, longer than its cadence)."))
        #expect(out.contains("█ you 2 · ▒ together 1 · ░ Zoë 1"))
    }

    @Test func everyNumberCanBeTracedInTheJSON() throws {
        let k = world()
        let x = try #require(k.json(["insights", "zoe", "--json"]) as? [String: Any])
        let reciprocity = try #require(x["reciprocity"] as? [String: Any])
        // Moments are numbered in the order logged: 1 and 2 were mine, 3 theirs, 4 the group's.
        #expect(reciprocity["me"] as? [Int] == [2, 1])
        #expect(reciprocity["them"] as? [Int] == [3])
        #expect(reciprocity["mutual"] as? [Int] == [4])
        let depth = try #require(x["depth"] as? [String: Any])
        #expect(depth["vulnerable"] as? [Int] == [2])
        #expect((depth["received"] as? [String: Any])?["safe"] as? [Int] == [2])
        let types = try #require(x["types"] as? [String: Any])
        #expect((types["joyful"] as? [String: Any])?["moments"] as? [Int] == [4, 3, 1])
        #expect((types["vulnerable"] as? [String: Any])?["surveyShare"] as? Double == 0.17)
        // Added today but logged back to 2 August: 2 Aug to 22 Nov is 113 days, 8 whole cycles of 14.
        #expect((x["cadence"] as? [String: Any])?["cycles"] as? Int == 8)
        #expect((x["scope"] as? [String: Any])?["name"] as? String == "Zoë")
        #expect((x["observations"] as? [String])?.isEmpty == false)
    }

    @Test func aGroupAndEveryoneAndAChosenStart() throws {
        let k = world()
        #expect(k.ok(["insights", "--group", "climbers"]).out.contains("1 moment in the last 12 months"))
        let all = try #require(k.json(["insights", "--json"]) as? [String: Any])
        #expect((all["moments"] as? [Int])?.count == 4)
        #expect((all["circles"] as? [[String: Any]])?.map { $0["people"] as? Int } == [0, 1, 1, 0])
        let since = k.ok(["insights", "zoe", "--since", "2026-11-01", "--width", "200"]).out
        #expect(since.contains("2 moments since Sun 1 Nov 2026 (1 in the 22 days before)."))
    }

    @Test func badRequestsAreOneLineAndChangeNothing() {
        let k = world()
        k.fails(["insights", "nobody"], code: 1, saying: "nobody named \"nobody\"")
        k.fails(["insights", "zoe", "--group", "climbers"], code: 2, saying: "give a name or --group, not both")
        k.fails(["insights", "--since", "2027-01-01"], code: 2, saying: "is in the future")
        k.fails(["insights", "--width", "40"], code: 2, saying: "--width must be at least 60")
    }

    @Test func insightsOnAStoreThatIsNotThereCreateNothing() {
        let k = Sandbox()
        #expect(k.ok(["insights"]).out.contains("0 moments in the last 12 months"))
        #expect(!FileManager.default.fileExists(atPath: k.store))
    }

    @Test func aSelfCheckInFromTheCommandLine() throws {
        let k = world()
        #expect(k.ok(["checkin", "--self", "5", "--feel", "calm", "--lonely", "some,hardly-ever,often"]).out
                == "Checked in for Sun 22 Nov 2026: feeling 5 of 7 connected; calm; "
                + "loneliness 6 of 9 (your three answers added: 3 is hardly ever lonely, 9 often on all three).\n")
        // A second one the same day fills in what it gives and keeps the rest.
        #expect(k.ok(["checkin", "--self", "6"]).out == "Checked in for Sun 22 Nov 2026: feeling 6 of 7 connected; calm; "
                + "loneliness 6 of 9 (your three answers added: 3 is hardly ever lonely, 9 often on all three).\n")
        k.ok(["checkin", "--self", "2", "--date", "2026-10-03"])
        let x = try #require(k.json(["insights", "--json"]) as? [String: Any])
        let me = try #require(x["self"] as? [String: Any])
        let months = try #require(me["monthly"] as? [[String: Any]])
        #expect(months.last?["closeness"] as? Double == 6)
        #expect(months[months.count - 2]["closeness"] as? Double == 2)
        #expect((me["loneliness"] as? [[String: Any]])?.first?["score"] as? Int == 6)

        k.fails(["checkin", "--self", "9"], code: 2, saying: "1 (apart) to 7 (very close)")
        k.fails(["checkin", "--lonely", "some,often"], code: 2, saying: "--lonely needs three answers")
        k.fails(["checkin", "--lonely", "some,often,always"], code: 2, saying: "answer hardly-ever, some or often")
        k.fails(["checkin", "--self", "3", "--date", "2026-12-01"], code: 2, saying: "cannot be in the future")
        k.fails(["checkin"], code: 2, saying: "needs a closeness")
    }
}

/// What kith writes to a terminal: stored text with escape sequences in it (as an import
/// can bring) reaches a terminal defused, from every command; a pipe gets the bytes.
@Suite struct TerminalOutputTests {
    /// Runs kith on a pseudo-terminal through script(1) and returns the bytes it wrote.
    func onTerminal(_ k: Sandbox, _ args: [String]) throws -> [UInt8] {
        let log = k.tmp.file("typescript")
        let command = ([Sandbox.binary] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", command, log]
        p.environment = ["HOME": k.home, "XDG_DATA_HOME": k.tmp.file("data"), "KITH_TODAY": "2026-11-22", "LANG": "C.UTF-8",
                         "PATH": "/usr/bin:/bin", "TERM": "xterm"]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: log)))
    }

    @Test func noRawControlByteReachesATerminal() throws {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        k.ok(["log", "ana", "--note", "title\u{1B}]0;pwned\u{07} and \u{1B}[31mred\u{1B}[0m and \u{9B}2J C1"])
        for args in [["export", "csv"], ["history"], ["export", "json"], ["show", "ana"]] {
            let bytes = try onTerminal(k, args)
            // script(1) writes its own header line; what matters is kith's output after it.
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "raw control from kith \(args.joined(separator: " "))")
            #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0.value == 0x9B })
            if args != ["show", "ana"] { #expect(String(decoding: bytes, as: UTF8.self).contains("red")) }
        }
        // Into a pipe or a file the export stays faithful.
        #expect(k.ok(["export", "csv"]).out.contains("\u{1B}[31mred"))
    }
}
