import Foundation
import KithCore
import KithStore
import KithSync
import KithTestSupport
import Testing
@testable import KithSyncFolder

/// Two devices with two stores sharing one folder (as Syncthing would share it, or as
/// an engine leaves it after carrying the other device's files in).
@Suite struct SyncFolderTests {
    let dir = TempDir()
    let today = Day(year: 2026, month: 11, day: 22)!
    var clock: Int64 = 1_764_000_000_000

    func device(_ name: String) throws -> (Store, SyncFolder) {
        let store = try Store(path: dir.file("\(name).sqlite"))
        return (store, SyncFolder(root: dir.file("vdir"), store: store, now: { 1_764_000_000_000 }))
    }

    @discardableResult
    func sync(_ f: SyncFolder) throws -> SyncReport {
        var r = SyncReport()
        try f.writeOut(&r)
        try f.readIn(&r)
        return r
    }

    func fill(_ a: Store) throws {
        let hard = "Zoë O'Brien, Jr.; \\ 李小龍 🎸"
        let zoe = try a.addPerson(Person(id: 0, name: hard, nickname: "Zo", circle: .inner, cadenceDays: 7,
                                         birthday: Birthday(month: 11, day: 30, year: 1990), bond: .both,
                                         notes: "line one, with a comma\nline two; a semicolon", addedOn: today.adding(days: -400)))
        let ben = try a.addPerson(Person(id: 0, name: "Ben", circle: .friends, addedOn: today.adding(days: -10)))
        let g = try a.addGroup(name: "Book club, Thursdays", cadenceDays: 30, notes: "at Ana's", addedOn: today, members: [zoe.id, ben.id])
        _ = try a.addMoment(Moment(day: today.adding(days: -2), time: TimeOfDay(minutes: 18 * 60 + 30), people: [zoe.id, ben.id], groupID: g.id,
                                   channel: .call, initiator: .them, kinds: [.fun, .heartToHeart],
                                   emotions: [EmotionTag(word: "happy", intensity: 1), EmotionTag(word: "sad", intensity: 2)],
                                   uplift: -1, depth: .vulnerable, received: .safe, note: hard + "\n\ttabbed"), createdAt: 1_700_000_000)
        _ = try a.addMoment(Moment(day: today, people: [ben.id], note: "coffee"), createdAt: 1_700_000_100)
        _ = try a.addReminder(Reminder(personID: zoe.id, text: "ask how the interview went, and the move", on: today.adding(days: 3)), createdAt: 1)
        try a.snooze(person: ben.id, until: today.adding(days: 5))
        try a.saveSelfCheckin(SelfCheckin(day: today, closeness: 5, emotions: [EmotionTag(word: "calm", intensity: 2)],
                                          loneliness: Loneliness(lackCompanionship: .someOfTheTime, leftOut: .often, isolated: .hardlyEver)),
                              createdAt: 1)
    }

    func records(_ s: Store) throws -> [String: SyncRecord] {
        var out: [String: SyncRecord] = [:]
        for (kind, uid) in try s.syncUIDs() { out["\(kind.rawValue)/\(uid)"] = try s.syncRecord(kind, uid: uid) }
        return out
    }

    func mtimes() -> [String: String] {
        var out: [String: String] = [:]
        for folder in ["contacts", "journal"] {
            for name in SyncFolder.files(in: dir.file("vdir/\(folder)")) {
                out[folder + "/" + name] = SyncFolder.stat(dir.file("vdir/\(folder)/\(name)"))
            }
        }
        return out
    }

