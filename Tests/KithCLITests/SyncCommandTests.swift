import Foundation
import Testing
import KithTestSupport

/// `kith sync` as a user runs it: two devices (two sandboxes, two stores) sharing one
/// folder, as Syncthing would share it (`--offline`: the two folder steps alone).
@Suite struct SyncCommandTests {
    func devices() -> (Sandbox, Sandbox, TempDir) {
        let shared = TempDir()
        let a = Sandbox(), b = Sandbox()
        for k in [a, b] {
            try? FileManager.default.createDirectory(atPath: k.tmp.file("cfg/kith"), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: k.tmp.file("cfg/kith/config.toml"),
                                           contents: Data("[sync]\ndir = \"\(shared.path)/vdir\"\n".utf8))
        }
        return (a, b, shared)
    }

    func run(_ k: Sandbox, _ args: [String]) -> Run { k.run(args, env: ["XDG_CONFIG_HOME": k.tmp.file("cfg")]) }

    @Test func twoStoresKeepInStepThroughOneFolder() throws {
        let (a, b, shared) = devices()
        a.ok(["add", "Zoë, the first", "--note", "likes; commas, and \\ slashes"])
        a.ok(["log", "zoe", "--feel", "happy,sad:2", "--note", "a talk, long"])
        let first = run(a, ["sync", "--offline"])
        #expect(first.code == 0 && first.out == "sent 2, received 0, merged 0.\n", "\(first.out)\(first.err)")
        #expect(FileManager.default.fileExists(atPath: shared.file("vdir/contacts")))
        let got = run(b, ["sync", "--offline"])
        #expect(got.out == "sent 0, received 2, merged 0.\n", "\(got.err)")
        #expect(b.ok(["history", "zoe"]).out.contains("a talk, long"))
        #expect(b.ok(["show", "zoe"]).out.contains("likes; commas, and \\ slashes"))
        #expect(run(b, ["sync", "--offline"]).out == "sent 0, received 0, merged 0.\n")
        // --dry-run says what would happen and writes nothing.
        b.ok(["log", "zoe", "--note", "second"])
        #expect(run(b, ["sync", "--dry-run"]).out == "would have: sent 1, received 0, merged 0.\n")
        #expect(run(a, ["sync", "--offline"]).out == "sent 0, received 0, merged 0.\n")
        #expect(run(b, ["sync", "--offline"]).out == "sent 1, received 0, merged 0.\n")
        #expect(run(a, ["sync", "--offline"]).out == "sent 0, received 1, merged 0.\n")
    }

    /// A moment deleted on another device stays restorable here for 30 days.
    @Test func aMomentDeletedElsewhereIsInTheTrash() throws {
        let (a, b, shared) = devices()
        defer { withExtendedLifetime(shared) {} }
        a.ok(["add", "Ana"])
        a.ok(["log", "ana", "--note", "coffee", "--date", "2026-11-20"])
        a.ok(["log", "ana", "--note", "the lake, in June"])
        _ = run(a, ["sync", "--offline"]); _ = run(b, ["sync", "--offline"])
        #expect(b.ok(["trash"]).out.hasPrefix("The trash is empty"))
        let id = try #require((a.json(["history", "--json"]) as? [[String: Any]])?.first { $0["note"] as? String == "the lake, in June" }?["id"] as? Int)
        a.ok(["moment", "delete", "\(id)"])
        _ = run(a, ["sync", "--offline"])
        #expect(run(b, ["sync", "--offline"]).out == "sent 0, received 0, merged 0, deleted 1 here.\n")
        #expect(!b.ok(["history"]).out.contains("the lake"))
        #expect(b.ok(["trash"]).out.hasPrefix("1. Sun 22 Nov 2026 · Ana · the lake, in June\n"))
        #expect(b.ok(["trash", "restore", "1"]).out.contains("Brought back the moment of Sun 22 Nov 2026 · Ana"))
        #expect(b.ok(["history"]).out.contains("the lake, in June"))
        #expect(b.ok(["trash"]).out.hasPrefix("The trash is empty"))
        #expect(b.run(["trash", "restore", "1"]).err.contains("the trash is empty"))
        // Brought back on the other device too.
        #expect(run(b, ["sync", "--offline"]).out == "sent 1, received 0, merged 0.\n")
        #expect(run(a, ["sync", "--offline"]).out == "sent 0, received 1, merged 0.\n")
        #expect(a.ok(["history"]).out.contains("the lake, in June"))
    }

