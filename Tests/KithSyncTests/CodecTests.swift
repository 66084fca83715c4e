import Testing
@testable import KithSync

@Suite struct CodecTests {
    static let hard = "Zoë O'Brien, Jr.; \\ 李小龍 🎸\nsecond line\twith a tab"

    func moment() -> SyncRecord {
        var r = SyncRecord(kind: .moment, uid: "m-1", modified: 1_764_000_000_000)
        r["start"] = "20261122T183000"
        r["note"] = Self.hard
        r["channel"] = "call"
        r["initiator"] = "them"
        r["uplift"] = "-1"
        r["depth"] = "vulnerable"
        r["received"] = "safe"
        r["group"] = "g-1"
        r.fields["people"] = .many(["p-1", "p-2"])
        r.fields["kinds"] = .many(["fun", "heart-to-heart"])
        r.fields["emotions"] = .many(["happy:1", "sad:2"])
        return r
    }

    @Test func aMomentRoundTripsWithEveryField() throws {
        let r = moment()
        let text = SyncCodec.encode(r, names: ["p-1": "Zoë, the first", "p-2": "Ben", "g-1": "Choir"])
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(text.contains("SUMMARY:Choir: Zoë\\, the first\\, Ben"))
        #expect(text.contains("X-KITH-EMOTION;INTENSITY=2:sad"))
        let back = try SyncCodec.decode(text)
        #expect(back.sameContent(as: r) && back.modified == r.modified)
        #expect(back.categories == ["Zoë, the first", "Ben"])
    }

    /// What Radicale and vdirsyncer return: LF line ends, properties in another order,
    /// other folding, a VTIMEZONE and a DTSTAMP of the server's: the same record.
    @Test func aFileReFoldedAndReorderedIsTheSameRecord() throws {
        let r = moment()
        let text = SyncCodec.encode(r)
        var lines = ContentLines.unfold(text)
        let body = lines[4..<(lines.count - 2)].sorted()
        lines = Array(lines[..<4]) + ["BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "END:VTIMEZONE"] + body + Array(lines.suffix(2))
        let refolded = lines.map { line -> String in
            var out = "", n = 0
            for ch in line { if n == 40 { out += "\n\t"; n = 0 }; out.append(ch); n += 1 }
            return out
        }.joined(separator: "\n")
        #expect(try SyncCodec.decode(refolded).sameContent(as: r))
    }

    @Test func aPersonKeepsTheLinesKithDoesNotKnow() throws {
        let card = """
            BEGIN:VCARD\r
            VERSION:3.0\r
            UID:p-9\r
            FN:Ana Lima\r
            N:Lima;Ana;;;\r
            item1.TEL;type=CELL:+351 912 345 678\r
            EMAIL;TYPE=INTERNET:ana@example.org\r
            NICKNAME:Nana\r
            NICKNAME:Ani\r
            X-APPLE-OMIT-YEAR:1604\r
            X-KITH-CIRCLE:inner\r
            END:VCARD\r

            """
        let r = try SyncCodec.decode(card)
        #expect(r.kind == .person && r["name"] == "Ana Lima" && r["nickname"] == "Nana" && r["circle"] == "inner")
        #expect(r.many("extra") == ["item1.TEL;type=CELL:+351 912 345 678", "EMAIL;TYPE=INTERNET:ana@example.org",
                                    "NICKNAME:Ani", "X-APPLE-OMIT-YEAR:1604"])
        let again = try SyncCodec.decode(SyncCodec.encode(r))
        #expect(again.sameContent(as: r))
    }

    @Test func aGroupCardListsItsMembersByUID() throws {
        var g = SyncRecord(kind: .group, uid: "g-1", modified: 0)
        g["name"] = "Book club"
        g["cadence"] = "30"
        g.fields["members"] = .many(["p-1", "p-2"])
        let text = SyncCodec.encode(g)
        #expect(text.contains("X-ADDRESSBOOKSERVER-KIND:group\r\n") && text.contains("X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:p-1\r\n"))
        #expect(try SyncCodec.decode(text).sameContent(as: g))
    }

    @Test func aReminderIsATask() throws {
        var t = SyncRecord(kind: .reminder, uid: "r-1", modified: 0)
        t["text"] = "ask how the interview went, and the move"
        t["due"] = "20261201"
        t["state"] = "NEEDS-ACTION"
        t["person"] = "p-1"
        let text = SyncCodec.encode(t)
        #expect(text.contains("BEGIN:VTODO") && text.contains("DUE;VALUE=DATE:20261201") && text.contains("interview went\\, and"))
        #expect(try SyncCodec.decode(text).sameContent(as: t))
    }

    @Test func filesThatAreNotRecordsSaySo() {
        #expect(throws: SyncFileError("not a vCard, VJOURNAL or VTODO")) { try SyncCodec.decode("BEGIN:VCALENDAR\nEND:VCALENDAR\n") }
        #expect(throws: SyncFileError("no UID")) { try SyncCodec.decode("BEGIN:VCARD\nFN:x\nEND:VCARD\n") }
    }

    @Test func stampsRoundTrip() {
        #expect(SyncCodec.utcStamp(1_764_000_000_000) == "20251124T160000Z")
        #expect(SyncCodec.parseStamp("20251124T160000Z") == 1_764_000_000_000)
        #expect(SyncCodec.parseStamp("2025-11-24T16:00:00Z") == 1_764_000_000_000)
    }
}

