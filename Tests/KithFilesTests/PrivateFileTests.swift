import Foundation
import Testing
import KithTestSupport
@testable import KithFiles

@Suite struct PrivateFileTests {
    func mode(_ path: String) -> Int {
        var st = stat()
        return lstat(path, &st) == 0 ? Int(st.st_mode & 0o777) : -1
    }

    @Test func writesAWholePrivateFileAndLeavesNothingElse() throws {
        let tmp = TempDir()
        let target = tmp.file("out.txt")
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o644)
        try PrivateFile.write(Array("new".utf8), to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(mode(target) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["out.txt"])
    }

    @Test func refusesATargetThatIsNotARegularFile() throws {
        let tmp = TempDir()
        let victim = tmp.file("victim"), link = tmp.file("link")
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        symlink(victim, link)
        #expect(throws: PrivateFile.Failure(link, "it is a symbolic link, not a regular file")) {
            try PrivateFile.write(Array("x".utf8), to: link)
        }
        #expect(throws: PrivateFile.Failure(tmp.path, "it is a directory, not a regular file")) {
            try PrivateFile.write(Array("x".utf8), to: tmp.path)
        }
        #expect(throws: PrivateFile.Failure("/dev/null", "it is a character device, not a regular file")) {
            try PrivateFile.write(Array("x".utf8), to: "/dev/null")
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    }

    /// A temporary name is never predictable, and one that is taken (a planted link) is
    /// never written through.
    @Test func temporaryNamesAreUnpredictableAndNeverFollowed() throws {
        let tmp = TempDir()
        let names = Set((0..<200).map { _ in PrivateFile.temporaryName(beside: tmp.file("x.json")) })
        #expect(names.count == 200)
        let name = try #require(names.first)
        #expect(name.hasPrefix(tmp.file(".x.json.kith-\(getpid())-")) && name.hasSuffix(".tmp"))
        let victim = tmp.file("victim")
        FileManager.default.createFile(atPath: victim, contents: Data("v".utf8))
        symlink(victim, name)
        #expect(PrivateFile.createExclusive(name) == -1)
        #expect(bytes(of: victim) == Data("v".utf8))
    }

    @Test func anAbandonedWriterLeavesTheTargetAsItWas() throws {
        let tmp = TempDir()
        let target = tmp.file("big.json")
        FileManager.default.createFile(atPath: target, contents: Data("before".utf8))
        let w = try PrivateFile.Writer(replacing: target)
        try w.append(String(repeating: "x", count: 200_000))
        w.abandon()
        #expect(bytes(of: target) == Data("before".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["big.json"])
    }

    /// Only the leftovers of processes that are gone count as stale.
    @Test func staleLeftoversAreThoseOfDeadProcesses() {
        #expect(PrivateFile.isStaleLeftover(".daily-2026-11-22-kith.sqlite.kith-4194000-beef.tmp"))
        #expect(PrivateFile.isStaleLeftover(".kith.sqlite.kith-4194000-beef.tmp-journal"))
        #expect(!PrivateFile.isStaleLeftover(".kith.sqlite.kith-\(getpid())-beef.tmp"))
        #expect(!PrivateFile.isStaleLeftover("kith.sqlite"))
        #expect(!PrivateFile.isStaleLeftover(".notes.kith-x-y.tmp"))
        #expect(!PrivateFile.isStaleLeftover(".a.kith-4194000-beef.tmpx"))
    }
}
