import KithCore
import Testing
@testable import KithUI

/// A paste is text, whatever bytes it holds (issue 16, points 6 and 7).
@Suite struct PasteTests {
    func inNote() -> AppState {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        while s.form?.field != .note { _ = press(&s, .tab) }
        return s
    }

    @Test func controlCharactersInAPasteAreNeverKeys() {
        var s = inNote()
        let effects = Update.update(&s, .paste("innocent text\u{1b}y\tdy\u{13} after"))
        #expect(effects.isEmpty)
        #expect(s.form?.note.text == "innocent texty dy after")
        #expect(s.form?.confirmingDiscard == false)
    }

    @Test func aLongPasteIsTakenWholeAndLinesStayLines() {
        var s = inNote()
        let big = String(repeating: "x", count: 100_000)
        _ = Update.update(&s, .paste(big + "\r\nsecond\rthird"))
        #expect(s.form?.note.text == big + "\nsecond\nthird")
        #expect(s.form?.note.cursor == 100_000 + 13)
    }

    @Test func aOneLineFieldTakesLinesAsSpaces() {
        var s = Fixture.loaded()
        _ = press(&s, .char("n"))
        _ = Update.update(&s, .paste("Ana\nLima"))
        #expect(s.personForm?.name.text == "Ana Lima")
    }

    @Test func aPasteWhereNothingTakesTextDoesNothingButSaySo() {
        var s = Fixture.loaded()
        let before = s.rosterCursor
        #expect(Update.update(&s, .paste("jjjjd")).isEmpty)
        #expect(s.rosterCursor == before && s.messageIsError)
    }

    @Test func aPasteIntoThePickerFilters() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        while s.form?.field != .emotions { _ = press(&s, .tab) }
        _ = press(&s, .enter)
        _ = Update.update(&s, .paste("calm\n"))
        #expect(s.form?.picker?.filter == "calm")
    }
}
