import Foundation
import KithCore
import KithTestSupport
import Testing
@testable import KithInterop

/// The day the tests pretend it is, as the CLI tests do.
private let today = Day(year: 2026, month: 11, day: 22)!

/// Reads the fixture files, each shaped like one real exporter's output.
private func read(_ relative: String) throws -> VCard.Reading {
    let path = fixture(relative)
    let data = try #require(FileManager.default.contents(atPath: path), "missing fixture \(relative)")
    return VCard.read(data, file: relative, today: today)
}

private func read(text: String, file: String = "t.vcf") -> VCard.Reading {
    VCard.read(Data(text.utf8), file: file, today: today)
}

private func card(_ body: String) -> ContactCard? {
    read(text: "BEGIN:VCARD\r\nVERSION:3.0\r\n\(body)\r\nEND:VCARD\r\n").cards.first
}

@Suite struct VCardReadingTests {
    @Test func anOldPhonesVCard21() throws {
        let r = try read("vcard/phone-2.1.vcf")
        #expect(r.problems.isEmpty)
        #expect(r.cards.count == 2)
        let juergen = r.cards[0]
        // FN in quoted-printable ISO-8859-1: =FC is ü in Latin-1, not UTF-8.
        #expect(juergen.name == "Jürgen Müller")
        #expect(juergen.structuredName == "Müller;Jürgen;;;")
        // A soft line break (=) inside a word, and =0D=0A as the line break in the note.
        #expect(juergen.note == "Kennt mich seit der Schule – wir gehen jeden Herbst wandern.\nRuft zum Geburtstag immer an.")
        #expect(juergen.birthday == Birthday(month: 2, day: 29, year: 1980))
        #expect(juergen.line == 1)
        // No FN: the name comes from N, given name first; the photo before it did no harm.
        let m = r.cards[1]
        #expect(m.name == "Małgorzata Łukasz")
        #expect(m.birthday == Birthday(month: 11, day: 2, year: 1975))
    }

    @Test func aKhardVdirCard() throws {
        let r = try read("vcard/khard-vdir/3f1c2a9e-1111-4c1e-9a5e-aaaaaaaaaaaa.vcf")
        let c = try #require(r.cards.first)
        #expect(c.uid == "3f1c2a9e-1111-4c1e-9a5e-aaaaaaaaaaaa")
        #expect(c.name == "Zoë Ångström")
        #expect(c.nickname == "Zo")                           // the first of a list
        #expect(c.birthday == Birthday(month: 4, day: 15, year: nil))
        #expect(c.categories == ["Climbing", "Book club, Tuesdays"])   // an escaped comma stays in the name
        #expect(c.note == "Met at the crag in 2019; lent me her rope.\nLoves green tea 🍵 and long walks by the river, every Sunday.")
    }

    @Test func aFoldInTheMiddleOfAUTF8SequenceAndLFLineEnds() throws {
        let c = try #require(try read("vcard/khard-vdir/3f1c2a9e-2222-4c1e-9a5e-bbbbbbbbbbbb.vcf").cards.first)
        #expect(c.name == "José García")
        #expect(c.birthday == Birthday(month: 4, day: 15, year: 1990))
    }

    @Test func hangulAndADateTimeBirthday() throws {
        let c = try #require(try read("vcard/khard-vdir/3f1c2a9e-3333-4c1e-9a5e-cccccccccccc.vcf").cards.first)
        #expect(c.name == "최유림")
        #expect(c.birthday == Birthday(month: 7, day: 9, year: 1992))
    }

    @Test func appleAndICloudExports() throws {
        let r = try read("vcard/apple.vcf")
        #expect(r.problems.isEmpty)
        #expect(r.cards.map(\.name) == ["Chidi Okafor", "山田太郎"])
        // Apple writes a birthday without a year as 1604 with X-APPLE-OMIT-YEAR.
        #expect(r.cards[0].birthday == Birthday(month: 12, day: 24, year: nil))
        #expect(r.cards[0].uid == "apple-chidi-0001")
        // N only, in Japanese: family name first, no space. A birthday in words goes to the notes.
        #expect(r.cards[1].birthday == nil)
        #expect(r.cards[1].note == "Birthday: circa 1960")
        #expect(r.cards[1].uid == "urn:uuid:6f0e9d1c-4444-4c1e-9a5e-dddddddddddd")
        // The group card and the organisation are not people.
        #expect(r.notPeople == ["vcard/apple.vcf:11", "vcard/apple.vcf:24"])
    }

