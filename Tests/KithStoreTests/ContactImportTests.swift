import Foundation
import KithCore
import KithTestSupport
import Testing
@testable import KithStore

/// Importing address-book cards into a real store file.
@Suite struct ContactImportTests {
    let tmp = TempDir()
    let today = Day(year: 2026, month: 11, day: 22)!
    var store: Store { get throws { try Store(path: tmp.file("kith.sqlite")) } }

    func card(_ name: String, uid: String? = nil, nickname: String? = nil, birthday: Birthday? = nil,
              note: String = "", categories: [String] = [], line: Int = 1) -> ContactCard {
        ContactCard(file: "book.vcf", line: line, uid: uid, name: name, structuredName: nil, nickname: nickname,
                    birthday: birthday, note: note, categories: categories)
    }

    func run(_ s: Store, _ cards: [ContactCard], groups: Bool = false, dryRun: Bool = false) throws -> ContactImport {
        try s.importContacts(cards, circle: .wider, joinGroups: groups, today: today, dryRun: dryRun)
    }

    @Test func addsThenReimportingChangesNothing() throws {
        let s = try store
        let cards = [card("Ana", uid: "u1", birthday: Birthday(month: 4, day: 15, year: 1990), note: "from the card",
                          categories: ["Climbing"]),
                     card("Bo", uid: "u2", nickname: "Bobo")]
        let first = try run(s, cards, groups: true)
        #expect(first.added == ["Ana", "Bo"])
        #expect(first.groupsCreated == ["Climbing"])
        let ana = try #require(try s.people().first { $0.name == "Ana" })
        #expect(ana.uid == "u1")
        #expect(ana.circle == .wider)
        #expect(ana.notes == "from the card")
        #expect(ana.card == CardOrigin(name: "Ana"))
        #expect(try s.groupNamesByPerson()[ana.id] == ["Climbing"])

        let before = try s.people()
        let second = try run(s, cards, groups: true)
        #expect(second.added.isEmpty && second.updated.isEmpty)
        #expect(second.unchanged == ["Ana", "Bo"])
        #expect(try s.people() == before)
    }

    @Test func anUpdateTakesTheCardsFieldsButKeepsWhatTheUserWrote() throws {
        let s = try store
        _ = try run(s, [card("Ana", uid: "u1", note: "card note")])
        let id = try s.people()[0].id
        var mine = try s.person(id: id)
        mine.notes = "my own words"
        mine.circle = .inner
        _ = try s.updatePerson(id: id, mine, today: today)

        let r = try run(s, [card("Ana", uid: "u1", nickname: "Annie", birthday: Birthday(month: 1, day: 2, year: nil),
                                 note: "changed card note")])
        #expect(r.updated == ["Ana"])
        let after = try s.person(id: id)
        #expect(after.nickname == "Annie")
        #expect(after.birthday == Birthday(month: 1, day: 2, year: nil))
        #expect(after.notes == "my own words")
        #expect(after.circle == .inner)
    }

    @Test func theAddressBookRenamesUnlessTheUserRenamedInKith() throws {
        let s = try store
        _ = try run(s, [card("Ana Silva", uid: "u1"), card("Bo", uid: "u2")])
        let bo = try #require(try s.people().first { $0.name == "Bo" })
        var renamed = bo
        renamed.name = "Little Bo"
        _ = try s.updatePerson(id: bo.id, renamed, today: today)

        let r = try run(s, [card("Ana Costa", uid: "u1"), card("Robert", uid: "u2")])
        #expect(Set(r.updated) == ["Ana Costa", "Little Bo"])
        #expect(try s.people().map(\.name) == ["Ana Costa", "Little Bo"])
    }

    @Test func someoneAddedInKithIsMatchedByNameAndKeepsTheirHistory() throws {
        let s = try store
        let ana = try s.addPerson(Person(id: 0, name: "Ana López", circle: .inner, addedOn: today))
        let r = try run(s, [card("ana lópez", uid: "card-1", birthday: Birthday(month: 3, day: 3, year: 1991))])
        #expect(r.added.isEmpty)
        #expect(r.updated == ["Ana López"])
        let after = try s.person(id: ana.id)
        #expect(after.name == "Ana López")              // kith's spelling stays
        #expect(after.uid == "card-1")
        #expect(after.circle == .inner)
        #expect(after.birthday == Birthday(month: 3, day: 3, year: 1991))
    }

    @Test func namesakesFromDifferentCardsAreNumberedNotMerged() throws {
        let s = try store
        let cards = [card("Emma Smith", uid: "e1"), card("Emma Smith", uid: "e2"), card("emma smith", uid: "e3")]
        let r = try run(s, cards)
        #expect(r.added == ["Emma Smith", "Emma Smith (2)", "emma smith (3)"])
        #expect(r.namesakes == ["Emma Smith (2)", "emma smith (3)"])
        let again = try run(s, cards)
        #expect(again.unchanged.count == 3)
        #expect(again.added.isEmpty && again.updated.isEmpty)
    }

    @Test func aNicknameThatIsSomeoneElsesNameIsLeftOutWithAWarning() throws {
        let s = try store
        let r = try run(s, [card("Bo", uid: "u1"), card("Robert", uid: "u2", nickname: "bo", line: 9)])
        #expect(r.added == ["Bo", "Robert"])
        #expect(r.warnings == ["book.vcf:9: nickname \"bo\" left out: it is Bo's name"])
        #expect(try s.people().first { $0.name == "Robert" }?.nickname == nil)
    }

