/// Text as it occupies a terminal: widths in cells, and never a raw control byte.
///
/// Widths are computed here, not with the C library's `wcwidth`, so that they do not
/// depend on the process locale; the table agrees with glibc's `wcwidth` (a test checks
/// every code point), because that is what ncurses counts when it places text. CJK and
/// emoji take two cells; combining marks and joiners none. A grapheme takes the sum of
/// its scalars, as ncurses sees it: an emoji ZWJ sequence (👩‍💻) is 4 cells, which is
/// how tmux and most terminals without grapheme support draw it too.
public enum TerminalText {
    /// Replaces what must never reach a terminal (C0 and C1 controls, DEL, bidi
    /// overrides and isolates) with U+FFFD, so that a name full of escape codes is shown
    /// as text and cannot move the cursor, change colours or reorder a line. Tabs become
    /// a space. Newlines are replaced too: callers split lines first where they want them.
    public static func sanitize(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\t" { out.append(" ") } else if isUnsafe(u) { out.append("\u{FFFD}") } else { out.append(u) }
        }
        return String(out)
    }

    /// Text as the full-screen view draws it: sanitized, and without the joiners and
    /// selectors that make terminals and ncurses disagree on widths (ZWJ, variation
    /// selectors, skin-tone modifiers, tag characters). 👨‍👩‍👧 is drawn as 👨👩👧:
    /// less pretty, but every frame stays where it belongs.
    public static func forGrid(_ s: String) -> String {
        let clean = sanitize(s)
        guard clean.unicodeScalars.contains(where: isJoiner) else { return clean }
        var out = String.UnicodeScalarView()
        for u in clean.unicodeScalars where !isJoiner(u) { out.append(u) }
        return String(out)
    }

    static func isJoiner(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v == 0x200D || v == 0xFE0E || v == 0xFE0F || (0x1F3FB...0x1F3FF).contains(v) || (0xE0020...0xE007F).contains(v)
    }

    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Cells a scalar takes on its own.
    public static func width(of u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 1 } // shown as U+FFFD after sanitize
        if v < 0x300 || isSimpleSymbol(v) { return 1 }
        // Prepended concatenation marks (Arabic number signs) are visible: one cell.
        if (0x600...0x605).contains(v) || v == 0x6DD || v == 0x70F || v == 0x890 || v == 0x891 || v == 0x8E2
            || v == 0x110BD || v == 0x110CD { return 1 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return v == 0xAD ? 1 : 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) || v == 0x200B || v == 0x1171E { return 0 }
        if (0x1F1E6...0x1F1FF).contains(v) { return 1 } // regional indicators: a flag is a pair
        if u.properties.isEmojiPresentation { return 2 }
        for r in wide where r.contains(v) { return 2 }
        return 1
    }

    /// Cells a grapheme cluster takes: the sum over its scalars, as ncurses places it
    /// (a Devanagari conjunct like स्ते takes two cells, a flag two, 👨‍👩‍👧 six).
    public static func width(of ch: Character) -> Int {
        if ch.isASCII { return 1 }
        return ch.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Whether every byte is printable ASCII: then a string takes one cell a byte. Most
    /// of what a frame holds is, and the check is far cheaper than walking graphemes.
    @inline(__always)
    public static func isPrintableASCII(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { buf in
            for b in buf where b < 0x20 || b >= 0x7F { return false }
            return true
        }
    }

    /// Punctuation, arrows, box drawing and shapes that views draw all the time (· … —
    /// ▁▂▃ │): one cell each, never joined to a neighbour, nothing to sanitize.
    @inline(__always)
    static func isSimpleSymbol(_ v: UInt32) -> Bool {
        (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || (0x2190...0x21FF).contains(v)
            || (0x2500...0x25FC).contains(v)
    }

    /// Whether every scalar of `s` is its own grapheme one cell wide that needs no
    /// sanitizing: printable ASCII, Latin letters without combining marks, and the
    /// simple symbols. Such text is laid out a scalar at a time, without grapheme breaking.
    public static func isOneCellPerScalar(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            let v = u.value
            if (0x20..<0x7F).contains(v) || (0xA0..<0x300).contains(v) || isSimpleSymbol(v) { continue }
            return false
        }
        return true
    }

    public static func width(_ s: String) -> Int {
        if isPrintableASCII(s) { return s.utf8.count }
        // A cluster's width is the sum of its scalars' (see `width(of: Character)`), so
        // the text need not be split into graphemes, which costs more than the sum.
        var w = 0
        for u in s.unicodeScalars { w += u.value >= 0x20 && u.value < 0x7F ? 1 : width(of: u) }
        return w
    }

    public static func width(_ s: some StringProtocol) -> Int {
        var w = 0
        for ch in s { w += width(of: ch) }
        return w
    }

    /// Cuts `s` to at most `cells`, ending with "…" when something was cut. A wide
    /// character that would straddle the edge is dropped, never split.
    public static func truncate(_ s: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        // Text of one cell a scalar (nearly all a frame holds) is cut by counting scalars:
        // splitting it into graphemes and appending them one by one cost more than the
        // rest of drawing a row.
        if isOneCellPerScalar(s) {
            let u = s.unicodeScalars
            guard let end = u.index(u.startIndex, offsetBy: cells, limitedBy: u.endIndex), end < u.endIndex else { return s }
            return String(u[..<u.index(before: end)]) + "…"
        }
        if width(s) <= cells { return s }
        var out = "", w = 0
        for ch in s {
            let cw = width(of: ch)
            if w + cw > cells - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }

    /// Pads (or truncates) to exactly `cells`.
    public static func pad(_ s: String, to cells: Int, alignRight: Bool = false) -> String {
        let t = truncate(s, to: cells)
        let fill = String(repeating: " ", count: max(0, cells - width(t)))
        return alignRight ? fill + t : t + fill
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, as glibc has them) besides the
    /// characters with emoji presentation.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18D08, 0x1AFF0...0x1B2FF, 0x1F004...0x1F004,
        0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F260...0x1F265,
        0x1F7E0...0x1F7EB, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
