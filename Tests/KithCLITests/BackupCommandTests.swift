import Foundation
import Testing
import KithTestSupport

/// Backups, restore and the store check, through the real binary: nothing saved is ever
/// lost to a restore, a damaged store or a bad backup file.
@Suite struct BackupCommandTests {
    func mode(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_mode & 0o777) : -1
    }

    func names(_ k: Sandbox) -> [String] {
        let data = Data(k.ok(["people", "--json"]).out.utf8)
        return ((try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }.sorted()
    }

    @Test func backupThenRestoreBringsBackWhatWasThere() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        k.ok(["log", "zoe", "--note", "Long talk"])
        let out = k.ok(["backup"]).out
        #expect(out.hasPrefix("Backed up 1 person, 1 moment, the last on Sun 22 Nov 2026 to "), "\(out)")
        let file = String(out.split(separator: " to ").last!.dropLast())
        #expect(file.hasPrefix(k.tmp.file("data/kith/backups/kith-")) && file.hasSuffix(".sqlite"))
        #expect(mode(file) == 0o600 && mode(k.tmp.file("data/kith/backups")) == 0o700)
        k.ok(["add", "Bo"])
        #expect(names(k) == ["Bo", "Zoë"])
        // Without a terminal to ask at, a restore needs --yes, and changes nothing.
        k.fails(["restore", file], code: 2, saying: "add --yes")
        let restored = k.ok(["restore", file, "--yes"]).out
        #expect(restored.contains("Restored 1 person, 1 moment"), "\(restored)")
        #expect(names(k) == ["Zoë"])
        #expect(k.ok(["history", "zoe"]).out.contains("Long talk"))
        // The store it replaced was kept, Bo and all.
        let aside = try #require(restored.split(separator: "\n").last.map { String($0.split(separator: " at ").last!.dropLast()) })
        #expect(aside.contains("/backups/replaced-") && mode(aside) == 0o600)
        let back = k.ok(["restore", aside, "--yes"]).out
        #expect(back.contains("Restored 2 people, 1 moment"), "\(back)")
        #expect(k.ok(["check"]).out.contains("is sound: 2 people, 1 moment"))
    }

    @Test func aBadBackupIsRefusedBeforeAnythingChanges() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        let junk = k.tmp.file("junk.sqlite")
        FileManager.default.createFile(atPath: junk, contents: Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
        k.fails(["restore", junk, "--yes"], code: 1, saying: "not a kith store")
        let other = k.tmp.file("other.sqlite")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [other, "CREATE TABLE notes (x); INSERT INTO notes VALUES ('hi');"]
        try p.run()
        p.waitUntilExit()
        k.fails(["restore", other, "--yes"], code: 1, saying: "another program")
        k.fails(["restore", k.tmp.file("missing.sqlite"), "--yes"], code: 1, saying: "cannot read the backup \(k.tmp.file("missing.sqlite")): No such file")
        k.fails(["restore", k.tmp.path, "--yes"], code: 1, saying: "it is not a file")
        k.fails(["restore", k.store, "--yes"], code: 2, saying: "is the store itself")
        #expect(names(k) == ["Zoë"])
    }

    /// A damaged store: check says so in plain words and points at restore; restoring
    /// over it moves the damaged file aside as it was, never "repaired".
    @Test func aDamagedStoreIsReportedAndCanBeRestoredOver() throws {
        let k = Sandbox()
        for n in 1...40 { k.ok(["add", "Person \(n)", "--note", String(repeating: "x", count: 400)]) }
        let backup = k.tmp.file("good.sqlite")
        k.ok(["backup", "--out", backup])
        // Everything into the main file first, then every page after the first two
        // overwritten: SQLite's own header stays, the data does not.
        try k.checkpoint()
        let handle = try #require(FileHandle(forUpdatingAtPath: k.store))
        let size = try handle.seekToEnd()
        try #require(size > 16384, "the store should be larger than a few pages")
        try handle.seek(toOffset: 8192)
        handle.write(Data(repeating: 0xA5, count: Int(size) - 8192))
        try handle.close()
        let damaged = try Data(contentsOf: URL(fileURLWithPath: k.store))
        let check = k.run(["check"])
        #expect(check.code == 1 && check.out.isEmpty, "\(check)")
        #expect(check.errLines.last?.contains("kith restore FILE") == true, "\(check.err)")
        let r = k.ok(["restore", backup, "--yes"])
        let aside = String(r.out.split(separator: "\n").last!.split(separator: " at ").last!.dropLast())
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == damaged)
        #expect(k.ok(["check"]).out.contains("is sound: 40 people"))
    }

    /// One copy a day before the first change, the newest `backups` kept; reading changes
    /// nothing. Copies named before they carried the store's name count as the default
    /// store's.
    @Test func dailyCopiesBeforeChangesAreRotated() throws {
        let k = Sandbox()
        try FileManager.default.createDirectory(atPath: k.tmp.file(".config/kith"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: k.tmp.file(".config/kith/config.toml"), contents: Data("backups = 2\n".utf8))
        let dir = k.tmp.file("data/kith/backups")
        func dailies() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("daily-") }.sorted()
        }
        k.ok(["add", "Zoë"])
        #expect(dailies() == [])   // a store just made holds nothing to keep a copy of
        k.ok(["log", "zoe", "--date", "2026-11-21"])
        #expect(dailies() == ["daily-2026-11-22-kith.sqlite"])
        FileManager.default.createFile(atPath: dir + "/daily-2026-11-20.sqlite", contents: Data())
        for day in ["2026-11-23", "2026-11-24"] {
            #expect(k.run(["people"], env: ["KITH_TODAY": day]).code == 0)   // reads only: no copy
            #expect(k.run(["log", "zoe"], env: ["KITH_TODAY": day]).code == 0)
        }
        #expect(dailies() == ["daily-2026-11-23-kith.sqlite", "daily-2026-11-24-kith.sqlite"])
        #expect(mode(dir + "/daily-2026-11-24-kith.sqlite") == 0o600)
        // The copy is made before the day's first change: the 24th's has the moments of the
        // 21st and the 23rd, not the 24th's.
        let copy = k.run(["--store", dir + "/daily-2026-11-24-kith.sqlite", "history", "zoe", "--json"]).out
        #expect(copy.components(separatedBy: "\"date\"").count - 1 == 2, "\(copy)")
    }

    /// A copy someone opened (kith --store COPY) gets -wal and -shm files beside it; the
    /// rotation removes them with the copy. A damaged copy inside backups/ points at that
    /// folder, not at backups/backups.
    @Test func rotationTakesACopysOwnFilesAlong() throws {
        let k = Sandbox()
        try FileManager.default.createDirectory(atPath: k.tmp.file(".config/kith"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: k.tmp.file(".config/kith/config.toml"), contents: Data("backups = 1\n".utf8))
        k.ok(["add", "Zoë"])
        k.ok(["log", "zoe"])
        let dir = k.tmp.file("data/kith/backups")
        let first = dir + "/daily-2026-11-22-kith.sqlite"
        for suffix in ["-wal", "-shm"] { FileManager.default.createFile(atPath: first + suffix, contents: Data()) }
        #expect(k.run(["log", "zoe"], env: ["KITH_TODAY": "2026-11-23"]).code == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["daily-2026-11-23-kith.sqlite"], "\(left)")
        let junk = dir + "/daily-2026-11-23-kith.sqlite"
        let handle = try #require(FileHandle(forUpdatingAtPath: junk))
        try handle.seek(toOffset: 4096)
        handle.write(Data(repeating: 0xA5, count: 4096 * 3))
        try handle.close()
        let r = k.run(["--store", junk, "people"], env: ["KITH_TODAY": "2026-11-23"])
        #expect(r.code != 0 && !r.err.contains("backups/backups"), "\(r.err)")
    }

    /// Two stores in one folder each keep their own daily copies: one never takes the
    /// other's name, nor rotates the other's out.
    @Test func storesSharingAFolderKeepTheirOwnCopies() throws {
        let k = Sandbox()
        let a = k.tmp.file("data/kith/a.sqlite"), b = k.tmp.file("data/kith/b.sqlite")
        k.ok(["--store", a, "add", "Alpha"])
        k.ok(["--store", b, "add", "Beta"])
        k.ok(["--store", a, "log", "alpha"])
        k.ok(["--store", b, "log", "beta"])
        let dir = k.tmp.file("data/kith/backups")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("daily-") }.sorted()
        #expect(files == ["daily-2026-11-22-a.sqlite", "daily-2026-11-22-b.sqlite"])
        for day in ["2026-11-23", "2026-11-24", "2026-11-25"] {
            #expect(k.run(["--store", a, "log", "alpha"], env: ["KITH_TODAY": day]).code == 0)
        }
        #expect(FileManager.default.fileExists(atPath: dir + "/daily-2026-11-22-b.sqlite"))
        // x and x.sqlite are two stores, with two sets of copies.
        let x = k.tmp.file("data/kith/x"), xs = k.tmp.file("data/kith/x.sqlite")
        for store in [x, xs] {
            k.ok(["--store", store, "add", "Someone"])
            k.ok(["--store", store, "log", "someone"])
        }
        #expect(FileManager.default.fileExists(atPath: dir + "/daily-2026-11-22-x"))
        #expect(FileManager.default.fileExists(atPath: dir + "/daily-2026-11-22-x.sqlite"))
    }

    /// A store damaged inside still opens, and most of it reads. The day's copy checks
    /// it first: the change is refused with one line, no damaged copy is made, and the
    /// sound copies of earlier days are all kept.
    @Test func aStoreDamagedInsideIsNotWrittenNorCopiedOverSoundCopies() throws {
        let k = Sandbox()
        try FileManager.default.createDirectory(atPath: k.tmp.file(".config/kith"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: k.tmp.file(".config/kith/config.toml"), contents: Data("backups = 2\n".utf8))
        for n in 1...60 { k.ok(["add", "Person \(n)", "--note", String(repeating: "x", count: 400)]) }
        #expect(k.run(["log", "person 1"], env: ["KITH_TODAY": "2026-11-23"]).code == 0)
        let dir = k.tmp.file("data/kith/backups")
        func dailies() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("daily-") }.sorted()
        }
        #expect(dailies() == ["daily-2026-11-22-kith.sqlite", "daily-2026-11-23-kith.sqlite"])
        // One page in the middle of the people table turned to noise; the header and the
        // schema stay, so the store opens.
        try k.checkpoint()
        let handle = try #require(FileHandle(forUpdatingAtPath: k.store))
        let size = try handle.seekToEnd()
        try #require(size > 12 * 4096, "the store should be larger than a few pages")
        let page = (size / 4096 / 2) * 4096
        try handle.seek(toOffset: page)
        handle.write(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: k.store))
        for day in ["2026-11-24", "2026-11-25"] {
            let r = k.run(["add", "Someone \(day)"], env: ["KITH_TODAY": day])
            #expect(r.code == 1 && r.errLines.count == 1, "\(r)")
            #expect(r.err.contains("is damaged") && r.err.contains("kith restore FILE"), "\(r.err)")
        }
        #expect(dailies() == ["daily-2026-11-22-kith.sqlite", "daily-2026-11-23-kith.sqlite"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: k.store)) == before)
        #expect(k.run(["--store", dir + "/daily-2026-11-23-kith.sqlite", "check"]).code == 0)
        // A backup asked for by hand is checked too: a copy of damage is no way back.
        let manual = k.run(["backup", "--out", k.tmp.file("manual.sqlite")], env: ["KITH_TODAY": "2026-11-25"])
        #expect(manual.code == 1 && manual.err.contains("is damaged") && !manual.err.contains("\u{FFFD}"), "\(manual)")
        #expect(!FileManager.default.fileExists(atPath: k.tmp.file("manual.sqlite")))
        let check = k.run(["check"], env: ["KITH_TODAY": "2026-11-25"])
        #expect(check.code == 1 && check.errLines.count >= 2, "\(check)")
    }
}

