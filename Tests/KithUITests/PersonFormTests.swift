import KithCore
import Testing
@testable import KithUI

@Suite struct PersonFormTests {
    @Test func addAPersonWithEveryField() {
        var s = Fixture.loaded()
        _ = press(&s, .char("n"))
        #expect(s.context == .formText)
        type(&s, "최유림")
        _ = press(&s, .tab)
        type(&s, "Yurim")
        _ = press(&s, .tab, .left)                 // circle: close
        _ = press(&s, .tab)
        type(&s, "10d")
        _ = press(&s, .tab)
        type(&s, "--03-14")
        _ = press(&s, .tab, .right, .right)        // for: support
        _ = press(&s, .tab)
        type(&s, "Family, Climbing")
        guard case .savePerson(let d)? = press(&s, .ctrl("s")).first else { Issue.record("no save: \(String(describing: s.personForm?.error))"); return }
        #expect(d.isNew && d.person.name == "최유림" && d.person.nickname == "Yurim" && d.person.circle == .close)
        #expect(d.person.cadenceDays == 10 && d.person.birthday?.description == "--03-14" && d.person.bond == .support)
        #expect(d.groups == ["Family", "Climbing"] && d.person.addedOn == Fixture.today)
        #expect(Update.update(&s, .personSaved(id: 9, name: "최유림", isNew: true)) == [.loadRoster])
        #expect(s.personForm == nil && s.message == "Added 최유림.")
        // Once the roster reloads, the new person is the selection.
        var entries = Fixture.entries()
        entries.append(RosterEntry(subject: .person(9), name: "최유림", circle: .close, cadenceDays: 10, last: nil, added: Fixture.today))
        _ = Update.update(&s, .rosterLoaded(entries, people: Fixture.names, groups: [:]))
        #expect(s.selected?.name == "최유림")
    }

    @Test func badValuesStayInTheForm() {
        var s = Fixture.loaded()
        _ = press(&s, .char("n"))
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.personForm?.error == "a name cannot be empty")
        type(&s, "Ana")
        _ = press(&s, .tab, .tab, .tab)
        type(&s, "often")
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.personForm?.error?.contains("cannot read interval") == true)
        _ = press(&s, .ctrl("u"))
        #expect(press(&s, .ctrl("s")).count == 1)
        _ = Update.update(&s, .failed("someone named \"Ana\" is already in kith"))
        #expect(s.personForm?.name.text == "Ana" && s.personForm?.error?.contains("already") == true)
        _ = press(&s, .escape)
        #expect(s.context == .discard)
        _ = press(&s, .char("y"))
        #expect(s.personForm == nil)
    }

    @Test func editAndArchiveTheSelectedPerson() {
        var s = Fixture.loaded()
        #expect(press(&s, .char("e")) == [.loadPerson(1)])
        let zoe = Person(id: 1, name: "Zoë Ångström", nickname: "Zo", circle: .inner, addedOn: Fixture.today)
        _ = Update.update(&s, .personLoaded(zoe, groups: ["Family"]))
        #expect(s.personForm?.name.text == "Zoë Ångström" && s.personForm?.groups.text == "Family")
        _ = press(&s, .tab, .ctrl("u"))
        guard case .savePerson(let d)? = press(&s, .ctrl("s")).first else { Issue.record("no save"); return }
        #expect(!d.isNew && d.person.id == 1 && d.person.nickname == nil && d.groups == ["Family"])
        _ = Update.update(&s, .personSaved(id: 1, name: "Zoë Ångström", isNew: false))
        _ = press(&s, .char("x"))
        #expect(s.context == .confirm)
        #expect(press(&s, .char("y")) == [.setArchived(1, true)])
    }
}