    @Test func windows1252FromOutlook() throws {
        let c = try #require(try read("vcard/outlook-1252.vcf").cards.first)
        #expect(c.name == "Renée François")
        #expect(c.note == "“Quotes” and € signs")
    }

    /// A card without a usable name, or that never ends, is skipped; an impossible
    /// birthday or a stray line costs only itself.
    @Test func brokenCardsAreNamedWithTheirLineAndTheOthersRead() throws {
        let r = try read("vcard-broken/mixed.vcf")
        #expect(r.cards.map(\.name) == ["Ana López", "Bad Birthday", "Bo Berg", "Colin", "Cy Chen"])
        #expect(r.problems == [
            "vcard-broken/mixed.vcf:17: card has no name (neither FN nor N)",
            "vcard-broken/mixed.vcf:25: a name cannot contain control characters",
            "vcard-broken/mixed.vcf:38: card has no END:VCARD",
        ])
        #expect(r.warnings == [
            "vcard-broken/mixed.vcf:10: BDAY \"1990-02-30\" is not a real date: kept in the notes, not as the birthday",
            "vcard-broken/mixed.vcf:31: skipped a line without a ':' (not a vCard property); the card was imported",
        ])
    }

    @Test func textThatIsNotUTF8AndSaysNoCharsetIsReadAsWindows1252AndSaid() throws {
        let r = try read("vcard-broken/latin1-unlabelled.vcf")
        #expect(r.cards.map(\.name) == ["Renée"])
        #expect(r.problems.isEmpty)
        #expect(r.warnings == ["vcard-broken/latin1-unlabelled.vcf:3: not UTF-8 and no CHARSET: read as Windows-1252 (Western European)"])
    }

    @Test func aFileThatIsNoVCardAtAll() throws {
        #expect(try read("vcard-broken/not-a-vcard.vcf").problems == ["vcard-broken/not-a-vcard.vcf:1: not a vCard file (no BEGIN:VCARD)"])
        #expect(read(text: "").problems.isEmpty)
    }

    @Test(arguments: [
        ("1990-04-15", Birthday(month: 4, day: 15, year: 1990)),
        ("19900415", Birthday(month: 4, day: 15, year: 1990)),
        ("--0415", Birthday(month: 4, day: 15, year: nil)),
        ("--04-15", Birthday(month: 4, day: 15, year: nil)),
        ("1990-04-15T10:00:00Z", Birthday(month: 4, day: 15, year: 1990)),
        ("19900415T100000", Birthday(month: 4, day: 15, year: 1990)),
        ("0000-04-15", Birthday(month: 4, day: 15, year: nil)),
        ("--0229", Birthday(month: 2, day: 29, year: nil)),
    ])
    func birthdayForms(_ text: String, _ expected: Birthday?) throws {
        #expect(try VCard.birthday(text, omitYear: nil, isText: false, today: today) == .date(try #require(expected)))
    }

    @Test func birthdaysThatAreTextOrImpossible() throws {
        #expect(try VCard.birthday("spring 1990", omitYear: nil, isText: false, today: today) == .text("spring 1990"))
        #expect(try VCard.birthday("1990-04", omitYear: nil, isText: false, today: today) == .text("1990-04"))
        #expect(try VCard.birthday("1990-04-15", omitYear: nil, isText: true, today: today) == .text("1990-04-15"))
        #expect(try VCard.birthday("1990-13-01", omitYear: nil, isText: false, today: today) == .impossible)
        #expect(try VCard.birthday("19910229", omitYear: nil, isText: false, today: today) == .impossible)
        #expect(try VCard.birthday("1604-03-01", omitYear: "1604", isText: false, today: today) == .date(Birthday(month: 3, day: 1, year: nil)!))
    }

    /// The CLI's birthday rules: Apple's 1604 means no year even without
    /// X-APPLE-OMIT-YEAR; a birthday after today or before 1850 is refused, never stored,
    /// and its text kept in the notes.
    @Test func birthdaysTheCLIWouldRefuse() throws {
        #expect(try VCard.birthday("1604-04-15", omitYear: nil, isText: false, today: today) == .date(Birthday(month: 4, day: 15, year: nil)!))
        #expect(try VCard.birthday("16040415", omitYear: nil, isText: false, today: today) == .date(Birthday(month: 4, day: 15, year: nil)!))
        #expect(try VCard.birthday("9999-12-31", omitYear: nil, isText: false, today: today) == .refused("is in the future"))
        #expect(try VCard.birthday("2026-11-24", omitYear: nil, isText: false, today: today) == .refused("is in the future"))
        // A day's grace: where the card was written it may already be tomorrow.
        #expect(try VCard.birthday("2026-11-23", omitYear: nil, isText: false, today: today) == .date(Birthday(month: 11, day: 23, year: 2026)!))
        #expect(try VCard.birthday("2026-11-22", omitYear: nil, isText: false, today: today) == .date(Birthday(month: 11, day: 22, year: 2026)!))
        #expect(try VCard.birthday("1849-12-31", omitYear: nil, isText: false, today: today) == .refused("is before 1850"))
        #expect(try VCard.birthday("1850-01-01", omitYear: nil, isText: false, today: today) == .date(Birthday(month: 1, day: 1, year: 1850)!))
        let r = read(text: "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nBDAY:9999-12-31\r\nEND:VCARD\r\n"
                     + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo\r\nBDAY:1604-04-15\r\nEND:VCARD\r\n"
                     + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy\r\nBDAY:1200-01-01\r\nEND:VCARD\r\n", file: "b.vcf")
        #expect(r.problems.isEmpty)
        #expect(r.warnings == ["b.vcf:4: BDAY \"9999-12-31\" is in the future: kept in the notes, not as the birthday",
                               "b.vcf:14: BDAY \"1200-01-01\" is before 1850: kept in the notes, not as the birthday"])
        #expect(r.cards.map(\.name) == ["Ana", "Bo", "Cy"])
        #expect(r.cards.map(\.birthday) == [nil, Birthday(month: 4, day: 15, year: nil), nil])
        #expect(r.cards.map(\.note) == ["Birthday: 9999-12-31", "", "Birthday: 1200-01-01"])
    }

    @Test func escapesAndSeparators() throws {
        let c = try #require(card(#"FN:Smith\, Jr.\; the \\ one"# + "\r\nNOTE:a\\nb\\Nc"))
        #expect(c.name == #"Smith, Jr.; the \ one"#)
        #expect(c.note == "a\nb\nc")
        #expect(VCard.split(#"a\,b,c\\,d"#, on: ",").map { VCard.unescape($0) } == ["a,b", "c\\", "d"])
    }

    @Test func groupPrefixesQuotedParametersAndCaseDoNotMatter() throws {
        let c = try #require(card("item1.fn;X-A=\"a:b;c\":Ana\r\nnickname:Annie"))
        #expect(c.name == "Ana")
        #expect(c.nickname == "Annie")
    }

    @Test func bareCRLineEndsAndAByteOrderMark() throws {
        let text = "\u{FEFF}BEGIN:VCARD\rVERSION:3.0\rFN:Old Mac\rEND:VCARD\r"
        #expect(read(text: text).cards.map(\.name) == ["Old Mac"])
    }

    @Test func aNameFromNInWesternAndEastAsianOrder() {
        #expect(VCard.nameFromParts("García;José;Luis;Dr.;") == "José Luis García")
        #expect(VCard.nameFromParts("山田;太郎;;;") == "山田太郎")
        #expect(VCard.nameFromParts(";Cher;;;") == "Cher")
        #expect(VCard.nameFromParts("Doe") == "Doe")
    }

    @Test func onlyANicknameStillNamesThePerson() throws {
        #expect(card("NICKNAME:Gran")?.name == "Gran")
    }

    /// A name kith cannot decode is the card's problem, said as what is wrong with it.
    @Test func aCardWithAnUnknownCharsetIsReported() {
        let r = read(text: "BEGIN:VCARD\r\nFN;CHARSET=KLINGON:x\r\nEND:VCARD\r\n")
        #expect(r.problems == ["t.vcf:2: FN has an unknown CHARSET \"KLINGON\""])
    }

    /// Any other field kith cannot decode costs only itself; the name may come from N.
    @Test func aFieldThatCannotBeDecodedCostsOnlyItself() throws {
        let r = read(text: "BEGIN:VCARD\r\nFN;CHARSET=KLINGON:x\r\nN:Berg;Bo\r\nNOTE;CHARSET=KLINGON:x\r\n"
                     + "NICKNAME;ENCODING=b:Qm9ibw==\r\nCATEGORIES;CHARSET=US-ASCII:Climbé\r\nNOTE:kept\r\nEND:VCARD\r\n")
        #expect(r.problems.isEmpty)
        let c = try #require(r.cards.first)
        #expect(c.name == "Bo Berg" && c.note == "kept" && c.nickname == nil && c.categories.isEmpty)
        #expect(r.warnings == [
            "t.vcf:2: FN has an unknown CHARSET \"KLINGON\"; skipped, the card was imported",
            "t.vcf:4: NOTE has an unknown CHARSET \"KLINGON\"; skipped, the card was imported",
            "t.vcf:5: NICKNAME is binary (base64), not text; skipped, the card was imported",
            "t.vcf:6: CATEGORIES is not valid US-ASCII; skipped, the card was imported",
        ])
    }

    @Test func aBrokenPhotoOrPhoneEncodingDoesNotCostThePerson() {
        let r = read(text: "BEGIN:VCARD\r\nFN:Ana\r\nPHOTO;ENCODING=b:@@@not base64@@@\r\nTEL;CHARSET=KLINGON:1\r\nEND:VCARD\r\n")
        #expect(r.cards.map(\.name) == ["Ana"])
        #expect(r.problems.isEmpty)
    }

    @Test func quotedPrintableDecoding() {
        #expect(VCard.quotedPrintable(Array("a=3Db=C3=A9=".utf8)) == Array("a=bé=".utf8))
        #expect(VCard.quotedPrintable(Array("=ZZ=4".utf8)) == Array("=ZZ=4".utf8))
    }
}

