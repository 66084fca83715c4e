import Foundation
import Testing
import KithTestSupport

/// `kith moment edit|delete|show ID`, run as the real binary against a sandboxed store.
@Suite struct MomentCommandTests {
    func sandbox() -> Sandbox {
        let k = Sandbox()
        k.ok(["add", "Zoë Ångström", "--circle", "inner"])
        k.ok(["add", "山田太郎"])
        k.ok(["add", "Ana"])
        k.ok(["group", "add", "Book club", "--member", "zoe,山田"])
        return k
    }

    /// Every moment in the store, by id, as `kith history --json` shows them.
    func moments(_ k: Sandbox) -> [Int: [String: Any]] {
        let all = (k.json(["history", "--json"]) as? [[String: Any]]) ?? []
        return Dictionary(uniqueKeysWithValues: all.map { ($0["id"] as! Int, $0) })
    }

    func moment(_ k: Sandbox, _ id: Int) -> [String: Any] { moments(k)[id] ?? [:] }

    /// Logs a moment and returns the id `kith log` printed as [#ID].
    func log(_ k: Sandbox, _ args: [String]) -> Int {
        let out = k.ok(["log"] + args).out
        guard let open = out.range(of: "[#"), let close = out[open.upperBound...].firstIndex(of: "]") else { return -1 }
        return Int(out[open.upperBound..<close]) ?? -1
    }

    /// The keys whose values differ between two moments' JSON.
    func differing(_ a: [String: Any], _ b: [String: Any]) -> Set<String> {
        Set(a.keys).union(b.keys).filter { !((a[$0] as? NSObject)?.isEqual(b[$0]) ?? (b[$0] == nil)) }
    }

    @Test func idsAreThoseHistoryAndLogShow() {
        let k = sandbox()
        let first = log(k, ["zoe", "--date", "2026-11-20"])
        let second = log(k, ["ana"])
        #expect(Set(moments(k).keys) == [first, second])
        k.ok(["moment", "edit", String(first), "--note", "first"])
        k.ok(["moment", "edit", "#\(second)", "--note", "second"])
        #expect(moment(k, first)["note"] as? String == "first")
        #expect(moment(k, second)["note"] as? String == "second")
    }

    /// Each option alone changes its field and nothing else of the moment.
    @Test func eachOptionChangesOnlyItsField() {
        let k = sandbox()
        let id = log(k, ["zoe", "--date", "2026-11-20", "--time", "09:00", "--via", "call", "--kind", "fun",
                         "--feel", "happy", "--uplift", "1", "--depth", "vulnerable", "--received", "safe", "--note", "n"])
        let cases: [([String], [String: Any])] = [
            (["ana,山田"], ["people": ["山田太郎", "Ana"]]),
            (["--group", "book"], ["group": "Book club"]),
            (["--date", "yesterday"], ["date": "2026-11-21"]),
            (["--time", "18:30"], ["time": "18:30"]),
            (["--via", "video"], ["via": "video"]),
            (["--reached-out", "them"], ["reachedOut": "them"]),
            (["--kind", "news,practical", "--kind", "news"], ["kinds": ["practical", "news"]]),
            (["--feel", "sad:2,relieved"], ["emotions": ["sad", "relieved"], "connection": "vulnerable"]),
            (["--uplift", "-2"], ["uplift": -2]),
            (["--received", "hurtful"], ["received": "hurtful"]),
            (["--depth", "personal"], ["depth": "personal", "received": NSNull()]),
            (["--note", "new\nlines"], ["note": "new\nlines"]),
            (["--note", "-"], ["note": "from stdin"]),
        ]
        for (args, expected) in cases {
            let before = moment(k, id)
            k.ok(["moment", "edit", String(id)] + args, stdin: "from stdin\n")
            let after = moment(k, id)
            var changed = differing(before, after)
            changed.remove("connection")
            #expect(changed == Set(expected.keys).subtracting(["connection"]), "\(args)")
            for (key, value) in expected {
                if key == "emotions" {
                    #expect((after[key] as? [[String: Any]])?.map { $0["word"] as! String } == value as? [String], "\(args)")
                } else {
                    #expect((after[key] as? NSObject)?.isEqual(value) == true, "\(args): \(key) is \(after[key] ?? "missing")")
                }
            }
        }
    }

