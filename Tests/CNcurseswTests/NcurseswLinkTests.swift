import CNcursesw
import Glibc
import KithCore
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

    /// kith lays text out with its own width table; ncurses places it with glibc's
    /// wcwidth. They must agree on every code point, or frames break.
    @Test func displayWidthsAgreeWithWcwidth() {
        setlocale(LC_ALL, "C.UTF-8")
        var disagree: [String] = []
        for c in UInt32(0x20)..<0x40000 where !(0xD800..<0xE000).contains(c) {
            let w = Int(wcwidth(wchar_t(c)))
            guard w >= 0, let u = Unicode.Scalar(c) else { continue }
            if TerminalText.width(of: u) != w { disagree.append(String(c, radix: 16)) }
        }
        #expect(disagree.isEmpty, "differ from wcwidth: \(disagree.prefix(20))")
    }

    @Test func shimAccessorsExpandTheMacros() {
        #expect(kith_key_f(1) == 265)
        #expect(kith_a_bold() != 0 && kith_a_reverse() != kith_a_bold())
    }
}
