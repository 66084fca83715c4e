import Testing
@testable import KithUI

@Suite struct WrapTests {
    /// A character wider than the whole width once made Wrap loop for ever.
    @Test func aCharacterWiderThanTheLineGetsALineOfItsOwn() {
        #expect(Wrap.lines("漢字", width: 1) == ["漢", "字"])
        #expect(Wrap.lines("a 漢", width: 1) == ["a", "漢"])
        #expect(Wrap.lines("🌱🌱 x", width: 1) == ["🌱", "🌱", "x"])
    }

    @Test func wordsWrapAndLongOnesAreCut() {
        #expect(Wrap.lines("one two three", width: 7) == ["one two", "three"])
        #expect(Wrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(Wrap.lines("a\nb", width: 4) == ["a", "b"])
    }
}