    @Test func noneClearsOptionalFieldsAndAnEmptyNoteRemovesTheNote() {
        let k = sandbox()
        let id = log(k, ["zoe", "--group", "book", "--time", "09:00", "--kind", "fun,news", "--feel", "happy",
                         "--uplift", "2", "--received", "mixed", "--note", "n"])
        let r = k.ok(["moment", "edit", String(id), "--time", "none", "--group", "NONE", "--kind", "none", "--feel", "none",
                      "--uplift", "none", "--received", "none", "--note", ""])
        #expect(r.out == "Saved the changes to the moment of Sun 22 Nov 2026 with Zoë Ångström: no time · no group · "
                + "no kinds · no emotions · no uplift · no longer marked as received · note removed.  [#\(id)]\n")
        let m = moment(k, id)
        #expect(m["time"] is NSNull && m["group"] is NSNull && m["uplift"] is NSNull && m["received"] is NSNull)
        #expect((m["kinds"] as? [Any])?.isEmpty == true && (m["emotions"] as? [Any])?.isEmpty == true)
        #expect(m["note"] as? String == "")
        #expect(m["depth"] as? String == "vulnerable")              // clearing how it was received keeps the depth
        #expect(m["people"] as? [String] == ["Zoë Ångström"])
    }

    @Test func theLineSaysWhatChanged() {
        let k = sandbox()
        let id = log(k, ["zoe"])
        let r = k.ok(["moment", "edit", String(id), "ana", "--date", "2026-11-20", "--time", "18:30", "--via", "call",
                      "--reached-out", "me", "--feel", "happy,sad:2", "--uplift", "1", "--depth", "personal", "--note", "x"])
        #expect(r.out == "Saved the changes to the moment of Fri 20 Nov 2026 at 18:30 with Ana: moved from Sun 22 Nov 2026 · "
                + "time 18:30 · who was there (before: Zoë Ångström) · via call · I reached out · felt happy, sad:2 · "
                + "uplift +1 · depth personal · note.  [#\(id)]\n")
        // The same values again: nothing to save, and the store is left as it is.
        let before = k.snapshot()
        let again = k.ok(["moment", "edit", String(id), "--via", "call", "--uplift", "1"])
        #expect(again.out == "Nothing to change: the moment of Fri 20 Nov 2026 at 18:30 with Ana already says that.  [#\(id)]\n")
        #expect(k.snapshot() == before)
    }

    /// How it was received belongs to vulnerable moments: saying it makes the moment
    /// vulnerable, as in log, and a lighter depth drops it, as in the full screen.
    @Test func receivedAndDepthKeepTogether() {
        let k = sandbox()
        let id = log(k, ["zoe"])
        k.ok(["moment", "edit", String(id), "--received", "safe"])
        #expect(moment(k, id)["depth"] as? String == "vulnerable" && moment(k, id)["received"] as? String == "safe")
        let r = k.ok(["moment", "edit", String(id), "--depth", "light"])
        #expect(r.out.contains("depth light · no longer marked as received"))
        #expect(moment(k, id)["received"] is NSNull)
        k.fails(["moment", "edit", String(id), "--depth", "personal", "--received", "safe"], code: 2, saying: "--depth vulnerable")
    }

    /// A group given alone keeps who was there (and says who is not a member); names
    /// given alone keep the group.
    @Test func namesAndGroupChangeSeparately() {
        let k = sandbox()
        let id = log(k, ["zoe,ana"])
        let r = k.ok(["moment", "edit", String(id), "--group", "book club"])
        #expect(r.out.hasSuffix("Note: Ana is not in Book club; `kith edit \"Ana\" --group \"Book club\"` adds them.\n"))
        #expect(moment(k, id)["people"] as? [String] == ["Zoë Ångström", "Ana"])
        k.ok(["moment", "edit", String(id), "山田"])
        #expect(moment(k, id)["people"] as? [String] == ["山田太郎"] && moment(k, id)["group"] as? String == "Book club")
        #expect((k.json(["history", "--group", "book", "--json"]) as? [Any])?.count == 1)
        #expect((k.json(["history", "ana", "--json"]) as? [Any])?.count == 0)
    }

    /// Every value is read before the store is touched: a typo beside good changes
    /// changes nothing, and each mistake is one line with the usage exit code.
    @Test func badInputChangesNothing() {
        let k = sandbox()
        let id = String(log(k, ["zoe", "--time", "09:00", "--note", "kept"]))
        let before = k.ok(["history", "--json"]).out
        let e = ["moment", "edit", id]
        k.fails(e, code: 2, saying: "nothing to change")
        k.fails(e + ["--time", "10:00", "--via", "pigeon"], code: 2, saying: "unknown channel")
        k.fails(e + ["--note", "x", "--date", "2027-01-01"], code: 2, saying: "in the future")
        k.fails(e + ["--date", "someday"], code: 2, saying: "cannot read date")
        k.fails(e + ["--time", "25:00"], code: 2, saying: "cannot read time")
        k.fails(e + ["--reached-out", "nobody"], code: 2, saying: "--reached-out")
        k.fails(e + ["--kind", "party"], code: 2, saying: "unknown kind \"party\"")
        k.fails(e + ["--kind", "none,fun"], code: 2, saying: "unknown kind \"none\"")
        k.fails(e + ["--feel", "hapy"], code: 2, saying: "did you mean \"happy\"")
        k.fails(e + ["--uplift", "3"], code: 2, saying: "uplift must be")
        k.fails(e + ["--depth", "deep"], code: 2, saying: "unknown depth")
        k.fails(e + ["--received", "well"], code: 2, saying: "--received")
        k.fails(e + ["--depth", "light", "--received", "safe"], code: 2, saying: "--depth vulnerable")
        k.fails(e + ["--note", "-"], code: 2, saying: "NUL byte", stdin: "a\u{0}b")
        k.fails(e + [""], code: 2, saying: "say who the moment was with")
        k.fails(e + ["--bogus"], code: 2, saying: "(see kith moment edit --help)")
        k.fails(e + ["nobody", "--note", "x"], code: 1, saying: "nobody named \"nobody\"")
        k.fails(e + ["--group", "nope"], code: 1, saying: "no group named \"nope\"")
        // `none` clears only in an edit; log has nothing to clear and refuses it as a value.
        k.fails(["log", "zoe", "--time", "none"], code: 2, saying: "cannot read time")
        k.fails(["log", "zoe", "--kind", "none"], code: 2, saying: "unknown kind \"none\"")
        #expect(k.ok(["history", "--json"]).out == before)
    }

    @Test func wrongAndUnknownIDs() {
        let k = sandbox()
        _ = log(k, ["zoe"])
        for cmd in [["edit"], ["delete"], ["show"]] {
            let extra = cmd == ["edit"] ? ["--note", "x"] : []
            k.fails(["moment"] + cmd + ["999"] + extra, code: 1, saying: "there is no moment #999; `kith history --json` shows the ids")
            for bad in ["abc", "0", "#", "1.5", "99999999999999999999"] {
                k.fails(["moment"] + cmd + [bad] + extra, code: 2, saying: "\"\(bad)\" is not a moment id")
            }
        }
        // Without a store there is no moment, and none is created by asking.
        let empty = Sandbox()
        empty.fails(["moment", "delete", "1"], code: 1, saying: "there is no moment #1")
        empty.fails(["moment", "edit", "1", "--note", "x"], code: 1, saying: "there is no moment #1")
        #expect(!FileManager.default.fileExists(atPath: empty.store))
    }

    @Test func deleteRemovesOneMomentAndSaysWhich() {
        let k = sandbox()
        let kept = log(k, ["ana"])
        let gone = log(k, ["zoe", "--time", "18:30"])
        let group = log(k, ["--group", "book", "--date", "2026-11-20"])
        #expect(k.ok(["moment", "delete", String(gone)]).out == "Deleted the moment of Sun 22 Nov 2026 at 18:30 with Zoë Ångström.\n")
        #expect(k.ok(["moment", "delete", "#\(group)"]).out
                == "Deleted the moment of Fri 20 Nov 2026 with Book club (Zoë Ångström, 山田太郎).\n")
        #expect(Set(moments(k).keys) == [kept])
        #expect((k.json(["history", "zoe", "--json"]) as? [Any])?.count == 0)
        #expect(k.ok(["show", "zoe"]).out.contains("no moments yet"))
        k.fails(["moment", "delete", String(gone)], code: 1, saying: "there is no moment #\(gone)")
    }

    @Test func showPrintsOneHistoryEntry() throws {
        let k = sandbox()
        let id = log(k, ["zoe", "--date", "2026-10-03", "--via", "call", "--feel", "happy", "--note", "hi"])
        _ = log(k, ["ana"])
        let shown = try #require(k.json(["moment", "show", String(id), "--json"]) as? [String: Any])
        #expect(NSDictionary(dictionary: shown).isEqual(to: moment(k, id)))
        #expect(k.ok(["moment", "show", String(id)]).out
                == "October 2026\n  Sat 03 Oct  Zoë Ångström · call · mutual · joyful\n      felt  happy\n      note  hi\n")
    }

    @Test func bareMomentListsItsSubcommands() {
        let k = Sandbox()
        for args in [["moment"], ["moment", "--help"], ["help", "moment"]] {
            let r = k.ok(args)
            for sub in ["edit", "delete", "show"] { #expect(r.out.contains("  \(sub) "), "\(args) lacks \(sub)") }
        }
        #expect(k.ok(["moment", "edit", "--help"]).out.contains("--reached-out"))
        #expect(k.ok(["--help"]).out.contains("  moment "))
        #expect(!FileManager.default.fileExists(atPath: k.store))
    }
}