@Suite struct VCardLimitTests {
    /// A note over the CLI's 10 MB, or a line no contact has: `file:line: reason`, the
    /// card skipped, and the text never decoded.
    @Test func overLongNotesAndLinesAreRefused() {
        let big = String(repeating: "a", count: 2 * Parse.noteLimit + 1)
        let r = read(text: "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:\(big)\r\nEND:VCARD\r\n"
                     + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo\r\nX-JUNK:\(big)\(big)\r\nEND:VCARD\r\n"
                     + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy\r\nNOTE:fine\r\nEND:VCARD\r\n", file: "big.vcf")
        #expect(r.problems == ["big.vcf:4: NOTE is over 10 MB; a note is text, not a file",
                               "big.vcf:9: a line over 20 MB (not a contact's text)"])
        #expect(r.cards.map(\.name) == ["Cy"])
    }
}

@Suite struct VCardWritingTests {
    let person = Person(id: 7, name: "Zoë Ångström", nickname: "Zo", birthday: Birthday(month: 4, day: 15, year: nil),
                        notes: "Met at the crag; lent me her rope,\nand a very long line that needs folding because it goes on and on and on.",
                        addedOn: Day(year: 2026, month: 1, day: 1)!, uid: "3f1c2a9e-1111",
                        card: CardOrigin(name: "Zoë Ångström", structuredName: "Ångström;Zoë;;;"))

