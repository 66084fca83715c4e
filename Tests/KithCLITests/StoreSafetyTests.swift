import Foundation
import Testing
import KithTestSupport

/// A journal that cannot be lost: the attacker's afternoon (issue 15) replayed through
/// the real binary. Each test failed on the code before its fix.
@Suite struct StoreSafetyTests {
    func sqlite(_ path: String, _ sql: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try? p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text
    }

    func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    func mode(_ path: String) -> Int {
        var st = stat()
        return lstat(path, &st) == 0 ? Int(st.st_mode & 0o777) : -1
    }

    /// An index that misses a row: SQLite's quick check passes, its integrity check (the
    /// one restore applies) does not. Made by hiding the index from SQLite while a row goes in.
    func damageAnIndex(_ k: Sandbox) {
        _ = sqlite(k.store, "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql='CREATE UNIQUE INDEX people_uid ON people(uid) WHERE 0' WHERE name='people_uid';")
        _ = sqlite(k.store, "INSERT INTO people(name, added_day, uid) VALUES ('Ghost', 739000, 'ghost');")
        _ = sqlite(k.store, "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql='CREATE UNIQUE INDEX people_uid ON people(uid)' WHERE name='people_uid';")
    }

    /// 1. Every day's copy passes the check restore applies; a store that fails it is
    /// written no more, and the copies that restore stay.
    @Test func aDamagedIndexStopsWritesAndKeepsTheCopiesThatRestore() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        #expect(k.run(["log", "zoe"], env: ["KITH_TODAY": "2026-11-21"]).code == 0)
        let backups = k.tmp.file("data/kith/backups")
        let sound = backups + "/daily-2026-11-21-kith.sqlite"
        #expect(FileManager.default.fileExists(atPath: sound))
        damageAnIndex(k)
        #expect(sqlite(k.store, "PRAGMA quick_check;") == "ok\n")
        for (i, day) in ["2026-11-22", "2026-11-23", "2026-11-24"].enumerated() {
            let r = k.run(["log", "zoe", "--note", "day \(i)"], env: ["KITH_TODAY": day, "XDG_CONFIG_HOME": k.tmp.file("cfg")])
            #expect(r.code == 1 && r.err.contains("damaged") && r.err.contains("missing from index"), "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: backups + "/daily-\(day)-kith.sqlite"))
        }
        #expect(files(backups).filter { $0.hasPrefix("daily-") } == ["daily-2026-11-21-kith.sqlite"])
        #expect(!k.ok(["history", "zoe"]).out.contains("day 0"))
        let restored = k.run(["restore", sound, "--yes"])
        #expect(restored.code == 0, "\(restored.err)")
        #expect(k.ok(["check"]).out.contains("is sound"))
    }

    /// 2. A store that is gone while copies of it are kept is never silently made anew.
    @Test func aMissingStoreWithCopiesIsRefusedNamingTheNewest() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        #expect(k.run(["log", "zoe"], env: ["KITH_TODAY": "2026-11-21"]).code == 0)
        for suffix in ["", "-wal", "-shm"] { unlink(k.store + suffix) }
        let newest = k.tmp.file("data/kith/backups/daily-2026-11-21-kith.sqlite")
        let r = k.run(["add", "Bo"])
        #expect(r.code == 1 && r.errLines.count == 1 && r.err.contains("kith restore \(newest)"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: k.store))
        #expect(k.run(["people"]).err.contains("kith restore \(newest)"))
        k.ok(["restore", newest, "--yes"])
        #expect(k.ok(["people"]).out.contains("Zoë"))
    }

    /// 2. A store that cannot be opened is replaced by a whole new file: the old one is
    /// copied aside first, byte for byte.
    @Test func aRestoreOverAnUnreadableStoreKeepsItsBytes() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        let copy = k.tmp.file("copy.sqlite")
        k.ok(["backup", "--out", copy])
        let junk = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for suffix in ["-wal", "-shm"] { unlink(k.store + suffix) }
        try junk.write(to: URL(fileURLWithPath: k.store))
        let out = k.run(["restore", copy, "--yes"])
        #expect(out.code == 0, "\(out.err)")
        let aside = try #require(files(k.tmp.file("data/kith/backups")).first { $0.hasPrefix("replaced-") })
        #expect(bytes(of: k.tmp.file("data/kith/backups/" + aside)) == junk)
        #expect(k.ok(["people"]).out.contains("Zoë"))
    }

    /// 3. Four first writes of the day at once make one daily copy, and no warning.
    @Test func concurrentFirstWritesMakeOneDailyCopy() throws {
        let k = Sandbox()
        for n in 1...4 { k.ok(["add", "P\(n)", "--note", String(repeating: "x", count: 20_000)]) }
        for round in 0..<3 {
            let day = "2026-11-2\(3 + round)"
            let started = (1...4).map { n -> (Process, Pipe) in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: Sandbox.binary)
                p.arguments = ["log", "P\(n)"]
                p.environment = ["HOME": k.home, "XDG_DATA_HOME": k.tmp.file("data"), "KITH_TODAY": day, "LANG": "C.UTF-8"]
                let err = Pipe()
                p.standardOutput = FileHandle.nullDevice
                p.standardError = err
                try? p.run()
                return (p, err)
            }
            for (p, err) in started {
                p.waitUntilExit()
                let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(p.terminationStatus == 0 && text.isEmpty, "\(text)")
            }
            #expect(FileManager.default.fileExists(atPath: k.tmp.file("data/kith/backups/daily-\(day)-kith.sqlite")))
        }
        #expect(files(k.tmp.file("data/kith/backups")).allSatisfy { $0.hasPrefix("daily-") }, "\(files(k.tmp.file("data/kith/backups")))")
    }

    /// 5. What killed kiths left half-made goes the next time a writer opens the store; a
    /// running kith's temporary file stays.
    @Test func leftoversOfKilledKithsAreRemovedByTheNextWriter() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        let dir = k.tmp.file("data/kith"), backups = dir + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
        let dead = backups + "/.daily-2026-11-22-kith.sqlite.kith-4194000-beef.tmp"
        let live = backups + "/.daily-2026-11-22-kith.sqlite.kith-\(getpid())-cafe.tmp"
        let legacy = backups + "/kith-20261101-101010.sqlite.partial"
        let staged = dir + "/.kith.sqlite.kith-4194001-f00d.tmp"
        for f in [dead, live, legacy, staged] { FileManager.default.createFile(atPath: f, contents: Data(count: 4096)) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: legacy)
        k.ok(["people"])
        #expect(FileManager.default.fileExists(atPath: dead), "a reader removes nothing")
        k.ok(["add", "Bo"])
        for f in [dead, legacy, staged] { #expect(!FileManager.default.fileExists(atPath: f), "\(f) is still there") }
        #expect(FileManager.default.fileExists(atPath: live))
    }

    /// 6. A planted symlink is never written through, and a target that is a link is refused.
    @Test func anExportNeverFollowsAPlantedLink() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        let victim = k.tmp.file("victim.txt"), out = k.tmp.file("exp.json")
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        chmod(victim, 0o644)
        symlink(victim, out + ".kith-tmp")
        k.ok(["export", "json", "--out", out])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious" && mode(victim) == 0o644)
        var st = stat()
        #expect(lstat(out, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && mode(out) == 0o600)
        let link = k.tmp.file("link.json")
        symlink(victim, link)
        k.fails(["export", "json", "--out", link], code: 1, saying: "symbolic link")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(files(k.tmp.path).filter { $0.contains(".kith-") && $0.hasSuffix(".tmp") }.isEmpty)
    }

    /// 7. Reading never creates or converts a file; a path that is not a regular file
    /// gets one true line; what kith creates through a link is 0600.
    @Test func readingNeverCreatesAStore() throws {
        let k = Sandbox()
        let empty = k.tmp.file("empty")
        FileManager.default.createFile(atPath: empty, contents: nil)
        #expect(k.run(["--store", empty, "people"]).code == 0)
        #expect(bytes(of: empty)?.count == 0 && !FileManager.default.fileExists(atPath: empty + "-wal"))
        let r = k.run(["--store", "/dev/null", "people"])
        #expect(r.code == 1 && r.err.contains("character device") && !r.err.contains("full"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal") && !FileManager.default.fileExists(atPath: "/dev/null-wal"))
        let fifo = k.tmp.file("fifo")
        mkfifo(fifo, 0o600)
        #expect(k.run(["--store", fifo, "add", "Zoë"]).err.contains("FIFO"))
        let dangling = k.tmp.file("link.sqlite"), target = k.tmp.file("target.sqlite")
        symlink(target, dangling)
        #expect(k.run(["--store", dangling, "people"]).code == 0)
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(k.run(["--store", dangling, "add", "Zoë"]).code == 0)
        for f in [target, target + "-wal", target + "-shm"] where FileManager.default.fileExists(atPath: f) {
            #expect(mode(f) == 0o600, "\(f) is \(String(mode(f), radix: 8))")
        }
    }

    /// 8. A store in a folder kith may not write to (another user's, or read-only) still
    /// reads. Run as nobody, since root writes anywhere.
    @Test func aStoreInAReadOnlyFolderReads() throws {
        try requireTool("/usr/bin/setpriv", package: "util-linux")
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        k.ok(["log", "zoe", "--note", "read me"])
        let dir = k.tmp.file("ro")
        mkdir(dir, 0o755)
        let store = dir + "/kith.sqlite"
        try FileManager.default.copyItem(atPath: k.store, toPath: store)
        chown(store, 65534, 65534)
        chmod(store, 0o600)
        chmod(k.tmp.path, 0o755)
        func asNobody(_ args: [String]) -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid", "65534", "--regid", "65534", "--clear-groups", Sandbox.binary, "--store", store] + args
            p.environment = ["HOME": dir, "KITH_TODAY": "2026-11-22", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = out
            try? p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, text)
        }
        for args in [["people"], ["history", "zoe"], ["check"], ["export", "json"]] {
            let (code, text) = asNobody(args)
            #expect(code == 0, "\(args): \(text)")
        }
        #expect(asNobody(["history", "zoe"]).1.contains("read me"))
    }

    /// 9. Once kith has exited, the store is one file: copying it alone copies everything.
    @Test func theStoreIsOneFileWhileNoKithRuns() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        for n in 1...20 { k.ok(["log", "zoe", "--note", "moment \(n)"]) }
        k.ok(["history", "zoe"])
        #expect(files(k.tmp.file("data/kith")).filter { $0.hasPrefix("kith.sqlite") } == ["kith.sqlite"], "a reader left files behind")
        let copy = k.tmp.file("alone.sqlite")
        try FileManager.default.copyItem(atPath: k.store, toPath: copy)
        #expect(sqlite(copy, "SELECT count(*) FROM moments;") == "20\n")
    }

    /// 10. A sound backup with 64 KB pages restores, and a failed restore leaves no copy aside.
    @Test func aBackupWithAnotherPageSizeRestores() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        let big = k.tmp.file("big.sqlite")
        k.ok(["backup", "--out", big])
        _ = sqlite(big, "PRAGMA page_size=65536; VACUUM;")
        #expect(sqlite(big, "PRAGMA page_size;") == "65536\n")
        k.ok(["add", "Bo"])
        let r = k.run(["restore", big, "--yes"])
        #expect(r.code == 0, "\(r.err)")
        #expect(k.ok(["people"]).out.contains("Zoë") && !k.ok(["people"]).out.contains("Bo"))
        #expect(k.ok(["check"]).out.contains("is sound"))
    }

    /// 11. A change that was stored but whose confirmation could not be written has an
    /// exit code of its own, so a script does not log it twice.
    @Test func aSavedChangeWithALostConfirmationExitsThree() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Sandbox.binary)
        p.arguments = ["log", "zoe", "--note", "once"]
        p.environment = ["HOME": k.home, "XDG_DATA_HOME": k.tmp.file("data"), "KITH_TODAY": "2026-11-22", "LANG": "C.UTF-8"]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 3)
        #expect(k.ok(["history", "zoe"]).out.contains("once"))
        let failed = Process()
        failed.executableURL = URL(fileURLWithPath: Sandbox.binary)
        failed.arguments = ["people"]
        failed.environment = p.environment
        failed.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        failed.standardError = FileHandle.nullDevice
        try failed.run()
        failed.waitUntilExit()
        #expect(failed.terminationStatus == 1, "a read whose output fails is a failure")
    }
}