    @Test func aDryRunWritesNothingAndReportsTheSame() throws {
        let s = try store
        let path = tmp.file("kith.sqlite")
        let before = bytes(of: path)
        let cards = [card("Ana", uid: "u1", categories: ["Family"]), card("Ana", uid: "u2")]
        let dry = try run(s, cards, groups: true, dryRun: true)
        #expect(dry.added == ["Ana", "Ana (2)"])
        #expect(dry.groupsCreated == ["Family"])
        #expect(try s.people().isEmpty)
        #expect(try s.groups().isEmpty)
        #expect(bytes(of: path) == before)
        #expect(try run(s, cards, groups: true) == dry)
    }

    @Test func categoriesJoinExistingGroupsIgnoringCaseAndOnlyWhenAsked() throws {
        let s = try store
        _ = try s.addGroup(name: "Book Club", cadenceDays: nil, notes: "", addedOn: today)
        _ = try run(s, [card("Ana", uid: "u1", categories: ["book club"])])
        #expect(try s.groupNamesByPerson().isEmpty)
        let r = try run(s, [card("Ana", uid: "u1", categories: ["book club"])], groups: true)
        #expect(r.updated == ["Ana"])
        #expect(r.groupsCreated.isEmpty)
        #expect(try s.groupNamesByPerson().values.first == ["Book Club"])
    }

    /// Phones and Outlook often write no UID: two such cards with one name are still two people.
    @Test func namesakesWithoutUIDsStayTwoPeopleAndReimportQuietly() throws {
        let s = try store
        let cards = [card("Emma Smith", note: "Emma from work", line: 1),
                     card("Emma Smith", birthday: Birthday(month: 5, day: 5, year: 1985), line: 9)]
        let r = try run(s, cards)
        #expect(r.added == ["Emma Smith", "Emma Smith (2)"])
        let people = try s.people()
        #expect(people.map(\.notes) == ["Emma from work", ""])
        #expect(people.map(\.birthday) == [nil, Birthday(month: 5, day: 5, year: 1985)])
        let again = try run(s, cards)
        #expect(again.unchanged == ["Emma Smith", "Emma Smith (2)"])
        #expect(try s.people() == people)
    }

    /// One person's card in two files (a second copy, a nickname added later) is one
    /// person with the last card's details; a card of another name that reuses the UID is
    /// a person of its own. Said once per UID, and importing the same files again is no
    /// update: the cards no longer take turns overwriting one person.
    @Test func cardsSharingAUIDAreSaidOnceAndReimportQuietly() throws {
        let s = try store
        let cards = [card("Sofia Marino", uid: "u1", line: 1), card("Sofia Marino", uid: "u1", nickname: "Sofi", line: 7),
                     card("Luca Bianchi", uid: "u1", line: 13), card("Ana", uid: "u2", line: 19), card("Ana", uid: "u2", line: 25)]
        let r = try run(s, cards)
        #expect(r.added == ["Sofia Marino", "Luca Bianchi", "Ana"])
        #expect(r.updated.isEmpty)
        #expect(r.warnings == [
            "book.vcf:1: UID u1 is on 3 cards in this import, under 2 names: Sofia Marino keeps it, and each other name comes in as a person of its own",
            "book.vcf:19: UID u2 is on 2 cards in this import, all named Ana: the last one is taken",
        ])
        let people = try s.people()
        #expect(people.first { $0.name == "Sofia Marino" }?.nickname == "Sofi")
        #expect(people.first { $0.name == "Sofia Marino" }?.uid == "u1")
        #expect(people.first { $0.name == "Luca Bianchi" }?.uid != "u1")

        let again = try run(s, cards)
        #expect(again.added.isEmpty && again.updated.isEmpty)
        #expect(again.unchanged == ["Sofia Marino", "Luca Bianchi", "Ana"])
        #expect(try s.people() == people)
    }

    /// kith's own export gives someone added in kith a structured name kith made up; taking
    /// the export back in records it as their card, but that is no change the user made and
    /// is not counted as one.
    @Test func kithsOwnExportComingBackIsNoUpdate() throws {
        let s = try store
        let ana = try s.addPerson(Person(id: 0, name: "Ana María López", addedOn: today))
        let exported = ContactCard(file: "out/a.vcf", line: 1, uid: ana.uid, name: "Ana María López", structuredName: "López;Ana María;;;")
        let r = try run(s, [exported])
        #expect(r.updated.isEmpty)
        #expect(r.unchanged == ["Ana María López"])
        #expect(try s.person(id: ana.id).card == CardOrigin(name: "Ana María López", structuredName: "López;Ana María;;;"))
        // A change the address book made still counts.
        var renamed = exported
        renamed.name = "Ana López"
        #expect(try run(s, [renamed]).updated == ["Ana López"])
    }

    @Test func aCardWithoutUIDIsMatchedByNameNextTime() throws {
        let s = try store
        _ = try run(s, [card("Ana")])
        let uid = try #require(try s.people()[0].uid)
        let r = try run(s, [card("Ana")])
        #expect(r.unchanged == ["Ana"])
        #expect(try s.people()[0].uid == uid)
    }
}