    @Test func writesVCard4AndReadsItBack() throws {
        let text = VCard.write(person, groups: ["Climbing", "Book club, Tuesdays"], version: .v4)
        #expect(text.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\n"))
        #expect(text.contains("\r\nBDAY:--0415\r\n"))
        #expect(text.contains("\r\nN:Ångström;Zoë;;;\r\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let back = try #require(VCard.read(Data(text.utf8), file: "x", today: today).cards.first)
        #expect(back.name == person.name)
        #expect(back.uid == person.uid)
        #expect(back.nickname == person.nickname)
        #expect(back.birthday == person.birthday)
        #expect(back.note == person.notes)
        #expect(back.categories == ["Climbing", "Book club, Tuesdays"])
    }

    @Test func writesVCard3Birthdays() {
        var p = person
        p.birthday = Birthday(month: 4, day: 15, year: 1990)
        #expect(VCard.write(p, groups: [], version: .v3).contains("\r\nBDAY:1990-04-15\r\n"))
        #expect(VCard.write(p, groups: [], version: .v4).contains("\r\nBDAY:19900415\r\n"))
        p.birthday = Birthday(month: 4, day: 15, year: nil)
        #expect(VCard.write(p, groups: [], version: .v3).contains("\r\nBDAY:--04-15\r\n"))
    }

