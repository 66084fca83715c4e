import Foundation
import KithTestSupport
import Testing

/// `kith import vcard` and `kith export vcard`, run as a user would.
@Suite struct VCardCommandTests {
    @Test func anAddressBookImportsInOneCommandAndTwiceChangesNothing() {
        let k = Sandbox()
        let book = fixture("vcard")
        let first = k.ok(["import", "vcard", book, "--groups"])
        #expect(first.out == "From 6 files: 8 added, 0 updated, 0 unchanged, 2 not people (groups or organisations); 2 new groups.\n")
        let people = k.ok(["people"]).out
        for name in ["Jürgen Müller", "Małgorzata Łukasz", "Zoë Ångström", "José García", "최유림", "Chidi Okafor",
                     "山田太郎", "Renée François"] {
            #expect(people.contains(name), "\(name) missing from\n\(people)")
        }
        let zoe = k.ok(["show", "zoe"]).out
        #expect(zoe.contains("Zoë Ångström (Zo)"))
        #expect(zoe.contains("15 Apr"))
        #expect(zoe.contains("Book club, Tuesdays, Climbing"))

        let again = k.ok(["import", "vcard", book, "--groups"])
        #expect(again.out == "From 6 files: 0 added, 0 updated, 8 unchanged, 2 not people (groups or organisations).\n")
        #expect(k.ok(["people"]).out == people)
    }

