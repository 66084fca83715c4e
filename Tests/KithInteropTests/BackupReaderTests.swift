import Foundation
import KithCore
import Testing
@testable import KithInterop

/// What a backup must not hold is refused with one line naming its place, never cut,
/// defaulted or kept silently.
@Suite struct BackupReaderTests {
    static let today = Day(year: 2026, month: 11, day: 22)!
    static let person = #"{"id": 1, "name": "Ana", "circle": "inner", "notes": "", "added": "2026-01-01", "archived": false}"#

    static func moment(note: String = #""""#, emotions: String = "[]", extra: String = "") -> String {
        #"{"id": 1, "date": "2026-02-03", "people": [1], "via": "call", "reachedOut": "me", "depth": "light", "note": \#(note), "emotions": \#(emotions)\#(extra)}"#
    }

    static func backup(people: String = "[\(person)]", moments: String = "[]", rest: String = "") -> String {
        #"{"format": "kith-backup", "version": 2, "people": \#(people), "groups": [], "moments": \#(moments)\#(rest)}"#
    }

    /// The message a backup is refused with, or nil when it is read.
    static func refusal(_ json: String) -> String? {
        do {
            _ = try Backup.read(Data(json.utf8), file: "b.json", today: today)
            return nil
        } catch let e as InputError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    @Test func aNulCharacterIsRefusedNotCut() {
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(note: #""before\u0000after""#))]"))
                == "b.json: moments[0].note: holds a NUL character")
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(people: #"[{"id": 1, "name": "Ana\u0000", "circle": "inner", "notes": "", "added": "2026-01-01"}]"#))
                == "b.json: people[0].name: holds a NUL character")
    }

    @Test func aFlagMustBeTrueOrFalse() {
        let person = BackupReaderTests.person.replacingOccurrences(of: #""archived": false"#, with: #""archived": "true""#)
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(people: "[\(person)]")) == "b.json: people[0].archived: must be true or false")
        let one = BackupReaderTests.person.replacingOccurrences(of: #""archived": false"#, with: #""archived": 1"#)
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(people: "[\(one)]")) == "b.json: people[0].archived: must be true or false")
    }

    @Test func aKeyGivenTwiceIsRefused() {
        let twice = #"{"id": 1, "name": "Ana", "circle": "inner", "notes": "", "added": "2026-01-01", "name": "Bo"}"#
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(people: "[\(BackupReaderTests.person), \(twice)]"))
                == #"b.json: people[1]: the key "name" appears twice"#)
        let emotions = #"[{"word": "happy"}, {"word": "sad", "intensity": 2, "intensity": 3}]"#
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(emotions: emotions))]"))
                == #"b.json: moments[0].emotions[1]: the key "intensity" appears twice"#)
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(rest: #", "people": []"#)) == #"b.json: the key "people" appears twice"#)
        // A long object too (its keys are looked up in a set past 16).
        let settings = (0..<20).map { #""k\#($0)": "v""# }.joined(separator: ", ") + #", "k3": "again""#
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(rest: #", "settings": {\#(settings)}"#)) == #"b.json: settings: the key "k3" appears twice"#)
    }

    @Test func anEmotionWordIsAWord() {
        let emotions = #"[{"word": "happy"}, {"word": "\u001b[31mred"}]"#
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(emotions: emotions))]"))?
                    .hasPrefix("b.json: moments[0].emotions[1].word: has U+1B") == true)
        let checkin = #", "selfCheckins": [{"date": "2026-02-03", "closeness": 4, "emotions": [{"word": "calm dog"}]}]"#
        #expect(BackupReaderTests.refusal(BackupReaderTests.backup(rest: checkin))?.hasPrefix("b.json: selfCheckins[0].emotions[0].word: has U+20") == true)
    }

    /// A value of the wrong type is refused, not read as "none" or as a number.
    @Test func typeMismatchesAreRefused() {
        let cases: [(String, String)] = [
            (BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(extra: #", "uplift": true"#))]"), "b.json: moments[0].uplift: must be a whole number"),
            (BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(extra: #", "uplift": 1.0"#))]"), "b.json: moments[0].uplift: must be a whole number"),
            (BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(extra: #", "kinds": "call""#))]"), "b.json: moments[0].kinds: must be a list"),
            (BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(emotions: #"{"word": "happy"}"#))]"), "b.json: moments[0].emotions: must be a list of objects"),
            (BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(emotions: #"["happy"]"#))]"), "b.json: moments[0].emotions: must be a list of objects"),
            (BackupReaderTests.backup(rest: #", "settings": {"week_start": 1}"#), "b.json: settings.week_start: must be text"),
            (BackupReaderTests.backup(rest: #", "settings": ["a"]"#), "b.json: settings must be an object"),
            (BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment().replacingOccurrences(of: #""people": [1]"#, with: #""people": [true]"#))]"),
             "b.json: moments[0].people: must be a list of ids"),
        ]
        for (json, saying) in cases {
            let got = BackupReaderTests.refusal(json)
            #expect(got?.hasPrefix(saying) == true, "\(saying) <- \(got ?? "accepted")")
        }
    }

    /// The reader never builds the document's tree: nesting is bounded, and past the
    /// bound the place is named, not a stack overflow or "not valid JSON".
    @Test func deepNestingIsRefusedWithThePlace() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let got = BackupReaderTests.refusal(BackupReaderTests.backup(moments: "[\(BackupReaderTests.moment(note: deep))]"))
        #expect(got?.hasPrefix("b.json: moments[0].note") == true && got?.contains("nested more than") == true, "\(got ?? "accepted")")
    }

    /// A cut or broken file says where it broke.
    @Test func brokenJSONSaysWhere() {
        let got = BackupReaderTests.refusal("{\"format\": \"kith-backup\",\n  \"version\": 2,\n  \"people\": [}")
        #expect(got?.hasPrefix("b.json is not valid JSON") == true && got?.contains("line 3") == true, "\(got ?? "accepted")")
    }

    /// Keeps what a streaming read hands over, in order.
    struct Kept: BackupSink {
        var calls: [String] = []
        var moments: [Moment] = []
        var rest = Backup()
        mutating func start(people: [Person], groups: [(group: Group, members: [Int64])]) { calls.append("start \(people.count) \(groups.count)") }
        mutating func moments(_ batch: [Moment]) { calls.append("moments \(batch.count)"); moments += batch }
        mutating func finish(_ rest: Backup) { calls.append("finish"); self.rest = rest }
    }

    /// The file arrives in pieces that split strings, escapes, surrogate pairs and
    /// numbers anywhere: what is read is the same, and moments come in batches after
    /// the people and groups.
    @Test func readingInTinyPiecesGivesTheSameBackup() throws {
        var b = Backup()
        b.people = [Person(id: 1, name: "Zoë 😀", notes: "line\none \"quoted\" \\ tab\t", addedOn: Day(ordinal: 20000), uid: "u1"),
                    Person(id: 2, name: "山田太郎", addedOn: Day(ordinal: 20001))]
        b.groups = [(Group(id: 1, name: "Club", addedOn: Day(ordinal: 20000)), [1, 2])]
        b.moments = (1...2_500).map { i in
            Moment(id: Int64(i), day: Day(ordinal: 20400 + i % 100), people: [1 + Int64(i % 2)], groupID: i % 3 == 0 ? 1 : nil,
                   emotions: [EmotionTag(word: "happy", intensity: 1 + i % 3)], uplift: i % 5 - 2, note: "n\(i) é 🎉\u{7}")
        }
        b.settings = ["week_start": "monday"]
        let bytes = Array(b.json().utf8)
        for size in [1, 7, 4096, bytes.count] {
            var sink = Kept()
            let count = try Backup.read(open: {
                var at = 0
                return {
                    defer { at += size }
                    return at < bytes.count ? Array(bytes[at..<min(at + size, bytes.count)]) : []
                }
            }, file: "b.json", today: BackupReaderTests.today, into: &sink)
            #expect(count == 2_500)
            #expect(sink.calls == ["start 2 1", "moments 1000", "moments 1000", "moments 500", "finish"])
            var back = sink.rest
            back.moments = sink.moments
            #expect(back.json() == b.json(), "pieces of \(size)")
        }
    }
}