    @Test func aStructuredNameForSomeoneAddedInKith() {
        #expect(VCard.structuredName("Ana María López") == "López;Ana María;;;")
        #expect(VCard.structuredName("山田太郎") == ";山田太郎;;;")
        #expect(VCard.structuredName("Ana López, MD") == "López;Ana;;;MD")
    }

    @Test func controlCharactersNeverReachTheCard() {
        var p = person
        p.notes = "bell\u{07} and escape\u{1B}[2J"
        p.card = CardOrigin(name: p.name, structuredName: "A\u{1B};B;;;")
        let text = VCard.write(p, groups: [], version: .v4)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
    }
}

@Suite struct VCardQuirkTests {
    @Test func utf16WithAByteOrderMark() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë 山田\r\nEND:VCARD\r\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        #expect(VCard.read(data, file: "w.vcf", today: today).cards.map(\.name) == ["Zoë 山田"])
    }

    @Test func appleCompanyCardsAreNotPeople() {
        let r = VCard.read(Data("BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:ACME\r\nORG:ACME;\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n".utf8), file: "a.vcf", today: today)
        #expect(r.cards.isEmpty && r.notPeople == ["a.vcf:1"])
    }

    @Test func aCategoryThatCannotBeAGroupIsLeftOutNotTheCard() throws {
        let r = VCard.read(Data("BEGIN:VCARD\r\nFN:Ana\r\nCATEGORIES:Climbing,Bad\u{1B}[31m\r\nEND:VCARD\r\n".utf8), file: "c.vcf", today: today)
        let c = try #require(r.cards.first)
        #expect(c.categories == ["Climbing"])
        #expect(c.droppedCategories == ["c.vcf:3: CATEGORIES: left out: a group name cannot contain control characters"])
    }
}

@Suite struct CSVTests {
    @Test func formulasAreShownAsTextAndNumbersStayNumbers() {
        #expect(CSV.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("-1") == "-1")
        #expect(CSV.field("+2") == "+2")
        #expect(CSV.field("- bought flowers") == "'- bought flowers")
        #expect(CSV.field("plain, text") == "\"plain, text\"")
    }

    /// Swift's Double reads infinities, NaNs with a payload and hexadecimal floats: none
    /// of them is a number to a spreadsheet, and `+nan(DDE_cmd)` would reach one as a
    /// formula. Only plain decimals pass unquoted.
    @Test func onlyPlainDecimalsPassAsNumbers() {
        for s in ["-inf", "+inf", "-infinity", "+nan(DDE_cmd)", "-nan", "-0x1p3", "+0X10", "-1e5", "-", "+", "-.", "- 1", "+1+1", "-1-1", "+1.2.3"] {
            #expect(CSV.field(s) == "'" + s, "\(s)")
        }
        for s in ["-1", "+2", "-0", "-3.25", "+0.5", "-.5", "-12.", "7"] {
            #expect(CSV.field(s) == s, "\(s)")
        }
    }

