import Foundation
import Testing
import KithTestSupport

/// The issue's "done when", as a new user would type it.
@Suite struct FirstStepsTests {
    @Test func theNewUserPath() throws {
        let k = Sandbox()
        let added = k.ok(["add", "Zoë Ångström", "--circle", "inner"])
        #expect(added.out == "Added Zoë Ångström: inner circle, every 1 week.\n")
        k.ok(["add", "山田太郎", "--every", "10d"])
        let logged = k.ok(["log", "zoe", "--via", "call", "--reached-out", "them", "--feel", "happy,sad:2", "--note", "long talk"])
        #expect(logged.out.hasPrefix("Logged a call with Zoë Ångström, today · they reached out · happy, sad:2 · mixed"))

        let history = try #require(k.json(["history", "zoe", "--json"]) as? [[String: Any]])
        #expect(history.count == 1)
        let m = history[0]
        #expect(m["people"] as? [String] == ["Zoë Ångström"])
        #expect(m["via"] as? String == "call")
        #expect(m["reachedOut"] as? String == "them")
        #expect(m["note"] as? String == "long talk")
        #expect(m["date"] as? String == "2026-11-22")
        let emotions = try #require(m["emotions"] as? [[String: Any]])
        #expect(emotions.map { $0["word"] as? String } == ["happy", "sad"])
        #expect(emotions.map { $0["intensity"] as? Int } == [1, 2])
        #expect(emotions.map { $0["valence"] as? String } == ["pleasant", "unpleasant"])

        k.fails(["log", "nobody"], code: 1, saying: "nobody named \"nobody\"")
    }

    @Test func firstRunCreatesAPrivateStoreUnderXDGDataHome() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        #expect(mode(of: k.store) == 0o600)
        #expect(mode(of: k.tmp.file("data/kith")) == 0o700)
    }

    @Test func storeOptionAndEnvironmentPointElsewhere() {
        let k = Sandbox()
        let other = k.tmp.file("elsewhere/mine.sqlite")
        k.ok(["--store", other, "add", "Ana"])
        k.ok(["add", "Bo", "--store", other])
        #expect(k.run(["people"], env: ["KITH_STORE": other]).out.contains("Ana"))
        #expect(k.run(["people"], env: ["KITH_STORE": other]).out.contains("Bo"))
        #expect(!FileManager.default.fileExists(atPath: k.store))
    }

    @Test func helpAndTheFullScreenViewWithoutATerminal() {
        let k = Sandbox()
        // Bare kith opens the TUI; without a terminal it says so in one line and exits 2.
        k.fails([], code: 2, saying: "needs a terminal")
        #expect(!FileManager.default.fileExists(atPath: k.store))
        let help = k.ok(["--help"])
        for command in ["add", "edit", "archive", "unarchive", "people", "show", "group", "log", "history", "emotions"] {
            #expect(help.out.contains("  \(command) "), "help lacks \(command)")
        }
        #expect(k.ok(["--version"]).out.hasPrefix("0."))
        #expect(k.ok(["help", "log"]).out.contains("--reached-out"))
        k.fails(["help", "nosuch"], code: 2, saying: "unknown command \"nosuch\"")
        k.fails(["log", "--bogus"], code: 2, saying: "(see kith log --help)")
        k.fails(["group", "add", "--bogus"], code: 2, saying: "(see kith group add --help)")
        k.fails(["nosuch"], code: 2, saying: "unknown command \"nosuch\"")
        k.fails(["peopel"], code: 2, saying: "unknown command \"peopel\" (did you mean \"people\"?)")
    }

    @Test func shellCompletionsComeFromTheCommandDefinitions() {
        let k = Sandbox()
        for shell in ["bash", "zsh", "fish"] {
            let r = k.ok(["--generate-completion-script", shell])
            #expect(r.out.contains("remind") && r.out.contains("reached-out"), "\(shell)")
        }
    }

    @Test func commandsThatOnlyReadLeaveNoStoreBehind() {
        let k = Sandbox()
        #expect(k.ok(["people"]).out.hasPrefix("No people yet"))
        #expect(k.ok(["history"]).out.hasPrefix("No moments yet"))
        #expect(k.ok(["group", "list"]).out.hasPrefix("No groups yet"))
        k.fails(["show", "bob"], code: 1, saying: "kith has no people yet")
        k.fails(["log", "bob"], code: 1, saying: "kith has no people yet")
        #expect(!FileManager.default.fileExists(atPath: k.tmp.file("data")))
    }

    @Test func demoStoresAreWrittenOnlyToNewPaths() throws {
        let k = Sandbox()
        let path = k.tmp.file("demo/kith.sqlite")
        let r = k.ok(["demo", "--out", path])
        #expect(r.out.hasPrefix("Wrote 36 people"))
        #expect(mode(of: path) == 0o600)
        #expect(k.run(["people", "--store", path]).out.contains("山田太郎"))
        k.fails(["demo", "--out", path], code: 1, saying: "already exists")
        k.fails(["demo", "--out", k.tmp.file("x.sqlite"), "--size", "giant"], code: 2, saying: "unknown size")
        #expect(!FileManager.default.fileExists(atPath: k.store))
    }

    @Test func anEmptyStorePathIsAUsageError() {
        let k = Sandbox()
        k.fails(["add", "Ana", "--store", ""], code: 2, saying: "--store needs a path")
        k.fails(["--store", "", "add", "Ana"], code: 2, saying: "--store needs a path")
        #expect(!FileManager.default.fileExists(atPath: k.store))
    }

    @Test func manyKithsAtOnceLoseNothing() throws {
        let k = Sandbox()
        // Twenty processes race to create the same new store, then twenty log at once.
        func parallel(_ argsFor: (Int) -> [String]) throws -> [Int32] {
            let procs = (0..<20).map { i -> Process in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: Sandbox.binary)
                p.arguments = argsFor(i) + ["--store", k.store]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                return p
            }
            for p in procs { try p.run() }
            for p in procs { p.waitUntilExit() }
            return procs.map(\.terminationStatus)
        }
        #expect(try parallel { ["add", "P\($0)"] } == Array(repeating: 0, count: 20))
        #expect((k.json(["people", "--json"]) as? [Any])?.count == 20)
        #expect(try parallel { ["log", "P\($0)", "--feel", "happy"] } == Array(repeating: 0, count: 20))
        #expect((k.json(["history", "--json"]) as? [Any])?.count == 20)
    }

    @Test func anUnwritableStderrIsNoCrash() throws {
        let k = Sandbox()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Sandbox.binary)
        p.arguments = ["show", "nobody", "--store", k.store]
        p.standardError = FileHandle(forWritingAtPath: "/dev/full")
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
    }

    @Test func outputThatCannotBeWrittenIsAFailure() throws {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        guard FileManager.default.fileExists(atPath: "/dev/full") else { Issue.record("/dev/full is missing: this check needs Linux"); return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Sandbox.binary)
        p.arguments = ["people", "--store", k.store]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 1)
        #expect(message == "kith: cannot write output: No space left on device\n")
        // A command that saved something says so.
        let q = Process()
        q.executableURL = URL(fileURLWithPath: Sandbox.binary)
        q.arguments = ["add", "Bo", "--store", k.store]
        q.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err2 = Pipe()
        q.standardError = err2
        try q.run()
        q.waitUntilExit()
        #expect(String(decoding: err2.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                == "kith: cannot write output: No space left on device; the change itself was saved\n")
    }
}
