import Foundation
import KithTestSupport
import GRDB
import Testing
import KithCore
@testable import KithStore

@Suite struct StoreOpeningTests {
    @Test func createsDirectory0700AndFile0600WithTheSchema() throws {
        let tmp = TempDir()
        let path = tmp.file("a/b/kith.sqlite")
        let store = try Store(path: path)
        #expect(store.isNew)
        #expect(mode(of: tmp.file("a/b")) == 0o700)
        #expect(mode(of: tmp.file("a")) == 0o700)
        #expect(mode(of: path) == 0o600)
        #expect(try store.appliedMigrations() == Schema.allMigrations)
        let (journal, fk, app) = try store.queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode")!, try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!,
             try Int32.fetchOne(db, sql: "PRAGMA application_id")!)
        }
        #expect(journal == "wal")
        #expect(fk == 1)
        #expect(app == Schema.applicationID)
        #expect(store.warnings.isEmpty)
    }

    @Test func reopeningChangesNothing() throws {
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        do { _ = try Store(path: path) }
        let before = bytes(of: path)
        do {
            let again = try Store(path: path)
            #expect(!again.isNew)
            _ = try again.people()
        }
        #expect(bytes(of: path) == before)
    }

    @Test func migrationFromAnEmptyFile() throws {
        // An empty file is what SQLite calls an empty database: kith makes it a store.
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data())
        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Schema.allMigrations)
        let tables = try store.queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for t in ["groups", "memberships", "moment_emotions", "moment_people", "moments", "people", "settings"] {
            #expect(tables.contains(t))
        }
    }

    /// An emptied file whose store has daily copies held moments once: refused, naming
    /// the newest copy, and left as it is.
    @Test func anEmptiedStoreWithDailyCopiesIsRefused() throws {
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        do {
            let store = try Store(path: path)
            _ = try store.addPerson(Person(id: 0, name: "Zoë", addedOn: Day(year: 2026, month: 11, day: 20)!))
            try store.dailyBackup(today: Day(year: 2026, month: 11, day: 21)!, keep: 3)
            try store.dailyBackup(today: Day(year: 2026, month: 11, day: 22)!, keep: 3)
        }
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        truncate(path, 0)
        #expect(throws: StoreError.cannotOpen(path, "the file is empty, yet daily copies of it exist; kith restore "
                                              + tmp.file("backups/daily-2026-11-22-kith.sqlite")
                                              + " puts the newest back (or remove the empty file to start afresh)")) {
            try Store(path: path)
        }
        #expect(bytes(of: path)?.isEmpty == true)
        // Another store's copies say nothing about this one.
        FileManager.default.createFile(atPath: tmp.file("other.sqlite"), contents: Data())
        #expect(try Store(path: tmp.file("other.sqlite")).people().isEmpty)
    }

    /// A -shm file left read-only by a session on a read-only store is made the store's
    /// 0600 again once the store is writable; otherwise every write would fail.
    @Test func aReadOnlySharedMemoryFileIsMended() throws {
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        do { _ = try Store(path: path) }
        FileManager.default.createFile(atPath: path + "-shm", contents: Data(count: 32768))
        chmod(path + "-shm", 0o400)
        let store = try Store(path: path)
        #expect(mode(of: path + "-shm") == 0o600)
        _ = try store.addPerson(Person(id: 0, name: "Zoë", addedOn: Day(year: 2026, month: 11, day: 20)!))
    }

    /// Every earlier schema upgrades in place, keeping its data.
    @Test func migratesAV1StoreKeepingEverything() throws {
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        do {
            let q = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(q, upTo: "v1-people-groups-moments")
            try q.write { db in
                try db.execute(sql: "INSERT INTO people (name, added_day) VALUES ('Zoë', 20000)")
                try db.execute(sql: "INSERT INTO moments (day, channel, initiator, created_at) VALUES (20400, 'call', 'me', 0)")
                try db.execute(sql: "INSERT INTO moment_people VALUES (1, 1, 20400)")
            }
        }
        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Schema.allMigrations)
        #expect(try store.people().map(\.name) == ["Zoë"])
        #expect(try store.moments(MomentFilter()).count == 1)
        // v5 counted the moment already there into its month.
        #expect(try store.recentActivity(until: Day(ordinal: 20400)).people[1]?.last == 1)
        // v6 wrote down the last day of the moment already there.
        #expect(try store.lastMomentDays() == [1: Day(ordinal: 20400)])
        #expect(try store.integrityProblems().isEmpty)
        try store.snooze(person: 1, until: Day(ordinal: 20500))
        #expect(try store.snoozes().people == [1: Day(ordinal: 20500)])
    }

    /// v3 gives everyone already in the store a vCard UID of their own.
    @Test func migratingAV2StoreGivesEachPersonAUID() throws {
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        do {
            let q = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(q, upTo: "v2-snoozes-reminders")
            try q.write { db in
                try db.execute(sql: "INSERT INTO people (name, added_day) VALUES ('Zoë', 20000), ('Bo', 20001)")
            }
        }
        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Schema.allMigrations)
        let uids = try store.people().compactMap(\.uid)
        #expect(uids.count == 2)
        #expect(Set(uids).count == 2)
        #expect(uids.allSatisfy { UUID(uuidString: $0) != nil })
        #expect(try store.people().allSatisfy { $0.card == nil })
    }

    @Test func warnsWhenTheFileIsReadableByOthers() throws {
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        do { _ = try Store(path: path) }
        chmod(path, 0o644)
        let store = try Store(path: path)
        #expect(store.warnings.count == 1)
        #expect(store.warnings[0].contains("chmod 600 '\(path)'"))
        // A directory others can list is named too; a private one with private files is quiet.
        chmod(tmp.path, 0o755)
        #expect(try Store(path: path).warnings.first?.contains("chmod 700 '\(tmp.path)'") == true)
        // The WAL files SQLite made while the file was loose took its mode: named too.
        chmod(tmp.path, 0o700)
        chmod(path, 0o600)
        let wal = try Store(path: path).warnings.first ?? ""
        #expect(wal.contains("-wal'") || wal.contains("-shm'") || wal.isEmpty, "\(wal)")
        for f in [path, path + "-wal", path + "-shm"] { chmod(f, 0o600) }
        #expect(try Store(path: path).warnings.isEmpty)
    }

    @Test func refusesAFileThatIsNotADatabaseAndLeavesItUntouched() throws {
        let tmp = TempDir()
        let path = tmp.file("notes.txt")
        let text = Data(String(repeating: "my diary, not a database\n", count: 200).utf8)
        FileManager.default.createFile(atPath: path, contents: text)
        #expect(throws: StoreError.notAStore(path, "the file is not an SQLite database")) { try Store(path: path) }
        #expect(bytes(of: path) == text)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesAnotherProgramsDatabaseAndLeavesItUntouched() throws {
        let tmp = TempDir()
        let path = tmp.file("other.sqlite")
        do {
            let q = try DatabaseQueue(path: path)
            try q.write { try $0.execute(sql: "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')") }
        }
        let before = bytes(of: path)
        #expect(throws: StoreError.notAStore(path, "it is an SQLite database of another program")) { try Store(path: path) }
        #expect(bytes(of: path) == before)
    }

    @Test func refusesAStoreFromANewerKith() throws {
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        do {
            let store = try Store(path: path)
            try store.queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        }
        let before = bytes(of: path)
        #expect(throws: StoreError.newerStore(path)) { try Store(path: path) }
        #expect(bytes(of: path) == before)
    }

    @Test func unwritablePlacesGiveOneLine() throws {
        let tmp = TempDir()
        FileManager.default.createFile(atPath: tmp.file("plain"), contents: Data("x".utf8))
        #expect(throws: StoreError.cannotCreate(tmp.file("plain"), "it is not a directory")) {
            try Store(path: tmp.file("plain/kith.sqlite"))
        }
        #expect(throws: StoreError.cannotOpen(tmp.path, "it is a directory, not a store file")) { try Store(path: tmp.path) }
    }

    @Test func resolvesThePathLikeTheREADMESays() {
        #expect(StoreLocation.resolve(explicit: "/x/s.sqlite", environment: ["KITH_STORE": "/y"]) == "/x/s.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["KITH_STORE": "/y/k.sqlite", "XDG_DATA_HOME": "/d"]) == "/y/k.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/kith/kith.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/kith/kith.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/kith/kith.sqlite")
    }
}

