import CNcursesw
import Testing

/// The TUI stands on the system ncursesw: these prove the module map finds the wide
/// header and links the wide library (linking plain "ncurses" would fail here).
@Suite struct NcurseswLinkTests {
    @Test func linksTheWideCharacterLibrary() {
        let version = String(cString: curses_version())
        #expect(version.hasPrefix("ncurses 6"), "\(version)")
        // setcchar exists only in the wide build.
        var cell = cchar_t()
        var text: [wchar_t] = [0x5C71, 0] // 山
        #expect(setcchar(&cell, &text, 0, 0, nil) == OK)
    }

    @Test func shimAccessorsExpandTheMacros() {
        #expect(kith_key_f(1) == 265)
        #expect(kith_a_bold() != 0 && kith_a_reverse() != kith_a_bold())
    }
}
