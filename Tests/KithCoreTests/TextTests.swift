import Testing
@testable import KithCore

@Suite struct NameMatchTests {
    typealias M = NameMatch<Int>
    let people: [M.Candidate] = [
        .init(id: 1, name: "Zoë Ångström", nickname: "Zo"),
        .init(id: 2, name: "山田太郎"),
        .init(id: 3, name: "Małgorzata Nowak"),
        .init(id: 4, name: "Ana Lima"),
        .init(id: 5, name: "Anabel Ruiz"),
        .init(id: 6, name: "최유림"),
        .init(id: 7, name: "José 🌱"),
    ]

    @Test func exactThenFoldedThenPrefix() {
        #expect(M.resolve("Zoë Ångström", among: people) == .found(1))
        #expect(M.resolve("zoe angstrom", among: people) == .found(1))
        #expect(M.resolve("zoe", among: people) == .found(1))
        #expect(M.resolve("ZO", among: people) == .found(1))          // nickname
        #expect(M.resolve("ång", among: people) == .found(1))         // a later word
        #expect(M.resolve("山田太郎", among: people) == .found(2))
        #expect(M.resolve("山田", among: people) == .found(2))
        #expect(M.resolve("malgorzata", among: people) == .found(3))
        #expect(M.resolve("최유림", among: people) == .found(6))
        #expect(M.resolve("jose", among: people) == .found(7))
        #expect(M.resolve("Ana Lima", among: people) == .found(4))
    }

    @Test func aRealNameWinsOverANickname() {
        let pool: [M.Candidate] = [.init(id: 1, name: "Ann", nickname: "Ben"), .init(id: 2, name: "Ben", nickname: "Ann")]
        #expect(M.resolve("ben", among: pool) == .found(2))
        #expect(M.resolve("ann", among: pool) == .found(1))
        #expect(M.resolve(String(repeating: "Q", count: 10_000), among: pool) == .unknown(suggestion: nil))
    }

    @Test func ambiguousListsCandidates() {
        #expect(M.resolve("ana", among: people) == .ambiguous(["Ana Lima", "Anabel Ruiz"]))
    }

    @Test func unknownSuggestsTheClosest() {
        #expect(M.resolve("Zoey Angstrom", among: people) == .unknown(suggestion: "Zoë Ångström"))
        #expect(M.resolve("nobody", among: people) == .unknown(suggestion: nil))
        #expect(M.resolve("Jsoe", among: people) == .unknown(suggestion: "José 🌱"))   // swapped letters
        #expect(M.resolve("Lmia", among: people) == .unknown(suggestion: "Ana Lima"))
        #expect(M.resolve("", among: people) == .unknown(suggestion: nil))
        #expect(M.resolve("x", among: []) == .unknown(suggestion: nil))
    }
}

@Suite struct TerminalTextTests {
    @Test func widthsFollowTheTerminal() {
        #expect(TerminalText.width("Zoë") == 3)
        #expect(TerminalText.width("Zoe\u{308}") == 3)     // combining diaeresis
        #expect(TerminalText.width("山田太郎") == 8)
        #expect(TerminalText.width("최유림") == 6)
        #expect(TerminalText.width("🌱") == 2)
        // As ncurses counts: the sum over scalars (a ZWJ sequence is its parts).
        #expect(TerminalText.width("👩‍💻") == 4)
        #expect(TerminalText.width("👨‍👩‍👧") == 6)
        #expect(TerminalText.width("🇯🇵") == 2)
        #expect(TerminalText.width("❤️") == 1)
        #expect(TerminalText.width("ｱ") == 1)              // halfwidth katakana
        #expect(TerminalText.width("Ｚ") == 2)             // fullwidth Latin
        #expect(TerminalText.width("नमस्ते") == 4)           // as wcwidth sums it
        #expect(TerminalText.width("한국어") == 6)
    }

    @Test func gridTextDropsJoinersButKeepsWidths() {
        #expect(TerminalText.forGrid("👨‍👩‍👧") == "👨👩👧")
        #expect(TerminalText.width(TerminalText.forGrid("👨‍👩‍👧")) == TerminalText.width("👨‍👩‍👧"))
        #expect(TerminalText.forGrid("❤️ 👍🏽") == "❤ 👍")
        #expect(TerminalText.forGrid("Zoë\u{1B}[31m") == "Zoë\u{FFFD}[31m")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        #expect(TerminalText.truncate("山田太郎", to: 5) == "山田…")
        #expect(TerminalText.width(TerminalText.truncate("山田太郎", to: 5)) <= 5)
        #expect(TerminalText.truncate("Zoë Ångström", to: 20) == "Zoë Ångström")
        #expect(TerminalText.truncate("Zoë Ångström", to: 6) == "Zoë Å…")
        #expect(TerminalText.pad("山田", to: 6) == "山田  ")
        #expect(TerminalText.pad("ab", to: 4, alignRight: true) == "  ab")
        for n in 0...12 {
            #expect(TerminalText.width(TerminalText.pad("Zoë 🌱 山田太郎", to: n)) == n)
        }
    }

    /// Text of one cell a scalar is cut by counting scalars; it must come out as the
    /// grapheme-by-grapheme cut would, at every width.
    @Test func truncateByScalarsAgreesWithTheGraphemeCut() {
        func byGraphemes(_ s: String, _ cells: Int) -> String {
            guard cells > 0 else { return "" }
            if s.count <= cells { return s }
            return String(s.prefix(cells - 1)) + "…"
        }
        for s in ["", "a", "ab", "Birthday call; sang badly on purpose", "Zoë Ångström · ½ — «ok» ▁▂▃ │ ←", "ends with …"] {
            #expect(TerminalText.isOneCellPerScalar(s))
            for n in 0...(s.count + 2) {
                #expect(TerminalText.truncate(s, to: n) == byGraphemes(s, n), "\(s) at \(n)")
            }
        }
        #expect(!TerminalText.isOneCellPerScalar("Zoe\u{301}"))
        #expect(TerminalText.truncate("Zoe\u{301} Ray", to: 4) == "Zoé…")
    }

    @Test func controlSequencesAreDefused() {
        let hostile = "Eve\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\u{202E}evil\u{0}"
        let safe = TerminalText.sanitize(hostile)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!safe.unicodeScalars.contains { $0.value == 0x202E })
        #expect(safe.hasPrefix("Eve\u{FFFD}[2J"))
        #expect(TerminalText.sanitize("plain 山田") == "plain 山田")
    }

    @Test func foldingIgnoresCaseAndDiacritics() {
        #expect(Folding.fold("Zoë Ångström") == "zoe angstrom")
        #expect(Folding.fold("Małgorzata Łódź") == "malgorzata lodz")
        #expect(Folding.fold("山田太郎") == "山田太郎")
        #expect(Fuzzy.distance("kitten", "sitting") == 3)
        #expect(Fuzzy.distance("smiht", "smith") == 1)
    }
}

@Suite struct JSONTests {
    @Test func keepsKeyOrderAndEscapesControls() {
        let j = JSON.object([("b", .int(1)), ("a", .string("x\"\\\n\u{1B}[31m山田")), ("c", .null), ("d", .array([])), ("e", .bool(true))])
        #expect(j.renderCompact() == #"{"b":1,"a":"x\"\\\n\u001b[31m山田","c":null,"d":[],"e":true}"#)
        #expect(j.render().hasPrefix("{\n  \"b\": 1,\n"))
    }
}