/// Privacy: what kith creates is private, and it never opens a network connection.
@Suite struct PrivacyTests {
    @Test func everyFileKithMakesIsPrivate() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--note", "private"])
        k.ok(["log", "zoe", "--note", "secret"])
        k.ok(["backup"])
        k.ok(["export", "json", "--out", k.tmp.file("out.json")])
        k.ok(["export", "csv", "--out", k.tmp.file("out.csv")])
        let dir = k.tmp.file("data/kith")
        var st = stat()
        #expect(stat(dir, &st) == 0 && st.st_mode & 0o777 == 0o700)
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir).map { dir + "/" + $0 }
            + [k.tmp.file("out.json"), k.tmp.file("out.csv")]
        #expect(files.count >= 4)
        for f in files where stat(f, &st) == 0 {
            let mode = st.st_mode & 0o777
            if st.st_mode & S_IFMT == S_IFDIR { #expect(mode == 0o700, "\(f)") } else { #expect(mode == 0o600, "\(f): \(String(mode, radix: 8))") }
        }
    }

    /// Whether strace is installed (.ci/run installs it) and may trace here.
    static let straceWorks: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        p.arguments = ["-qq", "-o", "/dev/null", "/bin/true"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    /// Traced with strace: the commands that read and write the most open no socket of
    /// any network family.
    @Test func noNetworkIsEverOpened() throws {
        guard PrivacyTests.straceWorks else {
            throw MissingTool(what: "a working strace", how: "apt-get install -y strace (in a container, ptrace must be allowed)")
        }
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        let trace = k.tmp.file("trace")
        for args in [["log", "zoe", "--feel", "happy"], ["due"], ["insights"], ["export", "ics"], ["backup"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
            p.arguments = ["-f", "-qq", "-e", "trace=socket,connect", "-o", trace, Sandbox.binary] + args
            p.environment = ["HOME": k.home, "XDG_DATA_HOME": k.tmp.file("data"), "KITH_TODAY": "2026-11-22", "PATH": "/usr/bin:/bin"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "kith \(args)")
            let calls = String(decoding: FileManager.default.contents(atPath: trace) ?? Data(), as: UTF8.self)
            #expect(!calls.contains("AF_INET") && !calls.contains("AF_INET6") && !calls.contains("AF_NETLINK"), "kith \(args): \(calls)")
        }
    }
}

/// A disk that refuses writes (here a file-size limit, which fails writes the way a full
/// disk does): one line, and the store exactly as it was.
@Suite struct FailingDiskTests {
    /// The real kith run with files limited to `bytes` (prlimit --fsize): a disk that
    /// refuses writes part way. Its exit status and what it wrote on stderr.
    func runWithFileSizeLimit(_ bytes: Int, _ k: Sandbox, _ args: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        p.arguments = ["--fsize=\(bytes)", Sandbox.binary] + args
        p.environment = ["HOME": k.home, "XDG_DATA_HOME": k.tmp.file("data"), "KITH_TODAY": "2026-11-22", "PATH": "/usr/bin:/bin",
                         "SWIFT_BACKTRACE": "enable=no"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, message)
    }

    @Test func aWriteTheDiskRefusesLosesNothing() throws {
        try requireTool("/usr/bin/prlimit", package: "util-linux")
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        k.ok(["log", "zoe", "--note", "kept"])
        let cards = k.tmp.file("cards")
        try FileManager.default.createDirectory(atPath: cards, withIntermediateDirectories: true)
        for n in 0..<400 {
            let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person \(n)\r\nNOTE:\(String(repeating: "note ", count: 100))\r\nEND:VCARD\r\n"
            FileManager.default.createFile(atPath: cards + "/\(n).vcf", contents: Data(card.utf8))
        }
        var st = stat()
        #expect(stat(k.store, &st) == 0)
        let limit = Int(st.st_size) + 8192
        let (status, message) = try runWithFileSizeLimit(limit, k, ["import", "vcard", cards])
        #expect(status == 1, "\(message)")
        #expect(message.split(separator: "\n").count == 1 && message.contains("could not be written"), "\(message)")
        #expect(k.ok(["people"]).out.split(separator: "\n").count == 2, "one person, under a header")
        #expect(k.ok(["history", "zoe"]).out.contains("kept"))
        #expect(k.ok(["check"]).out.contains("is sound: 1 person, 1 moment"))
    }

    /// A restore into a new path that the disk refuses halfway: one line, and no empty
    /// store left where there was none.
    @Test func aRestoreTheDiskRefusesLeavesNoStore() throws {
        try requireTool("/usr/bin/prlimit", package: "util-linux")
        let k = Sandbox()
        // How large a new, empty store's files grow: the limit leaves room for that, not for the people.
        let empty = k.tmp.file("empty.json"), probe = k.tmp.file("probe.sqlite")
        FileManager.default.createFile(atPath: empty, contents: Data(#"{"format": "kith-backup", "version": 2}"#.utf8))
        k.ok(["--store", probe, "import", "json", empty])
        let sizes = ["", "-wal"].map { (try? FileManager.default.attributesOfItem(atPath: probe + $0)[.size] as? Int) ?? 0 }
        let people = (1...400).map { #"{"id": \#($0), "name": "P\#($0)", "circle": "wider", "notes": "\#(String(repeating: "n", count: 2000))", "added": "2026-01-01"}"# }
        let backup = k.tmp.file("big.json")
        FileManager.default.createFile(atPath: backup, contents: Data(#"{"format": "kith-backup", "version": 2, "people": [\#(people.joined(separator: ","))]}"#.utf8))
        let store = k.tmp.file("new/kith.sqlite")
        let (status, message) = try runWithFileSizeLimit(sizes.max()! + 65536, k, ["--store", store, "import", "json", backup])
        #expect(status == 1, "\(message)")
        #expect(message.split(separator: "\n").count == 1 && message.contains("could not be written"), "\(message)")
        for suffix in ["", "-wal", "-shm", "-journal"] { #expect(!FileManager.default.fileExists(atPath: store + suffix), "\(suffix)") }
    }
}

/// Damaged stores through the real binary: one line naming the file and what to do,
/// exit 1, and the file's bytes exactly as they were.
@Suite struct DamagedStoreTests {
    func filled() -> Sandbox {
        let k = Sandbox()
        for n in 1...30 { k.ok(["add", "Person \(n)", "--note", String(repeating: "n", count: 500)]) }
        for n in 1...30 { k.ok(["log", "Person \(n)", "--note", String(repeating: "m", count: 300)]) }
        return k
    }

    @Test func aTruncatedStore() throws {
        let k = filled()
        try k.checkpoint()
        let data = try Data(contentsOf: URL(fileURLWithPath: k.store))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: k.store))
        let r = k.fails(["history", "Person 30"], code: 1, saying: "damaged")
        #expect(r.err.contains(k.store) && r.err.contains("kith restore FILE"), "\(r.err)")
        k.fails(["log", "Person 1"], code: 1, saying: "damaged")
    }

    @Test func randomBytesWhereTheStoreShouldBe() throws {
        let k = Sandbox()
        try FileManager.default.createDirectory(atPath: k.tmp.file("data/kith"), withIntermediateDirectories: true)
        var rng = Fuzz()
        FileManager.default.createFile(atPath: k.store, contents: Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        let r = k.fails(["people"], code: 1, saying: "is not a kith store")
        #expect(r.err.contains(k.store))
        k.fails(["add", "Zoë"], code: 1, saying: "left untouched")
    }
}

extension Sandbox {
    /// Everything moved from the WAL into the main file, as after a clean shutdown
    /// (kith leaves recent writes in the WAL, as SQLite does), so that damaging the
    /// main file damages the data.
    func checkpoint() throws {
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [store, "PRAGMA wal_checkpoint(TRUNCATE);"]
        sqlite.standardOutput = FileHandle.nullDevice
        try sqlite.run()
        sqlite.waitUntilExit()
    }
}

/// At a terminal a restore asks first: anything but y changes nothing.
@Suite struct RestoreAskingTests {
    func restoreAtATerminal(_ k: Sandbox, _ file: String, answer: String) throws -> String {
        let log = k.tmp.file("typescript")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qefc", "'\(Sandbox.binary)' restore '\(file)'", log]
        p.environment = ["HOME": k.home, "XDG_DATA_HOME": k.tmp.file("data"), "KITH_TODAY": "2026-11-22", "LANG": "C.UTF-8",
                         "PATH": "/usr/bin:/bin", "TERM": "xterm"]
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // The answer once the question is there.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !(String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data(), as: UTF8.self).contains("[y/N]")) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        input.fileHandleForWriting.write(Data((answer + "\n").utf8))
        p.waitUntilExit()
        try? input.fileHandleForWriting.close()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: log)), as: UTF8.self)
    }

    @Test func aRestoreAsksAndNoMeansNo() throws {
        try requireTool("/usr/bin/script", package: "bsdutils")
        let k = Sandbox()
        k.ok(["add", "Zoë"])
        let file = k.tmp.file("one.sqlite")
        k.ok(["backup", "--out", file])
        k.ok(["add", "Bo"])
        let no = try restoreAtATerminal(k, file, answer: "n")
        #expect(no.contains("(1 person, 0 moments) over ") && no.contains("(the store now: 2 people, 0 moments)"), "\(no)")
        #expect(no.contains("Nothing was changed."), "\(no)")
        #expect(k.ok(["people"]).out.contains("Bo"))
        let yes = try restoreAtATerminal(k, file, answer: "y")
        #expect(yes.contains("Restored 1 person, 0 moments"), "\(yes)")
        #expect(!k.ok(["people"]).out.contains("Bo"))
    }
}
