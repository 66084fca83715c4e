import Foundation
import KithCore
import KithTestSupport
import Testing
@testable import KithInterop

/// Every reader of outside data, fed random and mutated input from a fixed seed (see
/// `Fuzz`): none may crash or hang, and what each accepts must hold what kith promises
/// (names that are valid names, days that are real days). A crash found here becomes a
/// named regression test below the fuzz loops.
@Suite struct FuzzTests {
    static func samples(_ dir: String) -> [[UInt8]] {
        let root = fixture(dir)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { ($0 as? String).flatMap { FileManager.default.contents(atPath: root + "/" + $0) }.map { [UInt8]($0) } }
            .filter { !$0.isEmpty }
    }

    @Test func vCardReaderTakesAnything() {
        var rng = Fuzz()
        let seeds = FuzzTests.samples("vcard") + FuzzTests.samples("vcard-broken") + FuzzTests.samples("vcard-quirks")
        #expect(!seeds.isEmpty)
        for i in 0..<Fuzz.iterations {
            let input = i % 4 == 0 ? rng.bytes(maxLength: 2_000) : rng.mutate(seeds[i % seeds.count])
            let reading = VCard.read(Data(input), file: "fuzz.vcf", today: Day(year: 2026, month: 11, day: 22)!)
            for card in reading.cards {
                // What import would store as a name is a valid name, or the card is reported.
                #expect(!card.name.isEmpty)
                if let b = card.birthday { #expect((1...12).contains(b.month) && (1...31).contains(b.day)) }
            }
            for p in reading.problems + reading.warnings { #expect(p.hasPrefix("fuzz.vcf:"), "\(p)") }
        }
    }

    /// What kith writes, it reads back the same, whatever the text holds.
    @Test func vCardRoundTripsHostileText() throws {
        var rng = Fuzz()
        for i in 0..<Fuzz.iterations {
            guard let name = try? Names.validate(rng.text(maxLength: 40)) else { continue }
            let note = rng.text(maxLength: 300)
            let p = Person(id: 1, name: name, birthday: Birthday(month: 2, day: 29, year: i % 2 == 0 ? nil : 1992),
                           notes: note, addedOn: Day(ordinal: 20000), uid: "u-\(i)")
            for version in [VCard.Version.v4, .v3] {
                let text = VCard.write(p, groups: ["Club"], version: version)
                let back = VCard.read(Data(text.utf8), file: "rt.vcf", today: Day(year: 2026, month: 11, day: 22)!)
                #expect(back.problems.isEmpty, "\(back.problems)")
                let card = try #require(back.cards.first, "\(text)")
                #expect(card.name == TerminalText.sanitize(name) || card.name == name, "\(name.debugDescription) -> \(card.name.debugDescription)")
                #expect(card.uid == "u-\(i)" && card.birthday == p.birthday)
                // Every written line is at most 75 octets: folding never breaks a character.
                for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
            }
        }
    }

    @Test func backupReaderTakesAnything() {
        var rng = Fuzz()
        var sample = Backup()
        sample.people = [Person(id: 1, name: "Zoë", notes: "a\u{1B}[31mb", addedOn: Day(ordinal: 20000), uid: "u1")]
        sample.moments = [Moment(id: 1, day: Day(ordinal: 20400), people: [1], emotions: [EmotionTag(word: "happy", intensity: 2)], note: "n")]
        let seed = Array(sample.json().utf8)
        for i in 0..<Fuzz.iterations {
            let input = i % 4 == 0 ? rng.bytes(maxLength: 1_000) : rng.mutate(seed)
            if let b = try? Backup.read(Data(input), file: "fuzz.json", today: Day(year: 2026, month: 11, day: 22)!) {
                // Accepted means consistent: every moment's people are in the backup.
                let ids = Set(b.people.map(\.id))
                for m in b.moments { #expect(m.people.allSatisfy(ids.contains)) }
            }
        }
        #expect((try? Backup.read(Data(seed), file: "b.json", today: Day(year: 2026, month: 11, day: 22)!).json()) == sample.json())
    }

    /// Calendar exports: every line at most 75 octets, no control character but the
    /// line ends, whatever the names and notes hold.
    @Test func calendarWriterFoldsAndEscapesAnything() {
        var rng = Fuzz()
        for i in 0..<Fuzz.iterations {
            let e = CalendarEvent(uid: "u\(i)", day: Day(ordinal: 20000 + i), summary: rng.text(maxLength: 200),
                                  description: rng.text(maxLength: 400), yearly: i % 3 == 0, lastDayOfFebruary: i % 7 == 0)
            let text = ICalendar.write([e], stamp: Day(ordinal: 20000))
            #expect(text.hasSuffix("END:VCALENDAR\r\n"))
            for line in text.components(separatedBy: "\r\n").dropLast() {
                #expect(line.utf8.count <= 75)
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }, "\(line.debugDescription)")
            }
        }
    }

    /// The date, time, duration and other parsers: an answer or a one-line error, never
    /// a crash, and an accepted day is a real day.
    @Test func parsersTakeAnything() {
        var rng = Fuzz()
        let today = Day(year: 2026, month: 11, day: 22)!
        let seeds = ["2026-02-28", "yesterday", "3d", "last monday", "mon", "14:30", "2w", "90d", "1990-02-29", "--0229", "+2"]
            .map { Array($0.utf8) }
        for i in 0..<Fuzz.iterations * 4 {
            let text = String(decoding: i % 3 == 0 ? rng.bytes(maxLength: 24) : rng.mutate(seeds[i % seeds.count]), as: UTF8.self)
            for parse in [{ try Parse.day(text, today: today) }, { try Parse.futureDay(text, today: today) }] {
                do {
                    let d = try parse()
                    #expect(Day(year: d.year, month: d.month, day: d.day) == d)
                } catch let e as InputError {
                    // It may quote the input, line breaks and all: the CLI makes every
                    // error one safe line when it prints it (Output.error).
                    #expect(!e.message.isEmpty)
                } catch {
                    Issue.record("unexpected error \(error) for \(text.debugDescription)")
                }
            }
            if let d = try? Parse.isoDay(text) { #expect(d.iso.count == 10) }
            if let t = try? Parse.time(text) { #expect((0..<24 * 60).contains(t.minutes)) }
            if let c = try? Parse.cadence(text) { #expect((1...3650).contains(c)) }
            if let b = try? Parse.birthday(text, today: today) { #expect((1...12).contains(b.month)) }
            _ = try? Parse.uplift(text)
        }
    }
}