    /// "\r\n" is one Swift Character, equal to neither "\r" nor "\n": a field holding it
    /// must still be quoted, or every CSV reader sees the rest as a new row.
    @Test func aCRLFInsideAFieldIsQuoted() {
        #expect(CSV.field("first\r\nsecond") == "\"first\r\nsecond\"")
        #expect(CSV.field("first\rsecond") == "\"first\rsecond\"")
        #expect(CSV.field("first\nsecond") == "\"first\nsecond\"")
        #expect(CSV.field("plain") == "plain")
    }

    /// A quote followed by a combining mark is one Character that is not "\"": it is
    /// still a quote to a CSV reader, so it is doubled and the field quoted.
    @Test func aQuoteWithACombiningMarkIsDoubled() {
        #expect(CSV.field("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
    }
}

/// Address books as phones, Windows tools and servers really write them, each fixture in
/// `vcard-quirks` shaped like one of them: every card with a name comes in, and what is
/// left out of it is said in one line.
@Suite struct VCardRealWorldTests {
    let dir = "vcard-quirks/"

    @Test func iPhoneExportsWithCRCRLFLineEnds() throws {
        let r = try read(dir + "iphone-crcrlf.vcf")
        #expect(r.problems.isEmpty && r.warnings.isEmpty)
        #expect(r.cards.map(\.name) == ["Astrid Lindqvist", "Ifeoma Okonkwo"])
        #expect(r.cards.map(\.line) == [1, 12])
        #expect(r.cards.first?.birthday == Birthday(month: 6, day: 2, year: 1988))
        #expect(r.cards.first?.note == "Sings in the harbour choir, every second Thursday of the month.")
    }