@Suite struct StoreDataTests {
    let tmp = TempDir()
    let day = Day(year: 2026, month: 11, day: 22)!

    func store() throws -> Store { try Store(path: tmp.file("kith.sqlite")) }

    @Test func peopleAndGroupsRoundTrip() throws {
        let s = try store()
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë Ångström", nickname: "Zo", circle: .inner,
                                               birthday: Birthday(month: 4, day: 15, year: nil), bond: .both, notes: "n", addedOn: day), newGroups: ["Family"])
        let taro = try s.addPerson(Person(id: 0, name: "山田太郎", cadenceDays: 10, addedOn: day))
        #expect(zoe.circle == .inner && zoe.nickname == "Zo" && zoe.birthday?.description == "--04-15" && zoe.bond == .both)
        #expect(taro.effectiveCadenceDays == 10)
        #expect(try s.people().map(\.name) == ["Zoë Ångström", "山田太郎"])
        #expect(try s.groupNamesByPerson()[zoe.id] == ["Family"])
        try s.setArchived(id: taro.id, true)
        #expect(try s.people().map(\.name) == ["Zoë Ångström"])
        #expect(try s.people(includeArchived: true).count == 2)
        let family = try s.groups()[0]
        let renamed = try s.updateGroup(id: family.id, name: "Kin", cadenceDays: 14, notes: "", adding: [taro.id])
        #expect(renamed.name == "Kin" && renamed.effectiveCadenceDays == 14)
        #expect(Set(try s.memberIDs(group: family.id)) == [zoe.id, taro.id])
        #expect(try s.groupOverview()[0].members == ["Zoë Ångström"]) // archived members are not listed
    }

    @Test func aFailedActionWritesNothing() throws {
        let s = try store()
        _ = try s.addPerson(Person(id: 0, name: "Ana", addedOn: day))
        _ = try s.addGroup(name: "Club", cadenceDays: nil, notes: "", addedOn: day)
        // The new group "Runners" would be created first, then the duplicate name fails: nothing of it stays.
        #expect(throws: StoreError.self) {
            try s.addPerson(Person(id: 0, name: "Ana", addedOn: day), newGroups: ["Runners"])
        }
        #expect(try s.groups().map(\.name) == ["Club"])
        #expect(throws: StoreError.conflict("a group named \"Club\" already exists")) {
            try s.addPerson(Person(id: 0, name: "Bo", addedOn: day), newGroups: ["Club"])
        }
        #expect(try s.people().map(\.name) == ["Ana"])
    }

    @Test func namesThatDifferOnlyInCaseOrAccentsAreTaken() throws {
        let s = try store()
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë Ångström", addedOn: day))
        #expect(throws: StoreError.self) { try s.addPerson(Person(id: 0, name: "ZOE ANGSTROM", addedOn: day)) }
        let ana = try s.addPerson(Person(id: 0, name: "Ana", addedOn: day))
        #expect(throws: StoreError.self) { try s.updatePerson(id: ana.id, Person(id: 0, name: "zoë ångström", addedOn: day), today: day) }
        // A person may change the case of their own name.
        #expect(try s.updatePerson(id: zoe.id, Person(id: 0, name: "ZOË Ångström", addedOn: day), today: day).name == "ZOË Ångström")
        _ = try s.addGroup(name: "Book club", cadenceDays: nil, notes: "", addedOn: day)
        #expect(throws: StoreError.self) { try s.addGroup(name: "book CLUB", cadenceDays: nil, notes: "", addedOn: day) }
    }

    @Test func anEmptyStoreInMemoryLeavesNoFile() throws {
        let path = tmp.file("never/kith.sqlite")
        let s = try Store(emptyInMemoryFor: path)
        #expect(try s.people().isEmpty && s.moments(MomentFilter()).isEmpty)
        #expect(StoreLocation.isAbsent(path))
        #expect(!FileManager.default.fileExists(atPath: tmp.file("never")))
    }

    @Test func snoozesAreLiftedByLoggingAndRemindersOpenAndClose() throws {
        let s = try store()
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: day))
        let club = try s.addGroup(name: "Club", cadenceDays: nil, notes: "", addedOn: day, members: [zoe.id])
        try s.snooze(person: zoe.id, until: day.adding(days: 5))
        try s.snooze(group: club.id, until: day.adding(days: 9))
        try s.snooze(person: zoe.id, until: day.adding(days: 7))      // replaces
        #expect(try s.snoozes() == Snoozes(people: [zoe.id: day.adding(days: 7)], groups: [club.id: day.adding(days: 9)]))
        _ = try s.addMoment(Moment(day: day, people: [zoe.id], groupID: club.id), createdAt: 0)
        #expect(try s.snoozes() == Snoozes())
        try s.snooze(person: zoe.id, until: day.adding(days: 3))
        try s.snooze(person: zoe.id, until: nil)
        #expect(try s.snoozes() == Snoozes())

        let r = try s.addReminder(Reminder(personID: zoe.id, text: "ask how the interview went", on: day.adding(days: 2)), createdAt: 0)
        _ = try s.addReminder(Reminder(groupID: club.id, text: "book the room", on: day), createdAt: 0)
        #expect(try s.reminders().map(\.text) == ["book the room", "ask how the interview went"])
        #expect(try s.setReminder(id: r.id, state: .done, on: day).state == .done)
        #expect(try s.reminders().map(\.text) == ["book the room"])
        #expect(try s.reminders(includeClosed: true).count == 2)
        #expect(throws: StoreError.self) { try s.setReminder(id: 999, state: .done, on: day) }
        #expect(throws: StoreError.self) { try s.addReminder(Reminder(personID: 999, text: "x", on: day), createdAt: 0) }
    }

    @Test func constraintsHoldEvenForRawSQL() throws {
        let s = try store()
        let bad = [
            "INSERT INTO people (name, circle, added_day) VALUES ('x', 'besties', 0)",
            "INSERT INTO people (name, added_day) VALUES ('  ', 0)",
            "INSERT INTO people (name, birthday_month, added_day) VALUES ('x', 4, 0)",
            "INSERT INTO moments (day, channel, initiator, uplift, created_at) VALUES (0, 'call', 'me', 5, 0)",
            "INSERT INTO moments (day, channel, initiator, created_at) VALUES (0, 'pigeon', 'me', 0)",
            "INSERT INTO moments (day, channel, initiator, depth, received, created_at) VALUES (0, 'call', 'me', 'light', 'safe', 0)",
            "INSERT INTO moment_people (moment_id, person_id, day) VALUES (999, 999, 0)",
        ]
        for sql in bad {
            #expect(throws: DatabaseError.self, "\(sql)") { try s.queue.write { try $0.execute(sql: sql) } }
        }
    }

    /// The last page read from its end, the page above any moment by the index, and the
    /// count: the same moments, in the same order, as reading page after page from the top,
    /// with timed and untimed moments on the same days and ties broken by entry order.
    @Test func pagesFromTheEndAndAboveAgreeWithThePagesFromTheTop() throws {
        let s = try store()
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: day))
        let bo = try s.addPerson(Person(id: 0, name: "Bo", addedOn: day))
        for i in 0..<60 {
            let time: TimeOfDay? = i % 3 == 0 ? nil : TimeOfDay(hour: (i * 7) % 24, minute: 0)
            _ = try s.addMoment(Moment(day: day.adding(days: -(i / 4)), time: time, people: i % 5 == 0 ? [bo.id] : [zoe.id, bo.id],
                                       kinds: i % 2 == 0 ? [.fun] : []), createdAt: 0)
        }
        for filter in [MomentFilter(), MomentFilter(person: zoe.id), MomentFilter(person: bo.id), MomentFilter(kinds: [.fun]),
                       MomentFilter(person: zoe.id, kinds: [.fun])] {
            let all = try s.moments(filter).map(\.id)
            #expect(try s.momentCount(filter) == all.count)
            for k in [1, 7, 200] {
                #expect(try s.oldestMoments(filter, limit: k).map(\.id) == Array(all.suffix(k)))
            }
            let full = try s.moments(filter)
            for i in full.indices {
                let above = try s.moments(filter, newerThan: full[i], limit: 7).map(\.id)
                #expect(above == Array(all[max(0, i - 7)..<i]), "\(i)")
            }
        }
    }

    @Test func momentsWithPeopleEmotionsAndFilters() throws {
        let s = try store()
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: day))
        let taro = try s.addPerson(Person(id: 0, name: "山田太郎", addedOn: day))
        let club = try s.addGroup(name: "Club", cadenceDays: nil, notes: "", addedOn: day, members: [zoe.id, taro.id])
        let m1 = try s.addMoment(Moment(day: day.adding(days: -40), people: [zoe.id], channel: .call, initiator: .them,
                                        emotions: [EmotionTag(word: "happy", intensity: 1), EmotionTag(word: "sad", intensity: 2)],
                                        note: "Long talk about Łódź"), createdAt: 0)
        let m2 = try s.addMoment(Moment(day: day, time: TimeOfDay(hour: 18, minute: 30), people: [zoe.id, taro.id, zoe.id],
                                        groupID: club.id, kinds: [.fun], emotions: [EmotionTag(word: "amused", intensity: 3)]),
                                 createdAt: 0)
        #expect(m2.people == [zoe.id, taro.id]) // duplicates dropped
        #expect(try s.moments(MomentFilter()).map(\.id) == [m2.id, m1.id])
        let zoes = try s.moments(MomentFilter(person: zoe.id))
        #expect(zoes.map(\.id) == [m2.id, m1.id])
        #expect(zoes[1].emotions == [EmotionTag(word: "happy", intensity: 1), EmotionTag(word: "sad", intensity: 2)])
        #expect(zoes[1].channel == .call && zoes[1].initiator == .them && zoes[1].connectionType == .mixed)
        #expect(zoes[0].time?.description == "18:30" && zoes[0].groupID == club.id && zoes[0].kinds == [.fun])
        #expect(try s.moments(MomentFilter(person: taro.id)).map(\.id) == [m2.id])
        #expect(try s.moments(MomentFilter(group: club.id)).map(\.id) == [m2.id])
        #expect(try s.moments(MomentFilter(emotions: [EmotionTag(word: "sad", intensity: 1)])).map(\.id) == [m1.id])
        #expect(try s.moments(MomentFilter(emotions: [EmotionTag(word: "sad", intensity: 2)])).map(\.id) == [m1.id])
        #expect(try s.moments(MomentFilter(emotions: [EmotionTag(word: "sad", intensity: 3)])).isEmpty)
        #expect(try s.moments(MomentFilter(kinds: [.fun, .news])).map(\.id) == [m2.id])
        #expect(try s.moments(MomentFilter(channels: [.call])).map(\.id) == [m1.id])
        #expect(try s.moments(MomentFilter(text: "lodz")).map(\.id) == [m1.id])
        #expect(try s.moments(MomentFilter(since: day.adding(days: -1))).map(\.id) == [m2.id])
        #expect(try s.moments(MomentFilter(person: zoe.id, until: day.adding(days: -1))).map(\.id) == [m1.id])
        #expect(try s.moments(MomentFilter(), limit: 1).map(\.id) == [m2.id])
        #expect(try s.moments(MomentFilter(), limit: 1, offset: 1).map(\.id) == [m1.id])
        let last = try s.lastMomentDays()
        #expect(last[zoe.id] == day && last[taro.id] == day)
        let summary = try s.summary(person: zoe.id)
        #expect(summary.total == 2 && summary.first == day.adding(days: -40) && summary.byInitiator[.them] == 1)
        #expect(summary.lastMoment?.id == m2.id)
        #expect(try s.groupOverview()[0].last == day)
        // Removing the group keeps the moment and its people.
        try s.removeGroup(id: club.id)
        let kept = try s.moments(MomentFilter(person: taro.id))
        #expect(kept.map(\.id) == [m2.id] && kept[0].groupID == nil)
    }

    /// The roster's sparklines: moments per calendar month, the current month last,
    /// nothing from before the first month or after the last.
    @Test func recentActivityCountsMomentsPerMonth() throws {
        let s = try store()
        let today = Day(year: 2026, month: 3, day: 15)!
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: today))
        let taro = try s.addPerson(Person(id: 0, name: "Taro", addedOn: today))
        let club = try s.addGroup(name: "Club", cadenceDays: nil, notes: "", addedOn: today, members: [zoe.id])
        func iso(_ text: String) throws -> Day { try #require(try Parse.isoDay(text)) }
        let days = ["2025-03-31", "2025-04-01", "2025-04-30", "2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01"]
        for d in days { _ = try s.addMoment(Moment(day: try iso(d), people: [zoe.id]), createdAt: 0) }
        _ = try s.addMoment(Moment(day: try iso("2025-12-24"), people: [zoe.id, taro.id], groupID: club.id), createdAt: 0)
        let recent = try s.recentActivity(until: today)
        #expect(recent.people[zoe.id] == [2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 2])
        #expect(recent.people[taro.id] == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
        #expect(recent.groups[club.id] == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
        #expect(recent.groupLast[club.id] == (try iso("2025-12-24")))
        #expect(try s.recentActivity(months: 1, until: today).people[zoe.id] == [2])
    }

    /// The monthly counts behind the sparklines are kept by triggers: every way a
    /// moment is written, edited or removed (cascades included) leaves them equal to a
    /// count made from scratch.
    @Test func monthlyCountsFollowEveryWrite() throws {
        let s = try store()
        let today = Day(year: 2026, month: 11, day: 22)!
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: today))
        let bo = try s.addPerson(Person(id: 0, name: "Bo", addedOn: today))
        let club = try s.addGroup(name: "Club", cadenceDays: nil, notes: "", addedOn: today, members: [zoe.id, bo.id])
        let band = try s.addGroup(name: "Band", cadenceDays: nil, notes: "", addedOn: today, members: [bo.id])
        var m = try s.addMoment(Moment(day: today, people: [zoe.id, bo.id], groupID: club.id), createdAt: 0)
        let other = try s.addMoment(Moment(day: today.adding(days: -40), people: [bo.id], groupID: band.id), createdAt: 0)
        _ = try s.addMoment(Moment(day: today.adding(days: -40), people: [zoe.id]), createdAt: 0)
        #expect(try s.integrityProblems().isEmpty)
        #expect(try s.recentActivity(until: today).people[zoe.id]?.suffix(2) == [1, 1])
        // Moved a month back, to the other group, with one person fewer.
        m.day = today.adding(days: -35)
        m.groupID = band.id
        m.people = [bo.id]
        m = try s.updateMoment(m)
        #expect(try s.integrityProblems().isEmpty)
        let after = try s.recentActivity(until: today)
        #expect(after.people[zoe.id]?.suffix(2) == [1, 0] && after.people[bo.id]?.suffix(2) == [2, 0])
        #expect(after.groups[band.id]?.suffix(2) == [2, 0] && after.groups[club.id] == nil)
        try s.deleteMoment(id: other.id)
        try s.removeGroup(id: band.id)   // its moment stays, without the group
        #expect(try s.integrityProblems().isEmpty)
        let last = try s.recentActivity(until: today)
        #expect(last.groups.isEmpty && last.people[bo.id]?.suffix(2) == [1, 0])
        // A count that drifted is reported, not silently trusted.
        try s.queue.write { try $0.execute(sql: "UPDATE person_months SET n = n + 1") }
        #expect(try s.integrityProblems() == ["the monthly counts disagree with the moments in 4 places"])
    }

    /// One moment is read back whole by its id, and an id that is not (or no longer) a
    /// moment's reads as nil, not as an error: the CLI says "no moment #N" for it.
    @Test func oneMomentByItsID() throws {
        let s = try store()
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: day))
        let bo = try s.addPerson(Person(id: 0, name: "Bo", addedOn: day))
        let club = try s.addGroup(name: "Club", cadenceDays: nil, notes: "", addedOn: day, members: [zoe.id, bo.id])
        _ = try s.addMoment(Moment(day: day, people: [bo.id]), createdAt: 0)
        let m = try s.addMoment(Moment(day: day.adding(days: -3), time: TimeOfDay(minutes: 600), people: [zoe.id, bo.id],
                                       groupID: club.id, channel: .call, kinds: [.fun], emotions: [EmotionTag(word: "happy", intensity: 2)],
                                       uplift: 1, note: "n"), createdAt: 0)
        #expect(try s.moment(id: m.id) == m)
        #expect(try s.moment(id: m.id + 1) == nil)
        try s.deleteMoment(id: m.id)
        #expect(try s.moment(id: m.id) == nil)
    }

    /// Each person's last day is kept by triggers through every kind of write, falls
    /// back to the latest remaining moment when the last one goes, and a drifted value
    /// is reported by the integrity check.
    @Test func lastDaysFollowEveryWrite() throws {
        let s = try store()
        let today = Day(year: 2026, month: 11, day: 22)!
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: today))
        let bo = try s.addPerson(Person(id: 0, name: "Bo", addedOn: today))
        #expect(try s.lastMomentDays().isEmpty)
        let old = try s.addMoment(Moment(day: today.adding(days: -40), people: [zoe.id]), createdAt: 0)
        var latest = try s.addMoment(Moment(day: today.adding(days: -2), people: [zoe.id, bo.id]), createdAt: 0)
        _ = try s.addMoment(Moment(day: today.adding(days: -9), people: [bo.id]), createdAt: 0)   // older: no change
        #expect(try s.lastMomentDays() == [zoe.id: today.adding(days: -2), bo.id: today.adding(days: -2)])
        // Edited: earlier, and without Bo.
        latest.day = today.adding(days: -20)
        latest.people = [zoe.id]
        latest = try s.updateMoment(latest)
        #expect(try s.lastMomentDays() == [zoe.id: today.adding(days: -20), bo.id: today.adding(days: -9)])
        try s.deleteMoment(id: latest.id)
        #expect(try s.lastMomentDays() == [zoe.id: today.adding(days: -40), bo.id: today.adding(days: -9)])
        try s.deleteMoment(id: old.id)
        #expect(try s.lastMomentDays() == [bo.id: today.adding(days: -9)])
        #expect(try s.integrityProblems().isEmpty)
        try s.queue.write { try $0.execute(sql: "UPDATE people SET last_day = 1") }
        #expect(try s.integrityProblems() == ["the last moment kept for 2 people disagree with the moments"])
    }

    @Test func aMomentWithAnUnknownPersonIsNotStoredAtAll() throws {
        let s = try store()
        let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: day))
        #expect(throws: StoreError.self) {
            try s.addMoment(Moment(day: day, people: [zoe.id, 999], emotions: [EmotionTag(word: "happy", intensity: 1)]), createdAt: 0)
        }
        let counts = try s.queue.read { db in
            try ["moments", "moment_people", "moment_emotions"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
        }
        #expect(counts == [0, 0, 0])
    }

    /// "Last moment per person" and "one person's timeline" read the moment_people
    /// index, never a scan of the history.
    @Test func hotQueriesUseIndexes() throws {
        let s = try store()
        let plans = try s.queue.read { db in
            [
                try String.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT p.id, (SELECT max(mp.day) FROM moment_people mp WHERE mp.person_id = p.id) FROM people p", adapter: ColumnMapping(["detail": "detail"])),
                try String.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT m.* FROM moments m JOIN moment_people mp ON mp.moment_id = m.id AND mp.person_id = 1 ORDER BY mp.day DESC, m.minute DESC, m.id DESC LIMIT 20", adapter: ColumnMapping(["detail": "detail"])),
                try String.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT m.* FROM moments m ORDER BY m.day DESC, m.minute DESC, m.id DESC LIMIT 20", adapter: ColumnMapping(["detail": "detail"])),
            ]
        }
        #expect(plans[0].contains { $0.contains("moment_people_timeline") }, "\(plans[0])")
        #expect(!plans[1].contains { $0.hasPrefix("SCAN m") || $0.contains("SCAN moments") }, "\(plans[1])")
        #expect(plans[1].contains { $0.contains("moment_people_timeline") }, "\(plans[1])")
        #expect(!plans[2].contains { $0.contains("TEMP B-TREE") }, "\(plans[2])")
    }
}

