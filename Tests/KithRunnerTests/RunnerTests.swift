import Foundation
import KithCore
import KithStore
import KithTestSupport
import KithUI
import Testing
@testable import KithRunner

/// The full screen's runner against a real store in a temp dir, with no terminal: each
/// effect update asks for is performed and answered with the message update expects.
@Suite struct RunnerTests {
    let dir = TempDir()
    let today = Day(year: 2026, month: 12, day: 6)!

    func runner(rules: Rules = Rules()) throws -> Runner {
        let store = try Store(path: dir.file("kith.sqlite"))
        return Runner(store: store, today: today, rules: rules, catalog: .standard)
    }

    func person(_ r: Runner, _ name: String) throws -> Int64 {
        try r.store.addPerson(Person(id: 0, name: name, circle: .friends, addedOn: today.adding(days: -30))).id
    }

    @Test func aGroupIsAddedEditedAndRemovedFromTheFullScreen() throws {
        let r = try runner()
        let ana = try person(r, "Ana"), ben = try person(r, "Ben"), cy = try person(r, "Cy")
        let draft = GroupDraft(id: nil, name: "Choir", cadenceDays: 14, notes: "Tuesdays", adding: [ana, ben], removing: [])
        guard case let .groupSaved(id, name, isNew)? = r.perform(.saveGroup(draft)) else { Issue.record("not saved"); return }
        #expect(name == "Choir" && isNew)
        guard case let .groupLoaded(g, members)? = r.perform(.loadGroup(id)) else { Issue.record("not loaded"); return }
        #expect(g.cadenceDays == 14 && g.notes == "Tuesdays" && Set(members) == [ana, ben])
        let edit = GroupDraft(id: id, name: "Choir", cadenceDays: nil, notes: "", adding: [cy], removing: [ana])
        #expect(r.perform(.saveGroup(edit)) == .groupSaved(id: id, name: "Choir", isNew: false))
        #expect(Set(try r.store.memberIDs(group: id)) == [ben, cy])
        #expect(try r.store.group(id: id).cadenceDays == nil)
        // A second group of the same name is refused with the store's one line.
        guard case .failed(let why)? = r.perform(.saveGroup(GroupDraft(id: nil, name: "choir", cadenceDays: nil, notes: "",
                                                                       adding: [], removing: []))) else { Issue.record("no failure"); return }
        #expect(why.contains("a group named \"Choir\" already exists"))
        guard case .groupRemoved(let removed)? = r.perform(.removeGroup(id)) else { Issue.record("not removed"); return }
        #expect(try removed == "Choir" && r.store.groups().isEmpty)
        #expect(try r.store.people().count == 3)
    }

    /// Messages carry what happened; the words are update's (issue 16).
    @Test func answersCarryDataNotWords() throws {
        let r = try runner()
        let ana = try person(r, "Ana")
        #expect(r.perform(.snooze(.person(ana), until: today.adding(days: 7))) == .snoozed(name: "Ana", until: today.adding(days: 7)))
        #expect(r.perform(.snooze(.person(ana), until: nil)) == .snoozed(name: "Ana", until: nil))
        let saved = r.perform(.saveSelfCheckin(SelfCheckin(day: today, closeness: 5)))
        guard case .selfSaved(let c)? = saved else { Issue.record("\(String(describing: saved))"); return }
        #expect(c.closeness == 5)
    }

    @Test func theRosterIsReadWhole() throws {
        let r = try runner()
        let ana = try person(r, "Ana")
        _ = try r.store.addGroup(name: "Choir", cadenceDays: nil, notes: "", addedOn: today, members: [ana])
        _ = try r.store.addMoment(Moment(id: 0, day: today.adding(days: -2), people: [ana]), createdAt: 0)
        guard case let .rosterLoaded(entries, people, groups, _, _)? = r.perform(.loadRoster) else { Issue.record("no roster"); return }
        #expect(people == [ana: "Ana"] && groups.values.sorted() == ["Choir"])
        let a = try #require(entries.first { $0.subject == .person(ana) })
        #expect(a.last == today.adding(days: -2) && a.activity.reduce(0, +) == 1)
        #expect(entries.first { $0.isGroup }?.members == [ana])
    }

    /// A name close to an existing group is refused, not made a second group, as on the
    /// command line: both go through `GroupJoin`.
    @Test func thePersonFormJoinsGroupsAsTheCommandLineDoes() throws {
        let r = try runner()
        _ = try r.store.addGroup(name: "Book club", cadenceDays: nil, notes: "", addedOn: today)
        let draft = PersonDraft(person: Person(id: 0, name: "Dee", circle: .friends, addedOn: today), groups: ["Bok club"])
        guard case .failed(let why)? = r.perform(.savePerson(draft)) else { Issue.record("not refused"); return }
        #expect(why.contains("did you mean \"Book club\"?"))
    }

    /// The self check-in policy: asked once a day, never with self_checkin = false, and
    /// not before there is anyone in kith.
    @Test func theSelfCheckInIsAskedOnceADayAndNeverWhenTurnedOff() throws {
        var off = Rules()
        off.askSelfCheckin = false
        let quiet = try runner(rules: off)
        _ = try person(quiet, "Ana")
        #expect(quiet.perform(.promptSelf(manual: false)) == nil)
        guard case .askSelf? = quiet.perform(.promptSelf(manual: true)) else { Issue.record("C did not ask"); return }
        let r = try runner()
        guard case .askSelf? = r.perform(.promptSelf(manual: false)) else { Issue.record("not asked"); return }
        #expect(r.perform(.promptSelf(manual: false)) == nil)
    }
}