    /// A person's whole card travels: the phones, emails and other apps' lines an
    /// address book gave them are kept in the store, shown by `kith show`, and synced.
    @Test func aPersonsWholeCardTravels() throws {
        let (a, b, shared) = devices()
        defer { withExtendedLifetime(shared) {} }
        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ana-1\r\nFN:Ana Lima\r\nN:Lima;Ana;;;\r\n"
            + "item1.TEL;type=CELL:+351 912 345 678\r\nitem1.X-ABLabel:mobile\r\nEMAIL;TYPE=INTERNET,WORK:ana@example.org\r\n"
            + "NICKNAME:Nana\r\nNICKNAME:Ani\r\nX-SOMEAPP-MOOD:sunny\r\nREV:20261101T100000Z\r\nEND:VCARD\r\n"
        FileManager.default.createFile(atPath: a.tmp.file("ana.vcf"), contents: Data(card.utf8))
        a.ok(["import", "vcard", a.tmp.file("ana.vcf")])
        let shown = a.ok(["show", "ana"]).out
        #expect(shown.contains("phone        +351 912 345 678 (cell)") && shown.contains("email        ana@example.org (work)"), "\(shown)")
        _ = run(a, ["sync", "--offline"])
        _ = run(b, ["sync", "--offline"])
        #expect(b.ok(["show", "ana"]).out.contains("phone        +351 912 345 678 (cell)"))
        let json = try #require(b.json(["show", "ana", "--json"]) as? [String: Any])
        #expect((json["emails"] as? [[String: Any]])?.first?["value"] as? String == "ana@example.org")
        let file = String(decoding: try #require(FileManager.default.contents(atPath: shared.file("vdir/contacts/ana-1.vcf"))), as: UTF8.self)
        for line in ["item1.TEL;type=CELL:+351 912 345 678", "item1.X-ABLabel:mobile", "NICKNAME:Ani", "X-SOMEAPP-MOOD:sunny"] {
            #expect(file.contains(line + "\r\n"), "\(line) missing from\n\(file)")
        }
    }

    /// A JSON backup keeps every record's UID: a store restored from it is the same
    /// journal to the sync folder, not a second copy of every moment.
    @Test func aStoreRestoredFromJSONIsTheSameToTheFolder() throws {
        let (a, b, shared) = devices()
        defer { withExtendedLifetime(shared) {} }
        a.ok(["add", "Ana"])
        a.ok(["group", "add", "Choir", "--member", "Ana"])
        a.ok(["log", "ana", "--note", "the lake"])
        a.ok(["remind", "add", "ana", "ask about the lake", "--on", "2026-11-30"])
        #expect(run(a, ["sync", "--offline"]).out == "sent 4, received 0, merged 0.\n")
        let backup = a.tmp.file("backup.json")
        a.ok(["export", "json", "--out", backup])
        #expect(b.run(["import", "json", backup]).code == 0)
        // The folder already holds each of b's records, under the same UIDs.
        #expect(run(b, ["sync", "--offline"]).out == "sent 0, received 0, merged 0.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared.file("vdir/journal")).count == 2)
    }

    @Test func withoutAnEngineSyncSaysHowToSetOne() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        let r = k.run(["sync"])
        #expect(r.code == 2 && r.err.contains("no sync engine is set: add [sync] command = \"vdirsyncer sync\""), "\(r.err)")
    }

    @Test func aFailingEngineIsOneLineAndTheNextSyncPicksUp() {
        let (a, _, shared) = devices()
        defer { withExtendedLifetime(shared) {} }
        let config = a.tmp.file("cfg/kith/config.toml")
        let text = String(decoding: FileManager.default.contents(atPath: config)!, as: UTF8.self)
        FileManager.default.createFile(atPath: config, contents: Data((text + "command = \"echo server down >&2; exit 4\"\n").utf8))
        a.ok(["add", "Ana"])
        let r = run(a, ["sync"])
        #expect(r.code == 1 && r.err.contains("the sync command `echo server down >&2; exit 4` failed (exit 4): server down"), "\(r.err)")
        #expect(run(a, ["sync", "--offline"]).out == "sent 0, received 0, merged 0.\n")
    }

    /// vdirsyncer's conflict command: two versions of one record, merged into both files.
    @Test func mergeWritesOneRecordIntoBothFiles() throws {
        let dir = TempDir()
        func card(_ note: String, rev: String) -> String {
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p-1\r\nFN:Ana\r\nNOTE:\(note)\r\nREV:\(rev)\r\nEND:VCARD\r\n"
        }
        FileManager.default.createFile(atPath: dir.file("a"), contents: Data(card("likes tea", rev: "20261101T100000Z").utf8))
        FileManager.default.createFile(atPath: dir.file("b"), contents: Data(card("moved to Porto", rev: "20261102T100000Z").utf8))
        let k = Sandbox()
        #expect(k.run(["sync", "merge", dir.file("a"), dir.file("b")]).code == 0)
        let a = String(decoding: FileManager.default.contents(atPath: dir.file("a"))!, as: UTF8.self)
        let b = String(decoding: FileManager.default.contents(atPath: dir.file("b"))!, as: UTF8.self)
        #expect(a == b && a.replacingOccurrences(of: "\r\n ", with: "").contains("NOTE:moved to Porto\\n\\n— the other edit (2026-11-01 10:00 UTC) —\\nlikes tea"), "\(a)")
    }
}