/// The full screen makes the day's copy in the background; a save made meanwhile (the
/// first `c`, Ctrl-S) must wait for the check, not slip past it onto a damaged store.
@Suite struct DailyCheckOrderTests {
    @Test func aWriteWaitsForTheDaysCheckRunningInTheBackground() throws {
        let tmp = TempDir()
        let path = tmp.file("kith.sqlite")
        do {
            let s = try Store(path: path)
            let zoe = try s.addPerson(Person(id: 0, name: "Zoë", addedOn: Day(year: 2026, month: 11, day: 1)!))
            // Enough rows that the check takes a while.
            try s.queue.write { db in
                for i in 0..<12_000 {
                    try db.execute(sql: "INSERT INTO moments (day, channel, initiator, depth, note, created_at) VALUES (?, 'in-person', 'me', 'light', ?, 0)",
                                   arguments: [739_000 + i % 300, String(repeating: "n", count: 40)])
                }
            }
            _ = zoe
        }
        // An index missing a row: found by the integrity check the day's copy runs.
        try GRDB.DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema=ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql='CREATE UNIQUE INDEX people_uid ON people(uid) WHERE 0' WHERE name='people_uid'")
        }
        try GRDB.DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO people(name, added_day, uid) VALUES ('Ghost', 739000, 'ghost')")
        }
        try GRDB.DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema=ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql='CREATE UNIQUE INDEX people_uid ON people(uid)' WHERE name='people_uid'")
        }
        let store = try Store(path: path)
        store.backUpDailyBeforeFirstWrite(today: Day(year: 2026, month: 11, day: 22)!, keep: 7)
        let background = Thread { store.runPlannedDailyBackup() }
        background.start()
        Thread.sleep(forTimeInterval: 0.01)
        #expect(throws: StoreError.self) {
            _ = try store.addPerson(Person(id: 0, name: "Bo", addedOn: Day(year: 2026, month: 11, day: 22)!))
        }
        #expect(try store.people().allSatisfy { $0.name != "Bo" })
    }
}

/// `snapshot`: the reads inside it are one read transaction, so a commit by another
/// kith between two of them is seen by neither (the full screen's roster is read so).
@Suite struct SnapshotTests {
    @Test func readsInsideASnapshotSeeOneMoment() throws {
        let dir = TempDir()
        let today = Day(year: 2026, month: 12, day: 6)!
        let mine = try Store(path: dir.file("kith.sqlite"))
        let other = try Store(path: dir.file("kith.sqlite"))
        _ = try mine.addPerson(Person(id: 0, name: "Ana", circle: .friends, addedOn: today))
        let (before, after) = try mine.snapshot {
            let before = try mine.people().count
            _ = try other.addPerson(Person(id: 0, name: "Ben", circle: .friends, addedOn: today))
            return (before, try mine.people().count)
        }
        #expect(before == 1 && after == 1)
        #expect(try mine.people().count == 2)
    }
}
