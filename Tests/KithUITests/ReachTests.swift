import KithCore
import Testing
@testable import KithUI

/// A person's phones and emails (from their card) are at hand under their timeline
/// (issue 18, point 3): a user about to reach out wants them.
@Suite struct ReachTests {
    @Test func phonesAndEmailsShowUnderThePersonsTimeline() {
        var entries = Fixture.entries()
        entries[0].reach = ["+351 912 345 678 (cell)", "zoe@example.org"]
        var s = AppState(today: Fixture.today, width: 100, height: 24)
        _ = Update.update(&s, .rosterLoaded(entries, people: Fixture.names, groups: [1: "Book club"]))
        let bottom = Screen.render(s).lines()[22]
        #expect(bottom.contains("+351 912 345 678 (cell) · zoe@example.org"), "\(bottom)")
        _ = press(&s, .char("j"))
        #expect(!Screen.render(s).lines()[22].contains("+351"))
    }

    @Test func theCardsLinesGiveTheWaysToReach() {
        let lines = ["item1.TEL;type=CELL:+351 912 345 678", "item1.X-ABLabel:mobile", "EMAIL;TYPE=INTERNET,WORK:ana@example.org",
                     "TEL;VALUE=uri;TYPE=\"voice,home\":tel:+1-555-0100", "ADR;TYPE=HOME:;;Rua 1;Porto;;;PT"]
        #expect(ContactLines.reach(lines).map { "\($0.kind) \($0.value) \($0.label ?? "-")" }
                == ["phone +351 912 345 678 cell", "email ana@example.org work", "phone +1-555-0100 home"])
    }
}