@Suite struct MergeTests {
    func base() -> SyncRecord {
        var r = SyncRecord(kind: .moment, uid: "m", modified: 1000)
        r["note"] = "lunch"
        r["channel"] = "in-person"
        r.fields["emotions"] = .many(["happy:1"])
        r.fields["people"] = .many(["a"])
        return r
    }

    @Test func differentFieldsEditedOnTwoDevicesBothSurvive() {
        var a = base(), b = base()
        a["channel"] = "call"; a.modified = 2000
        b.fields["emotions"] = .many(["happy:1", "sad:2"]); b.modified = 3000
        let m = SyncMerge.merge(base: base(), a, b)
        #expect(m["channel"] == "call" && m.many("emotions") == ["happy:1", "sad:2"] && m.modified == 3000)
    }

    @Test func setsMergeAsSets() {
        var a = base(), b = base()
        a.fields["people"] = .many(["a", "b"]); a.modified = 2000
        b.fields["people"] = .many(["c"]); b.modified = 3000          // removed a, added c
        b.fields["emotions"] = .many(["happy:3"])
        a.fields["emotions"] = .many(["happy:1", "calm:1"])
        let m = SyncMerge.merge(base: base(), a, b)
        #expect(Set(m.many("people")) == ["b", "c"])
        #expect(Set(m.many("emotions")) == ["happy:3", "calm:1"])
    }

    @Test func theSameTextEditedTwiceKeepsBoth() {
        var a = base(), b = base()
        a["note"] = "lunch by the river"; a.modified = 2000
        b["note"] = "lunch, she told me about Kyoto"; b.modified = 3000
        let m = SyncMerge.merge(base: base(), a, b)
        let note = m["note"] ?? ""
        #expect(note.hasPrefix("lunch, she told me about Kyoto\n\n— the other edit (") && note.hasSuffix("—\nlunch by the river"))
        // The same either way round (a rebase swaps the sides).
        #expect(SyncMerge.merge(base: base(), b, a)["note"] == note)
    }

    @Test func noBaseMergesAgainstNothing() {
        var a = base(), b = base()
        b["note"] = "dinner"; b.modified = 500
        let m = SyncMerge.merge(base: nil, a, b)
        #expect(m["note"]?.hasPrefix("lunch\n\n— the other edit") == true && m["note"]?.hasSuffix("dinner") == true)
        a.fields["extra"] = .many(["TEL:1", "TEL:2"])
        b.fields["extra"] = .many(["TEL:2", "TEL:3"])
        #expect(Set(SyncMerge.merge(base: nil, a, b).many("extra")) == ["TEL:1", "TEL:2", "TEL:3"])
    }
}

/// What a new user's week with Radicale and vdirsyncer found (issue 18).
@Suite struct EngineFindingsTests {
    /// A done task's COMPLETED is a date-time: Radicale refused a date, and vdirsyncer
    /// then stopped the whole journal. A dismissed task has none.
    @Test func aDoneReminderCarriesADateTime() throws {
        var t = SyncRecord(kind: .reminder, uid: "r-1", modified: 0)
        t["text"] = "ask"
        t["due"] = "20261201"
        t["person"] = "p-1"
        t["state"] = "COMPLETED"
        t["closed"] = "20261206"
        let text = SyncCodec.encode(t)
        #expect(text.contains("COMPLETED:20261206T000000Z\r\n") && text.contains("X-KITH-CLOSED:20261206\r\n"))
        #expect(try SyncCodec.decode(text).sameContent(as: t))
        t["state"] = "CANCELLED"
        #expect(!SyncCodec.encode(t).contains("COMPLETED:"))
    }