    @Test func everythingArrivesIntactAndASecondSyncChangesNothing() throws {
        let (a, fa) = try device("a"), (b, fb) = try device("b")
        try fill(a)
        let first = try sync(fa)
        // Two people (Ben's snooze rides on his card), a group, two moments, a reminder, a day.
        #expect(first.sent == 7 && first.problems.isEmpty, "\(first)")
        #expect(mode(of: dir.file("vdir")) == 0o700 && mode(of: dir.file("vdir/journal")) == 0o700)
        let got = try sync(fb)
        #expect(got.received == 7 && got.problems.isEmpty, "\(got)")
        #expect(try records(a) == records(b))
        let files = mtimes()
        #expect(files.count == 7)
        let again = try [sync(fa), sync(fb)]
        #expect(again.allSatisfy { $0 == SyncReport() }, "\(again)")
        #expect(mtimes() == files)
        for name in files.keys { #expect(mode(of: dir.file("vdir/" + name)) == 0o600) }
    }

    @Test func editsAndDeletesTravelAndDifferentEditsMerge() throws {
        let (a, fa) = try device("a"), (b, fb) = try device("b")
        try fill(a)
        try sync(fa); try sync(fb)
        // Different fields of one moment, edited on both devices before either syncs.
        var onA = try a.moments(MomentFilter(), limit: 10).first { $0.note == "coffee" }!
        var onB = try b.moments(MomentFilter(), limit: 10).first { $0.note == "coffee" }!
        onA.note = "coffee and cake"
        onB.channel = .video
        onB.emotions = [EmotionTag(word: "grateful", intensity: 2)]
        _ = try a.updateMoment(onA)
        _ = try b.updateMoment(onB)
        // The moment, and Ben, whose snooze a moment with him lifts.
        #expect(try sync(fa).sent == 2)
        let merged = try sync(fb)
        #expect(merged.merged == 1, "\(merged)")
        #expect(try sync(fa).received == 1)
        #expect(try records(a) == records(b))
        for s in [a, b] {
            let m = try s.moments(MomentFilter(), limit: 10).first { $0.note.hasPrefix("coffee") }!
            #expect(m.note == "coffee and cake" && m.channel == .video && m.emotions == [EmotionTag(word: "grateful", intensity: 2)])
        }
        // A delete on A reaches B.
        try a.deleteMoment(id: onA.id)
        #expect(try sync(fa).deletedThere == 1)
        #expect(try sync(fb).deletedHere == 1)
        #expect(try b.moments(MomentFilter(), limit: 10).contains { $0.note.hasPrefix("coffee") } == false)
    }

    /// A server hands files back re-folded, re-ordered, with LF ends: the same records,
    /// so nothing is received and nothing is rewritten.
    @Test func aFileRewrittenByAServerIsNotRewrittenByKith() throws {
        let (a, fa) = try device("a")
        try fill(a)
        try sync(fa)
        for name in SyncFolder.files(in: dir.file("vdir/journal")) {
            let path = dir.file("vdir/journal/" + name)
            let text = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
            let lines = ContentLinesForTests.unfold(text)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        let files = mtimes()
        let r = try sync(fa)
        #expect(r == SyncReport(), "\(r)")
        #expect(mtimes() == files)
    }

    @Test func badFilesAreReportedAndLeftAlone() throws {
        let (a, fa) = try device("a")
        try fill(a)
        try sync(fa)
        try Data("BEGIN:VCARD\nFN:nobody\nEND:VCARD\n".utf8).write(to: URL(fileURLWithPath: dir.file("vdir/contacts/broken.vcf")))
        let moment = "BEGIN:VCALENDAR\nBEGIN:VJOURNAL\nUID:m-x\nDTSTART;VALUE=DATE:20261101\nX-KITH-PERSON:unknown-uid\nEND:VJOURNAL\nEND:VCALENDAR\n"
        try Data(moment.utf8).write(to: URL(fileURLWithPath: dir.file("vdir/journal/m-x.ics")))
        let r = try sync(fa)
        #expect(r.problems.count == 2, "\(r.problems)")
        #expect(r.problems.contains("contacts/broken.vcf: no UID; left as it is"))
        #expect(r.problems.contains { $0.contains("m-x.ics") && $0.contains("names nobody kith knows") })
        #expect(FileManager.default.fileExists(atPath: dir.file("vdir/contacts/broken.vcf")))
        // Still reported next time: nothing was taken in, nothing lost.
        #expect(try sync(fa).problems.count == 2)
    }

    /// A journal entry written on a phone (jtx Board): a date, a note, and who it was
    /// with by name in its categories. It becomes a moment with that person.
    @Test func aPhonesJournalEntryBecomesAMoment() throws {
        let (a, fa) = try device("a")
        try fill(a)
        try sync(fa)
        let entry = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//jtx Board//EN\nBEGIN:VJOURNAL\nUID:jtx-1234\nDTSTAMP:20261121T090000Z\n"
            + "DTSTART;VALUE=DATE:20261121\nSUMMARY:Lunch\nDESCRIPTION:lunch by the river\\, long talk\nCATEGORIES:Ben,Work\n"
            + "X-JTX-COLOR:-16776961\nEND:VJOURNAL\nEND:VCALENDAR\n"
        try Data(entry.utf8).write(to: URL(fileURLWithPath: dir.file("vdir/journal/jtx-1234.ics")))
        let r = try sync(fa)
        #expect(r.received == 1 && r.problems.isEmpty, "\(r)")
        let m = try #require(try a.moments(MomentFilter(), limit: 10).first { $0.note == "lunch by the river, long talk" })
        #expect(try a.person(id: m.people[0]).name == "Ben" && m.day == Day(year: 2026, month: 11, day: 21))
        // Its own lines stay in the file, untouched: kith does not rewrite what it did not change.
        #expect(try sync(fa) == SyncReport())
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.file("vdir/journal/jtx-1234.ics"))), as: UTF8.self) == entry)
    }

    /// An engine's error lines are the ones said (the last two lines once left out the
    /// one naming the refused record).
    @Test func anEnginesErrorLinesAreTheOnesSaid() {
        let out = "Syncing kith_journal\nerror: Unknown error occurred for kith_journal: 400 Bad Request: r-1.ics\nerror: Use -vdebug to see the full traceback.\nCopying (updating) item self-1 to kith_journal_remote\n"
        #expect(SyncEngine.tail(out) == ": error: Unknown error occurred for kith_journal: 400 Bad Request: r-1.ics")
        #expect(SyncEngine.tail("a\nb\nc\n") == ": b / c")
    }

    /// Refused before the engine runs: git would otherwise push the emptied folder.
    @Test func anEmptiedFolderIsRefusedBeforeTheEngine() throws {
        let (a, fa) = try device("a")
        try fill(a)
        try sync(fa)
        for name in SyncFolder.files(in: dir.file("vdir/contacts")) { unlink(dir.file("vdir/contacts/" + name)) }
        #expect(throws: SyncFolder.Failure.self) { try fa.checkNotEmptied(allowEmptying: false) }
        try fa.checkNotEmptied(allowEmptying: true)
    }

    /// Two devices each added "Kai": the other's card is refused by name, and comes in at
    /// the next sync once one of them is renamed (it was never tried again).
    @Test func aRefusedFileIsTriedAgainOnceTheClashIsGone() throws {
        let (a, fa) = try device("a"), (b, fb) = try device("b")
        _ = try a.addPerson(Person(id: 0, name: "Kai", circle: .friends, addedOn: today))
        let kai = try b.addPerson(Person(id: 0, name: "Kai", circle: .inner, addedOn: today))
        try sync(fa)
        let refused = try sync(fb)
        #expect(refused.problems.count == 1 && refused.problems[0].contains("someone named \"Kai\" is already in kith"), "\(refused)")
        var renamed = kai
        renamed.name = "Kai B"
        _ = try b.updatePerson(id: kai.id, renamed, today: today)
        let retried = try sync(fb)
        #expect(retried.received == 1 && retried.problems.isEmpty, "\(retried)")
        #expect(try b.people().map(\.name).sorted() == ["Kai", "Kai B"])
        try sync(fa)
        #expect(try records(a) == records(b))
    }

    /// The later snooze wins even when the other device changed something else later
    /// (the record's latest change once decided every field).
    @Test func theLaterEditOfAFieldWinsAcrossDevices() throws {
        let (a, fa) = try device("a"), (b, fb) = try device("b")
        let ben = try a.addPerson(Person(id: 0, name: "Ben", circle: .friends, addedOn: today))
        try sync(fa); try sync(fb)
        let benB = try #require(try b.people().first { $0.name == "Ben" })
        try a.snooze(person: ben.id, until: today.adding(days: 28))
        try sync(fa)
        Thread.sleep(forTimeInterval: 0.02)
        try b.snooze(person: benB.id, until: today.adding(days: 38))
        Thread.sleep(forTimeInterval: 0.02)
        var edited = try a.person(id: ben.id)
        edited.notes = "moved to Porto"
        _ = try a.updatePerson(id: ben.id, edited, today: today)
        try sync(fa)
        #expect(try sync(fb).merged == 1)
        try sync(fa)
        for s in [a, b] {
            let p = try #require(try s.people().first { $0.name == "Ben" })
            #expect(p.notes == "moved to Porto")
            #expect(try s.snoozes().people[p.id] == today.adding(days: 38))
        }
    }

    /// A moment naming a group this store does not have (held back by a name clash, or
    /// not arrived) waits, and comes in with its group once the group does: it once came
    /// in without one, and an edit then took the group away on every device.
    @Test func aMomentWaitsForItsGroup() throws {
        let (a, fa) = try device("a"), (b, fb) = try device("b")
        _ = try a.addGroup(name: "Family", cadenceDays: nil, notes: "", addedOn: today)
        let zoe = try b.addPerson(Person(id: 0, name: "Zoë", circle: .friends, addedOn: today))
        let family = try b.addGroup(name: "Family", cadenceDays: nil, notes: "", addedOn: today, members: [zoe.id])
        _ = try b.addMoment(Moment(day: today, people: [zoe.id], groupID: family.id, note: "family dinner"), createdAt: 0)
        try sync(fa)
        try sync(fb)
        let held = try sync(fa)
        #expect(held.problems.contains { $0.contains("a group named \"Family\" is already in kith") }, "\(held)")
        #expect(held.problems.contains { $0.contains("names a group kith does not have") }, "\(held)")
        #expect(try a.moments(MomentFilter(), limit: 10).isEmpty)
        _ = try b.updateGroup(id: family.id, name: "Family Z", cadenceDays: nil, notes: "")
        try sync(fb)
        let arrived = try sync(fa)
        #expect(arrived.problems.isEmpty, "\(arrived)")
        let m = try #require(try a.moments(MomentFilter(), limit: 10).first)
        #expect(try a.group(id: try #require(m.groupID)).name == "Family Z")
    }

    /// A person deleted elsewhere who has moments here is archived, and their card goes
    /// back into the folder: a new device once never got them, and lost them from
    /// shared moments.
    @Test func aPersonDeletedElsewhereWithMomentsComesBackArchived() throws {
        let (a, fa) = try device("a")
        try fill(a)
        try sync(fa)
        let ben = try #require(try a.people().first { $0.name == "Ben" })
        let card = dir.file("vdir/contacts/\(try #require(ben.uid)).vcf")
        unlink(card)
        let r = try sync(fa)
        #expect(r.archivedHere == 1 && r.deletedHere == 0 && r.line.contains("archived 1 deleted elsewhere"), "\(r)")
        #expect(try a.person(id: ben.id).archived)
        #expect(try sync(fa).sent == 1)
        #expect(FileManager.default.fileExists(atPath: card))
        let (c, fc) = try device("c")
        try sync(fc)
        #expect(try records(a) == records(c))
    }

    /// A folder that held one record, emptied, is refused like any emptied folder.
    @Test func anEmptiedFolderOfOneRecordIsRefused() throws {
        let (a, fa) = try device("a")
        let ana = try a.addPerson(Person(id: 0, name: "Ana", circle: .friends, addedOn: today))
        _ = try a.addMoment(Moment(day: today, people: [ana.id], note: "only one"), createdAt: 0)
        try sync(fa)
        for name in SyncFolder.files(in: dir.file("vdir/journal")) { unlink(dir.file("vdir/journal/" + name)) }
        #expect(throws: SyncFolder.Failure.self) { try fa.checkNotEmptied(allowEmptying: false) }
        #expect(throws: SyncFolder.Failure.self) { try sync(fa) }
        #expect(try a.moments(MomentFilter(), limit: 10).count == 1)
    }

    /// `--rewrite`: a folder emptied by mistake is written anew.
    @Test func aForgottenFolderIsWrittenAnew() throws {
        let (a, fa) = try device("a")
        try fill(a)
        try sync(fa)
        for name in SyncFolder.files(in: dir.file("vdir/journal")) { unlink(dir.file("vdir/journal/" + name)) }
        #expect(throws: SyncFolder.Failure.self) { try fa.checkNotEmptied(allowEmptying: false) }
        try fa.forgetFolder()
        try fa.checkNotEmptied(allowEmptying: false)
        let r = try sync(fa)
        #expect(r.sent == 4 && r.problems.isEmpty, "\(r)")
        #expect(SyncFolder.files(in: dir.file("vdir/journal")).count == 4)
    }

    @Test func anEmptiedFolderDeletesNothing() throws {
        let (a, fa) = try device("a")
        try fill(a)
        try sync(fa)
        for name in SyncFolder.files(in: dir.file("vdir/journal")) { unlink(dir.file("vdir/journal/" + name)) }
        #expect(throws: SyncFolder.Failure.self) { try sync(fa) }
        #expect(try a.moments(MomentFilter(), limit: 10).count == 2)
    }
}

/// The unfolding the codec uses, to play a server that returns unfolded LF lines.
enum ContentLinesForTests {
    static func unfold(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            if line.hasPrefix(" "), !out.isEmpty { out[out.count - 1] += line.dropFirst() } else { out.append(line) }
        }
        return out
    }
}