/// Dates across time zones and at the edges of the calendar (issue 15, points 16 and 17).
@Suite struct DatesAcrossZonesTests {
    /// A backup made where it is already tomorrow restores where it is still today.
    @Test func aTravellersBackupRestores() throws {
        let east = Sandbox()
        east.ok(["add", "Zoë"])
        #expect(east.run(["log", "zoe", "--note", "dinner at UTC+14"], env: ["KITH_TODAY": "2026-12-06"]).code == 0)
        let backup = east.tmp.file("b.json")
        #expect(east.run(["export", "json", "--out", backup], env: ["KITH_TODAY": "2026-12-06"]).code == 0)
        let west = Sandbox()
        let r = west.run(["import", "json", backup], env: ["KITH_TODAY": "2026-12-05"])
        #expect(r.code == 0, "\(r.err)")
        #expect(west.run(["history", "zoe"], env: ["KITH_TODAY": "2026-12-05"]).out.contains("dinner at UTC+14"))
        // A day's grace, not more.
        #expect(west.run(["log", "zoe", "--date", "2026-12-06"], env: ["KITH_TODAY": "2026-12-05"]).code == 0)
        let far = west.run(["log", "zoe", "--date", "2026-12-07"], env: ["KITH_TODAY": "2026-12-05"])
        #expect(far.code == 2 && far.err.contains("in the future"), "\(far.err)")
    }