    /// A folder mixing what phones, Windows tools and servers really write (see
    /// Fixtures/vcard-quirks): every card with a name comes in, each field left out is one
    /// line, and importing the folder again updates nobody.
    @Test func aFolderOfRealWorldQuirksImportsEveryNamedCard() {
        let k = Sandbox()
        let dir = fixture("vcard-quirks")
        let r = k.run(["import", "vcard", dir])
        #expect(r.code == 0)
        #expect(r.out == "From 14 files: 19 added, 0 updated, 0 unchanged.\n")
        #expect(r.errLines == [
            "kith: \(dir)/adr-backslash-2.1.vcf:5: skipped an unreadable ADR; the card was imported",
            "kith: \(dir)/android-agent.vcf:6: skipped the card nested in AGENT; the card was imported",
            "kith: \(dir)/android-agent.vcf:19: skipped the card nested in AGENT; the card was imported",
            "kith: \(dir)/ansi-de.vcf:3: not UTF-8 and no CHARSET: read as Windows-1252 (Western European)",
            "kith: \(dir)/ansi-el.vcf:3: not UTF-8 and no CHARSET: read as Windows-1253 (Greek)",
            "kith: \(dir)/ansi-he.vcf:3: not UTF-8 and no CHARSET: read as Windows-1255 (Hebrew)",
            "kith: \(dir)/ansi-uk.vcf:3: not UTF-8 and no CHARSET: read as Windows-1251 (Cyrillic)",
            "kith: \(dir)/birthdays.vcf:4: BDAY \"19723101\" is not a real date: kept in the notes, not as the birthday",
            "kith: \(dir)/birthdays.vcf:9: BDAY \"09001231\" is before 1850: kept in the notes, not as the birthday",
            "kith: \(dir)/birthdays.vcf:14: BDAY \"19020229\" is not a real date: kept in the notes, not as the birthday",
            "kith: \(dir)/comment.vcf:5: skipped a comment line; the card was imported",
            "kith: \(dir)/dup-uid-1.vcf:1: UID c0ffee-0001 is on 3 cards in this import, under 2 names: Sofia Marino keeps it, "
                + "and each other name comes in as a person of its own",
        ])
        let people = k.ok(["people"]).out
        for name in ["Astrid Lindqvist", "Ifeoma Okonkwo", "Hiro Tanaka", "Klaus Weber", "Priya Raman", "Mateo Ruiz",
                     "Agnes Horváth", "Tomasz Nowak", "Jürgen Müller-Lüdenscheidt", "Γιώργος Παπαδόπουλος", "שרה כהן",
                     "Олена Шевченко", "Lena Fischer", "Rui Costa", #"A;B\C;D:E\\"#, "Nadia Al-Rashid", #"A;BC;D:E\"#,
                     "Sofia Marino", "Luca Bianchi"] {
            #expect(people.contains(name), "\(name) missing from\n\(people)")
        }
        #expect(!people.contains("Ole Brandt") && !people.contains("Marta Silva"))   // the nested AGENT cards
        #expect(k.ok(["show", "tomasz"]).out.contains("Birthday: 19020229"))

        let again = k.run(["import", "vcard", dir])
        #expect(again.out == "From 14 files: 0 added, 0 updated, 19 unchanged.\n")
        #expect(again.errLines == r.errLines)
    }

    /// Cards without a usable name, or that never end, are skipped and named; an
    /// impossible birthday or a stray line costs only itself, said as a warning.
    @Test func brokenCardsAreNamedWithTheirLinesAndEveryOtherCardIsIn() {
        let k = Sandbox()
        let dir = fixture("vcard-broken")
        let r = k.run(["import", "vcard", dir + "/mixed.vcf", dir + "/not-a-vcard.vcf"])
        #expect(r.code == 1)
        #expect(r.out == "From 2 files: 5 added, 0 updated, 0 unchanged, 4 skipped.\n")
        #expect(r.errLines == [
            "kith: \(dir)/mixed.vcf:10: BDAY \"1990-02-30\" is not a real date: kept in the notes, not as the birthday",
            "kith: \(dir)/mixed.vcf:31: skipped a line without a ':' (not a vCard property); the card was imported",
            "kith: \(dir)/mixed.vcf:17: card has no name (neither FN nor N)",
            "kith: \(dir)/mixed.vcf:25: a name cannot contain control characters",
            "kith: \(dir)/mixed.vcf:38: card has no END:VCARD",
            "kith: \(dir)/not-a-vcard.vcf:1: not a vCard file (no BEGIN:VCARD)",
        ])
        #expect(k.ok(["people"]).out.split(separator: "\n").dropFirst().map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
                == ["Ana López", "Bad Birthday", "Bo Berg", "Colin wider", "Cy Chen"])
    }

    /// Birthdays follow the CLI's rules, so that whatever a card brings in, a JSON backup
    /// of it restores: Apple's year 1604 is no year, a future or pre-1850 one is named
    /// with its line and kept in the notes, never stored as the birthday.
    @Test func birthdaysTheCLIWouldRefuseAreNotStored() throws {
        let k = Sandbox()
        let file = k.tmp.file("b.vcf")
        FileManager.default.createFile(atPath: file, contents: Data((
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nBDAY:1604-04-15\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo\r\nBDAY:9999-12-31\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cy\r\nBDAY:12000101\r\nEND:VCARD\r\n").utf8))
        let r = k.run(["import", "vcard", file])
        #expect(r.code == 0)
        #expect(r.out == "From 1 file: 3 added, 0 updated, 0 unchanged.\n")
        #expect(r.errLines == ["kith: \(file):9: BDAY \"9999-12-31\" is in the future: kept in the notes, not as the birthday",
                               "kith: \(file):14: BDAY \"12000101\" is before 1850: kept in the notes, not as the birthday"])
        #expect(k.ok(["show", "ana"]).out.contains("birthday     15 Apr\n"))
        let bo = k.ok(["show", "bo"]).out
        #expect(!bo.contains("birthday") && bo.contains("Birthday: 9999-12-31"))
        let backup = k.tmp.file("b.json")
        k.ok(["export", "json", "--out", backup])
        #expect(k.ok(["--store", k.tmp.file("again.sqlite"), "import", "json", backup]).out.hasPrefix("Restored 3 people"))
    }

    /// 10,000 nested BEGIN:VCARD lines once printed 9,999 error lines. A file's problems
    /// and warnings stop after twenty, with a line counting the rest; the summary and the
    /// exit status still count them all, and another file's lines are its own.
    @Test func aFilesProblemsStopAfterTwentyWithACount() {
        let k = Sandbox()
        let nested = k.tmp.file("nested.vcf"), other = k.tmp.file("other.vcf")
        FileManager.default.createFile(atPath: nested, contents: Data((
            String(repeating: "BEGIN:VCARD\r\nVERSION:4.0\r\n", count: 10_000) + "FN:Deep\r\nEND:VCARD\r\n").utf8))
        FileManager.default.createFile(atPath: other, contents: Data(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nEND:VCARD\r\n".utf8))
        let r = k.run(["import", "vcard", nested, other])
        #expect(r.code == 1)
        #expect(r.out == "From 2 files: 2 added, 0 updated, 0 unchanged, 10000 skipped.\n")
        #expect(r.errLines.count == 22)
        #expect(r.errLines.prefix(20) == ArraySlice((0..<20).map { "kith: \(nested):\(1 + 2 * $0): card has no END:VCARD" }))
        #expect(r.errLines.dropFirst(20) == ["kith: \(nested): … and 9,979 more problems like these",
                                             "kith: \(other):1: card has no name (neither FN nor N)"])

        // Warnings count with the problems: a card with 300 categories kith cannot use.
        let groups = k.tmp.file("groups.vcf")
        let bad = (0..<300).map { "g\($0)" + String(repeating: "x", count: 200) }.joined(separator: ",")
        FileManager.default.createFile(atPath: groups, contents: Data("BEGIN:VCARD\r\nFN:Bo\r\nCATEGORIES:ok,\(bad)\r\nEND:VCARD\r\n".utf8))
        let g = k.run(["import", "vcard", groups, "--groups"])
        #expect(g.code == 0)
        #expect(g.out == "From 1 file: 1 added, 0 updated, 0 unchanged; 1 new group.\n")
        #expect(g.errLines.count == 21)
        #expect(g.errLines.first == "kith: \(groups):3: CATEGORIES: left out: a group name can be at most 200 characters")
        #expect(g.errLines.last == "kith: \(groups): … and 280 more problems like these")
    }

    /// One card in 10,000 groups (once 16 s: each new group's name was checked against
    /// every group by a scan of the table).
    @Test func aCardInTenThousandGroupsImportsWhole() {
        let k = Sandbox()
        k.ok(["group", "add", "G7"])
        let file = k.tmp.file("cats.vcf")
        let names = (0..<10_000).map { "g\($0)" }
        FileManager.default.createFile(atPath: file, contents: Data(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cat\r\nCATEGORIES:\(names.joined(separator: ","))\r\nEND:VCARD\r\n".utf8))
        #expect(k.ok(["import", "vcard", file, "--groups"]).out == "From 1 file: 1 added, 0 updated, 0 unchanged; 9999 new groups.\n")
        #expect(k.ok(["import", "vcard", file, "--groups"]).out == "From 1 file: 0 added, 0 updated, 1 unchanged.\n")
        let groups = k.json(["group", "list", "--json"]) as? [[String: Any]] ?? []
        #expect(groups.count == 10_000)
        #expect(Set(groups.compactMap { $0["name"] as? String }) == Set(names.map { $0 == "g7" ? "G7" : $0 }))
        #expect(k.ok(["show", "cat"]).out.contains("g9999"))
    }

    @Test func aDryRunListsWhatWouldHappenAndCreatesNothing() {
        let k = Sandbox()
        let r = k.ok(["import", "vcard", fixture("vcard/apple.vcf"), "--dry-run", "--groups"])
        #expect(r.out == """
            add     Chidi Okafor
            add     山田太郎
            From 1 file: 2 would be added, 0 would be updated, 0 unchanged, 2 not people (groups or organisations). Dry run: nothing was written.

            """)
        #expect(!FileManager.default.fileExists(atPath: k.store))
    }

    @Test func aPathThatDoesNotExistChangesNothing() {
        let k = Sandbox()
        k.ok(["add", "Ana"])
        let before = bytes(of: k.store)
        let r = k.run(["import", "vcard", k.tmp.file("nowhere")])
        #expect(r.code == 1)
        #expect(r.err == "kith: cannot read \(k.tmp.file("nowhere")): no such file or directory\n")
        #expect(bytes(of: k.store) == before)
        #expect(k.run(["import", "vcard", fixture("vcard"), "--circle", "bestie"]).code == 2)
    }

    @Test func exportsAVdirThatKhardListsAndThatImportsBackTheSame() throws {
        let k = Sandbox()
        k.ok(["import", "vcard", fixture("vcard"), "--groups"])
        k.ok(["add", "Ana María López", "--birthday", "1990-04-15", "--circle", "inner", "--group", "Family"])
        let dir = k.tmp.file("contacts")
        #expect(k.ok(["export", "vcard", "--out", dir]).out == "Wrote 9 vCards to \(dir)/.\n")
        #expect(mode(of: dir) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files.count == 9)
        #expect(files.contains("3f1c2a9e-1111-4c1e-9a5e-aaaaaaaaaaaa.vcf"))   // the card's own UID
        for f in files { #expect(mode(of: dir + "/" + f) == 0o600) }

        #expect(files.contains { $0.hasPrefix("urn_uuid_6f0e9d1c-4444-4c1e-9a5e-dddddddddddd-") })

        // Into a new store and out again: the same cards.
        let other = Sandbox()
        #expect(other.ok(["import", "vcard", dir, "--groups"]).out.hasPrefix("From 9 files: 9 added,"))
        let again = other.tmp.file("again")
        other.ok(["export", "vcard", "--out", again])
        for f in files {
            #expect(bytes(of: again + "/" + f) == bytes(of: dir + "/" + f), "\(f) differs after a round trip")
        }
        // And back into the first store: nothing new.
        #expect(k.ok(["import", "vcard", dir, "--groups"]).out.contains(" 0 added,"))
    }

    /// The export read back by vobject (the parser khard and others use) and listed by
    /// khard itself, as an address book would read it.
    @Test func khardListsTheExport() throws {
        let k = Sandbox()
        k.ok(["import", "vcard", fixture("vcard"), "--groups"])
        k.ok(["add", "Ana María López", "--birthday", "1990-04-15", "--circle", "inner", "--group", "Family"])
        let dir = k.tmp.file("contacts")
        k.ok(["export", "vcard", "--out", dir])
        let lines = try checked(dir)
        #expect(lines.contains("Zoë Ångström|3f1c2a9e-1111-4c1e-9a5e-aaaaaaaaaaaa|--0415|Book club, Tuesdays / Climbing"))
        #expect(lines.contains { $0.hasPrefix("Ana María López|") && $0.contains("|19900415|Family") })
        #expect(lines.filter { $0.hasPrefix("khard|") }.count == 9)
        let v3 = k.tmp.file("contacts3")
        k.ok(["export", "vcard", "--v3", "--out", v3])
        #expect(try checked(v3).filter { $0.hasPrefix("khard|") }.count == 9)
    }

    @Test func exportsVCard3ToOneFileOrToStandardOutput() throws {
        let k = Sandbox()
        k.ok(["add", "Zoë", "--birthday", "--04-15"])
        k.ok(["add", "Bo", "--birthday", "1980-02-29"])
        let file = k.tmp.file("all.vcf")
        #expect(k.ok(["export", "vcard", "--v3", "--out", file]).out == "Wrote 2 vCards to \(file).\n")
        #expect(mode(of: file) == 0o600)
        let text = String(decoding: bytes(of: file) ?? Data(), as: UTF8.self)
        #expect(text.components(separatedBy: "BEGIN:VCARD").count == 3)
        #expect(text.contains("VERSION:3.0\r\n"))
        #expect(text.contains("BDAY:--04-15\r\n"))
        #expect(text.contains("BDAY:1980-02-29\r\n"))
        #expect(k.ok(["export", "vcard"]).out.contains("VERSION:4.0\r\n"))
        #expect(k.run(["export", "vcard", "--v2"]).code == 2)
        // Another file at that path is never replaced; an earlier export is.
        let notes = k.tmp.file("notes.vcf")
        FileManager.default.createFile(atPath: notes, contents: Data("my own notes\n".utf8))
        k.fails(["export", "vcard", "--out", notes], code: 1, saying: "exists and is not a vCard file kith wrote")
        #expect(String(decoding: bytes(of: notes) ?? Data(), as: UTF8.self) == "my own notes\n")
        k.ok(["export", "vcard", "--out", file])
    }

    /// A card whose file is named otherwise (DAVx5 and vdirsyncer pick their own names)
    /// is found by the UID inside it and updated in place, never duplicated (issue 18,
    /// point 3); a tab in its note and its other lines stay byte for byte.
    @Test func aCardIsFoundByTheUIDInsideItWhateverItsFileIsCalled() throws {
        let k = Sandbox()
        let vdir = k.tmp.file("contacts")
        try FileManager.default.createDirectory(atPath: vdir, withIntermediateDirectories: true)
        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:6f1c-ana\r\nFN:Ana\r\nTEL;TYPE=CELL:+351 912 345 678\r\n"
            + "NOTE:tea\tno sugar\r\nEND:VCARD\r\n"
        FileManager.default.createFile(atPath: vdir + "/7d3d0e08-b0d4-4bb8.vcf", contents: Data(card.utf8))
        k.ok(["import", "vcard", vdir])
        k.ok(["edit", "ana", "--circle", "inner"])
        #expect(k.ok(["export", "vcard", "--out", vdir, "--v3"]).out == "Wrote 1 vCard to \(vdir)/ (1 updated in place, their other lines kept).\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: vdir) == ["7d3d0e08-b0d4-4bb8.vcf"])
        let out = String(decoding: try #require(bytes(of: vdir + "/7d3d0e08-b0d4-4bb8.vcf")), as: UTF8.self)
        #expect(out.contains("TEL;TYPE=CELL:+351 912 345 678\r\n") && out.contains("NOTE:tea\tno sugar\r\n"), "\(out)")
    }

    /// Kept lines go back byte for byte, in whatever encoding they were: a Latin-1
    /// address, a raw binary photo, a folded line; nothing is decoded or re-folded.
    @Test func keptLinesThatAreNotUTF8GoBackByteForByte() throws {
        let k = Sandbox()
        let vdir = k.tmp.file("contacts")
        try FileManager.default.createDirectory(atPath: vdir, withIntermediateDirectories: true)
        let address: [UInt8] = Array("ADR;CHARSET=ISO-8859-1:;;Stra".utf8) + [0xDF] + Array("e 1;Berlin".utf8)
        let photo: [UInt8] = Array("PHOTO;ENCODING=b:".utf8) + [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x80, 0xC3]
        let folded: [UInt8] = Array("X-LONG:".utf8) + [0xE9] + Array("t\r\n  second half".utf8)
        let crlf: [UInt8] = [0x0D, 0x0A]
        let card = Array("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u-1\r\nFN:Ana\r\n".utf8) + address + crlf + photo + crlf + folded + crlf
            + Array("END:VCARD\r\n".utf8)
        FileManager.default.createFile(atPath: vdir + "/u-1.vcf", contents: Data(card))
        k.ok(["import", "vcard", vdir])
        k.ok(["edit", "ana", "--note", "from kith"])
        #expect(k.ok(["export", "vcard", "--out", vdir]).out == "Wrote 1 vCard to \(vdir)/ (1 updated in place, their other lines kept).\n")
        let out = [UInt8](try #require(bytes(of: vdir + "/u-1.vcf")))
        for kept in [address, photo, folded] {
            #expect(out.indices.contains { out[$0...].starts(with: kept + crlf) }, "\(kept) not kept")
        }
        #expect(String(decoding: out, as: UTF8.self).contains("NOTE:from kith\r\n"))
        #expect(!out.indices.contains { out[$0...].starts(with: [0xEF, 0xBF, 0xBD]) }, "a U+FFFD was written")
    }

    /// Exporting back into the vdir the people came from keeps what kith does not keep.
    @Test func exportingIntoTheSourceVdirKeepsPhonesAndAddresses() throws {
        let k = Sandbox()
        let vdir = k.tmp.file("contacts")
        try FileManager.default.createDirectory(atPath: vdir, withIntermediateDirectories: true)
        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u-1\r\nFN:Ana López\r\nN:López;Ana;;;\r\nTEL;TYPE=CELL:+34 600 000 000\r\n"
            + "item1.EMAIL;TYPE=INTERNET:ana@example.org\r\nCATEGORIES:Work\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\nEND:VCARD\r\n"
        FileManager.default.createFile(atPath: vdir + "/u-1.vcf", contents: Data(card.utf8))
        FileManager.default.createFile(atPath: vdir + "/two.vcf", contents: Data((card + card.replacingOccurrences(of: "u-1", with: "u-2")).utf8))
        k.ok(["import", "vcard", vdir + "/u-1.vcf"])
        k.ok(["edit", "ana", "--birthday", "1990-04-15", "--group", "Climbers"])
        let r = k.ok(["export", "vcard", "--out", vdir])
        #expect(r.out == "Wrote 1 vCard to \(vdir)/ (1 updated in place, their other lines kept).\n")
        let text = String(decoding: bytes(of: vdir + "/u-1.vcf") ?? Data(), as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCARD\r\nVERSION:3.0\r\n"))
        for kept in ["TEL;TYPE=CELL:+34 600 000 000", "item1.EMAIL;TYPE=INTERNET:ana@example.org", "PHOTO;ENCODING=b;TYPE=JPEG:AAAA",
                     "BDAY:1990-04-15", "CATEGORIES:Climbers,Work", "N:López;Ana;;;"] {
            #expect(text.contains(kept + "\r\n"), "\(kept) missing from\n\(text)")
        }
        #expect(text.components(separatedBy: "UID:").count == 2)
        // A file kith cannot safely rewrite is left alone and named.
        k.ok(["add", "Bo"])
        _ = k.ok(["export", "vcard", "--out", vdir])
        #expect(bytes(of: vdir + "/two.vcf") == Data((card + card.replacingOccurrences(of: "u-1", with: "u-2")).utf8))
    }

    @Test func aRenameInKithReachesTheCardAndNamesakeNumbersDoNot() {
        let k = Sandbox()
        let file = k.tmp.file("book.vcf")
        let cards = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:e1\r\nFN:Emma Smith\r\nN:Smith;Emma;;;\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:e2\r\nFN:Emma Smith\r\nN:Smith;Emma;;;\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:l1\r\nFN:Łukasz Wiśniewski\r\nN:Wiśniewski;Łukasz;;;\r\nEND:VCARD\r\n"
        FileManager.default.createFile(atPath: file, contents: Data(cards.utf8))
        k.ok(["import", "vcard", file])
        k.ok(["edit", "lukasz", "--rename", "Luke W"])
        let out = k.ok(["export", "vcard"]).out
        #expect(out.contains("FN:Luke W\r\nN:W;Luke;;;\r\n"))
        #expect(out.components(separatedBy: "FN:Emma Smith\r\nN:Smith;Emma;;;\r\n").count == 3)   // no "(2)" in the address book
        #expect(!out.contains("(2)"))
        let dir = k.tmp.file("rt")
        k.ok(["export", "vcard", "--out", dir])
        #expect(k.ok(["import", "vcard", dir]).out.contains(" 0 updated, 3 unchanged"))
        #expect(k.ok(["import", "vcard", file]).out.contains(" 0 updated,"))
    }

    /// Importing kith's own export changes nothing the user can see, and says so: the
    /// structured name kith wrote for people added in kith is not an update.
    @Test func importingKithsOwnExportSaysNothingWasUpdated() {
        let k = Sandbox()
        k.ok(["add", "Ana María López", "--birthday", "1990-04-15"])
        k.ok(["add", "Bo"])
        k.ok(["import", "vcard", fixture("vcard/apple.vcf")])
        let dir = k.tmp.file("out")
        k.ok(["export", "vcard", "--out", dir])
        #expect(k.ok(["import", "vcard", dir]).out == "From 4 files: 0 added, 0 updated, 4 unchanged.\n")
        #expect(k.ok(["import", "vcard", dir]).out == "From 4 files: 0 added, 0 updated, 4 unchanged.\n")
    }

    @Test func standardInputAndFilesThatAreNotFiles() throws {
        let k = Sandbox()
        let r = k.ok(["import", "vcard", "-"], stdin: "BEGIN:VCARD\nVERSION:3.0\nFN:From A Pipe\nEND:VCARD\n")
        #expect(r.out == "From 1 file: 1 added, 0 updated, 0 unchanged.\n")
        let fifo = k.tmp.file("pipe.vcf")
        #expect(mkfifo(fifo, 0o600) == 0)
        let bad = k.run(["import", "vcard", fifo])        // must not hang on the FIFO
        #expect(bad.code == 1)
        #expect(bad.err == "kith: \(fifo): cannot be read: not a regular file\n")
    }

    @Test func exportingAStoreThatIsNotThereFails() {
        let k = Sandbox()
        for format in ["json", "csv", "ics", "vcard"] {
            k.fails(["export", format], code: 1, saying: "there is no store at")
        }
    }

    func checked(_ dir: String) throws -> [String] { try readBack(with: "check_vcard.py", dir, reader: "vobject or khard") }
}