    /// Every write changes a line vdirsyncer's hash does not ignore: it remembers a hash
    /// of the old content, and an edit back to it (a snooze set, then lifted) was never sent.
    @Test func everyWriteChangesALineVdirsyncerHashes() throws {
        var p = SyncRecord(kind: .person, uid: "p-1", modified: 1000)
        p["name"] = "Zoë"
        let first = SyncCodec.encode(p)
        p.modified = 2000
        let second = SyncCodec.encode(p)
        #expect(first != second && first.contains("X-KITH-REV:1000\r\n"))
        #expect(try SyncCodec.decode(first).sameContent(as: SyncCodec.decode(second)))
    }

    @Test func namesForOtherAppsAreStructuredAsWritten() {
        var p = SyncRecord(kind: .person, uid: "p-1", modified: 0)
        p["name"] = "Smith, Jo"
        #expect(SyncCodec.encode(p).contains("N:Smith;Jo;;;\r\n"))
    }

    @Test func aMalformedFileIsNamedNotQuoted() {
        #expect(throws: SyncFileError("not a vCard or iCalendar file (a line without a colon)")) {
            try SyncCodec.decode("BEGIN:VCARD\nmy secret diary line\nEND:VCARD\n")
        }
    }
}

/// The later edit wins field by field (issue 18, point 6): a field's own time decides,
/// not the time of the record's latest change.
@Suite struct FieldTimeTests {
    @Test func theLaterEditOfAFieldWinsWhateverElseChangedLater() {
        var base = SyncRecord(kind: .person, uid: "p", modified: 1000)
        base["name"] = "Ben"
        var a = base, b = base
        a["snooze"] = "20261220"; a["notes"] = "moved"
        a.fieldTimes = ["snooze": 2000, "notes": 4000, "name": 1000]
        a.modified = 4000
        b["snooze"] = "20261230"
        b.fieldTimes = ["snooze": 3000, "name": 1000]
        b.modified = 3000
        let m = SyncMerge.merge(base: base, a, b)
        #expect(m["snooze"] == "20261230" && m["notes"] == "moved")
        #expect(m.time(of: "snooze") == 3000 && m.time(of: "notes") == 4000)
        // Field times travel in the file, and are not content.
        let back = try? SyncCodec.decode(SyncCodec.encode(m))
        #expect(back?.fieldTimes["snooze"] == 3000 && back?.sameContent(as: m) == true)
    }

    @Test func aFieldKeepsItsTimeUntilItChanges() {
        var old = SyncRecord(kind: .person, uid: "p", modified: 1000)
        old["name"] = "Ben"
        old["snooze"] = "20261220"
        old.fieldTimes = ["snooze": 900]
        var now = old
        now["notes"] = "moved"
        now.modified = 5000
        now.stampFields(since: old, at: 5000)
        #expect(now.time(of: "snooze") == 900 && now.time(of: "name") == 1000 && now.time(of: "notes") == 5000)
    }
}

@Suite struct StructuredNameTests {
    /// What phones show as first and last name: an emoji is no family name, and an East
    /// Asian name is written family name first.
    @Test func namesAreStructuredAsPeopleWriteThem() {
        func n(_ name: String) -> String {
            var p = SyncRecord(kind: .person, uid: "p", modified: 0)
            p["name"] = name
            return SyncCodec.encode(p).split(separator: "\r\n").first { $0.hasPrefix("N:") }.map(String.init) ?? ""
        }
        #expect(n("Ben 🎸") == "N:;Ben;;;")
        #expect(n("Zoë O'Brien 🎉") == "N:O'Brien;Zoë;;;")
        #expect(n("山田 太郎") == "N:山田;太郎;;;")
        #expect(n("Ana María López") == "N:López;Ana María;;;")
        #expect(n("Smith, Jo") == "N:Smith;Jo;;;")
    }
}