    /// The 1900 floor holds however a date is named, and a pretended day must be a day.
    @Test func everyWayOfNamingADayMeetsTheFloor() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        for words in ["yesterday", "last week", "sunday", "2d"] {
            let r = k.run(["log", "zoe", "--date", words], env: ["KITH_TODAY": "1900-01-01"])
            #expect(r.code == 2 && r.err.contains("before 1900"), "\(words): \(r.err)")
        }
        #expect(k.run(["log", "zoe", "--date", "today"], env: ["KITH_TODAY": "1900-01-01"]).code == 0)
        let bad = k.run(["people"], env: ["KITH_TODAY": "2024-02-30"])
        #expect(bad.code == 2 && bad.errLines.count == 1 && bad.err.contains("KITH_TODAY=2024-02-30 is not a date"), "\(bad.err)")
    }
}

extension DatesAcrossZonesTests {
    /// A moment from where it was already tomorrow reads "today", not "(tomorrow)".
    @Test func aMomentFromTomorrowReadsToday() {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        #expect(k.run(["log", "zoe", "--date", "2026-11-23"]).code == 0)
        let people = k.ok(["people"]).out
        #expect(people.contains("2026-11-23 (today)") && !people.contains("tomorrow"), "\(people)")
        #expect(k.ok(["show", "zoe"]).out.contains("(today)"))
    }
}