    /// "No BEGIN:VCARD" is said only of a file that has none: UTF-16 without a byte-order
    /// mark and BEGIN lines with trailing NULs are read, and a BEGIN:VCARD with more on its
    /// line is named as that.
    @Test func notAVCardFileIsSaidOnlyWhenTrue() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë 山田\r\nEND:VCARD\r\n"
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let r = VCard.read(text.data(using: encoding)!, file: "w.vcf", today: today)
            #expect(r.cards.map(\.name) == ["Zoë 山田"] && r.problems.isEmpty)
        }
        #expect(read(text: "BEGIN:VCARD\0\r\nFN:Ana\r\nEND:VCARD\0\r\n").cards.map(\.name) == ["Ana"])
        #expect(read(text: "X-HEADER:1\r\nBEGIN:VCARD;FN:Ana\r\n").problems
                == ["t.vcf:2: no card starts here: BEGIN:VCARD has more after it on its line"])
    }

    /// vCard 2.1 ends base64 at a blank line, and old phones wrote its lines unindented.
    @Test func a21PhotoWhoseLinesAreNotIndented() throws {
        let r = try read(dir + "phone-2.1-photo.vcf")
        #expect(r.problems.isEmpty && r.warnings.isEmpty)
        #expect(r.cards.map(\.name) == ["Hiro Tanaka"])
        #expect(r.cards.first?.birthday == Birthday(month: 3, day: 11, year: 1979))
    }

    @Test func anUnreadableLineCostsOnlyWhatItBelongsTo() throws {
        let r = try read(dir + "adr-backslash-2.1.vcf")
        #expect(r.problems.isEmpty)
        #expect(r.cards.map(\.name) == ["Klaus Weber"])
        #expect(r.cards.first?.birthday == Birthday(month: 10, day: 3, year: 1961))   // read after the bad line
        #expect(r.warnings == ["vcard-quirks/adr-backslash-2.1.vcf:5: skipped an unreadable ADR; the card was imported"])

        let c = try read(dir + "comment.vcf")
        #expect(c.problems.isEmpty)
        #expect(c.cards.map(\.name) == ["Priya Raman"])
        #expect(c.warnings == ["vcard-quirks/comment.vcf:5: skipped a comment line; the card was imported"])

        // A stray line after a field kith keeps costs only the line; one before any field too.
        let s = read(text: "BEGIN:VCARD\r\nstray\r\nFN:Ana\r\nmore stray\r\nNOTE:kept\r\nPHOTO;ENCODING=b:AAAA\r\nnot base64!\r\nEND:VCARD\r\n")
        #expect(s.problems.isEmpty)
        #expect(s.cards.map(\.name) == ["Ana"] && s.cards.first?.note == "kept")
        #expect(s.warnings == ["t.vcf:2: skipped a line without a ':' (not a vCard property); the card was imported",
                               "t.vcf:4: skipped a line without a ':' (not a vCard property); the card was imported",
                               "t.vcf:6: skipped an unreadable PHOTO; the card was imported"])
    }

    @Test func aBirthdayNoCalendarHasCostsOnlyTheBirthday() throws {
        let r = try read(dir + "birthdays.vcf")
        #expect(r.problems.isEmpty)
        #expect(r.cards.map(\.name) == ["Mateo Ruiz", "Agnes Horváth", "Tomasz Nowak"])
        #expect(r.cards.map(\.birthday) == [nil, nil, nil])
        #expect(r.cards.map(\.note) == ["Birthday: 19723101", "Birthday: 09001231", "Birthday: 19020229\n\nGrandfather's chess partner"])
        #expect(r.warnings == [
            "vcard-quirks/birthdays.vcf:4: BDAY \"19723101\" is not a real date: kept in the notes, not as the birthday",
            "vcard-quirks/birthdays.vcf:9: BDAY \"09001231\" is before 1850: kept in the notes, not as the birthday",
            "vcard-quirks/birthdays.vcf:14: BDAY \"19020229\" is not a real date: kept in the notes, not as the birthday",
        ])
    }

    @Test(arguments: [
        ("ansi-de.vcf", "Jürgen Müller-Lüdenscheidt", "Windows-1252 (Western European)"),
        ("ansi-el.vcf", "Γιώργος Παπαδόπουλος", "Windows-1253 (Greek)"),
        ("ansi-he.vcf", "שרה כהן", "Windows-1255 (Hebrew)"),
        ("ansi-uk.vcf", "Олена Шевченко", "Windows-1251 (Cyrillic)"),
    ])
    func windowsCodePagesWithoutACharset(_ file: String, _ name: String, _ codePage: String) throws {
        let r = try read(dir + file)
        #expect(r.problems.isEmpty)
        #expect(r.cards.map(\.name) == [name])
        #expect(r.warnings == ["vcard-quirks/\(file):3: not UTF-8 and no CHARSET: read as \(codePage)"])
    }

    @Test func aCodePageIsGuessedOnlyForTextThatIsNotUTF8() throws {
        let de = try #require(try read(dir + "ansi-de.vcf").cards.first)
        #expect(de.note == "Größe 42 – trägt gern „Wanderschuhe“")
        #expect(de.structuredName == "Müller-Lüdenscheidt;Jürgen")
        // A UTF-8 card beside a Latin-1 one stays UTF-8.
        let mixed = Data("BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Ren".utf8) + Data([0xE9])
            + Data("e\r\nEND:VCARD\r\n".utf8)
        let r = VCard.read(mixed, file: "m.vcf", today: today)
        #expect(r.cards.map(\.name) == ["Zoë", "Renée"])
        #expect(r.warnings == ["m.vcf:5: not UTF-8 and no CHARSET: read as Windows-1252 (Western European)"])
    }

    /// One name is the least a guess has to go on: each of these is the page's bytes for it.
    @Test(arguments: [
        ([0xCE, 0xEB, 0xFC, 0xE3, 0xE0], CodePage.windows1251, "Ольга"),
        ([0xC8, 0xE2, 0xE0, 0xED, 0x20, 0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0xE2], .windows1251, "Иван Петров"),
        ([0xCD, 0xDF, 0xEA, 0xEF, 0xF2], .windows1253, "Νίκος"),
        ([0xCC, 0xE1, 0xF1, 0xDF, 0xE1], .windows1253, "Μαρία"),
        ([0xE3, 0xE5, 0xE3, 0x20, 0xEC, 0xE5, 0xE9], .windows1255, "דוד לוי"),
        ([0x4A, 0x6F, 0x73, 0xE9, 0x20, 0x4D, 0x75, 0xF1, 0x6F, 0x7A], .windows1252, "José Muñoz"),
        ([0x93, 0x51, 0x75, 0x6F, 0x74, 0x65, 0x73, 0x94, 0x20, 0x61, 0x6E, 0x64, 0x20, 0x80], .windows1252, "“Quotes” and €"),
    ] as [([UInt8], CodePage, String)])
    func aCodePageIsGuessedFromOneName(_ bytes: [UInt8], _ page: CodePage, _ text: String) {
        #expect(CodePage.guess([bytes]) == page)
        #expect(page.decode(bytes) == text)
    }

    /// kith's own tables against Foundation's, byte by byte (Foundation knows 1255 only by
    /// its CoreFoundation number, which is why kith keeps tables of its own). Where a page
    /// defines no character Foundation passes the byte through as that code point (a C1
    /// control); kith has none there and reads U+FFFD.
    @Test func theCodePageTablesAgreeWithFoundation() {
        let pages: [(CodePage, String.Encoding)] = [(.windows1252, .windowsCP1252), (.windows1251, .windowsCP1251),
                                                     (.windows1253, .windowsCP1253), (.windows1255, String.Encoding(rawValue: 0x8000_0505))]
        for (page, encoding) in pages {
            for b in UInt8(0x80)...0xFF {
                let theirs = String(bytes: [b], encoding: encoding)
                if let ours = page.scalar(b) {
                    #expect(String(Character(ours)) == theirs, "\(page) byte \(b)")
                } else {
                    #expect(theirs == nil || theirs?.unicodeScalars.map(\.value) == [UInt32(b)], "\(page) byte \(b)")
                }
            }
        }
        #expect(CodePage.windows1253.decode([0x41, 0xAA]) == "A\u{FFFD}")
    }

    @Test func aCardNestedInAGENTIsLeftOutAndTheOuterCardKept() throws {
        let r = try read(dir + "android-agent.vcf")
        #expect(r.problems.isEmpty)
        #expect(r.cards.map(\.name) == ["Lena Fischer", "Rui Costa"])
        #expect(r.cards.first?.birthday == Birthday(month: 9, day: 14, year: 1985))
        #expect(r.cards.last?.note == "Marta keeps his calendar")
        #expect(r.warnings == ["vcard-quirks/android-agent.vcf:6: skipped the card nested in AGENT; the card was imported",
                               "vcard-quirks/android-agent.vcf:19: skipped the card nested in AGENT; the card was imported"])
    }

    @Test func vCard21BackslashesAreTextExceptBeforeASemicolon() throws {
        let r = try read(dir + "backslash-2.1.vcf")
        #expect(r.problems.isEmpty)
        #expect(r.cards.map(\.name) == [#"A;B\C;D:E\\"#, "Nadia Al-Rashid", #"A;BC;D:E\"#])
        #expect(r.cards.first?.note == #"Card file: C:\Users\nadia\contacts.vcf"#)
        #expect(r.cards.dropFirst().first?.note == #"C:\new\table"#)
        // The structured name is kept as 4.0 writes it, so an export means the same name.
        let c = try #require(read(text: "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Dr\\Who;Jo,Jr\\;X\r\nEND:VCARD\r\n").cards.first)
        #expect(c.name == #"Jo,Jr;X Dr\Who"#)
        #expect(c.structuredName == #"Dr\\Who;Jo\,Jr\;X"#)
        // A comma after a backslash still separates; the backslash before `\;` is text.
        #expect(VCard.split(#"a\,b;c\;d"#, on: ",", .v21) == [#"a\"#, #"b;c\;d"#])
        #expect(VCard.split(#"a\\;b;c"#, on: ";", .v21).map { VCard.unescape($0, .v21) } == [#"a\;b"#, "c"])
    }
}
