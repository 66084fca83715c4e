import Foundation
import Testing
import KithTestSupport

/// `kith import json` on the real binary: what it refuses, and that a restore is exact
/// however the file's keys are ordered.
@Suite struct JSONImportTests {
    static let person = #"{"id": 1, "name": "Ana", "circle": "inner", "notes": "", "added": "2026-01-01", "archived": false}"#

    /// A note holding NUL was cut where SQLite met it, so the stored moment never matched
    /// the backup's and each --merge added another copy. Refused now, with the place.
    @Test func aNulInANoteIsRefusedByRestoreAndMerge() {
        let k = Sandbox()
        let file = k.tmp.file("b.json")
        FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, "people": [\#(JSONImportTests.person)], "groups": [], "moments": [{"id": 1, "date": "2026-02-03", "people": [1], "via": "call", "reachedOut": "me", "depth": "light", "note": "cut\u0000here", "emotions": []}]}"#.utf8))
        let other = k.tmp.file("other.sqlite")
        k.fails(["--store", other, "import", "json", file], code: 2, saying: "b.json: moments[0].note: holds a NUL character")
        #expect(!FileManager.default.fileExists(atPath: other))
        k.ok(["add", "Ana"])
        k.fails(["import", "json", file, "--merge"], code: 2, saying: "b.json: moments[0].note: holds a NUL character")
        k.fails(["import", "json", file, "--merge", "--dry-run"], code: 2, saying: "b.json: moments[0].note: holds a NUL character")
    }

    /// "archived": "true" was read as false; a key given twice kept its last value.
    @Test func aStringFlagAndATwiceGivenKeyAreRefused() {
        let k = Sandbox()
        let file = k.tmp.file("b.json")
        let archived = JSONImportTests.person.replacingOccurrences(of: #""archived": false"#, with: #""archived": "true""#)
        FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, "people": [\#(archived)]}"#.utf8))
        k.fails(["import", "json", file], code: 2, saying: "b.json: people[0].archived: must be true or false")
        let twice = JSONImportTests.person.replacingOccurrences(of: #""notes": """#, with: #""name": "Bo", "notes": """#)
        FileManager.default.createFile(atPath: file, contents: Data(#"{"format": "kith-backup", "version": 2, "people": [\#(twice)]}"#.utf8))
        k.fails(["import", "json", file], code: 2, saying: #"b.json: people[0]: the key "name" appears twice"#)
        #expect(!FileManager.default.fileExists(atPath: k.store))
    }

    /// A demo store's backup restores to the same bytes, also with its keys sorted (as
    /// `jq -S` writes them: moments before people, version last), which the reader
    /// takes in more than one pass.
    @Test func aBackupWithItsKeysReorderedRestoresExactly() throws {
        let k = Sandbox()
        let (original, data) = try demoBackup(k)
        let sorted = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
        let reordered = k.tmp.file("sorted.json")
        FileManager.default.createFile(atPath: reordered, contents: sorted)
        for (i, file) in [original, reordered].enumerated() {
            let restored = k.tmp.file("r\(i).sqlite"), again = k.tmp.file("r\(i).json")
            k.ok(["--store", restored, "import", "json", file])
            k.ok(["--store", restored, "export", "json", "--out", again])
            #expect(FileManager.default.contents(atPath: again) == data, "\(file)")
        }
    }

    /// A backup cut short (a full disk, a copy stopped) is refused in one line and leaves
    /// no store behind.
    @Test func aBackupCutShortIsOneLine() throws {
        let k = Sandbox()
        let (original, data) = try demoBackup(k)
        let cut = k.tmp.file("cut.json")
        FileManager.default.createFile(atPath: cut, contents: data.prefix(data.count * 2 / 3))
        k.fails(["import", "json", cut], code: 2, saying: "cut.json is not valid JSON")
        #expect(!FileManager.default.fileExists(atPath: k.store))
    }

    /// A demo store's JSON backup: its path and bytes.
    func demoBackup(_ k: Sandbox) throws -> (String, Data) {
        let demo = k.tmp.file("demo.sqlite"), original = k.tmp.file("a.json")
        k.ok(["demo", "--out", demo])
        k.ok(["--store", demo, "export", "json", "--out", original])
        return (original, try #require(FileManager.default.contents(atPath: original)))
    }
}
