import Testing
@testable import KithSettings

/// kith's own TOML reader: what the config and theme files use, read as the TOML spec
/// says, and everything else refused with its line.
@Suite struct TOMLTests {
    func parse(_ text: String) throws -> TOMLTable { try TOML.parse(text) }
    func failure(_ text: String) -> String? {
        do { _ = try TOML.parse(text); return nil } catch { return "\(error.line): \(error.reason)" }
    }

    @Test func valuesOfEveryKindKith() throws {
        let t = try parse("""
            # a comment
            theme = "light"   # trailing comment
            n = 1_000
            neg = -7
            hex = 0xff
            f = 1.5
            e = 2e3
            yes = true
            list = ["bold", 'dim', ]
            multi = [
              1,   # one
              2,
            ]
            [cadence]
            inner = 7
            "quoted key" = 'it is'
            [emotions]
            giddy = { valence = "pleasant", energy = "high" }
            "müde" = { valence = "unpleasant", energy = "low" }
            a.b.c = "dotted"
            """)
        #expect(t.keys == ["theme", "n", "neg", "hex", "f", "e", "yes", "list", "multi", "cadence", "emotions"])
        #expect(t["theme"]?.string == "light" && t["n"]?.int == 1000 && t["neg"]?.int == -7 && t["hex"]?.int == 255)
        #expect(t["f"]?.double == 1.5 && t["e"]?.double == 2000 && t["yes"]?.bool == true)
        #expect(t["list"]?.array?.compactMap(\.string) == ["bold", "dim"] && t["multi"]?.array?.count == 2)
        #expect(t["cadence"]?.table?["inner"]?.int == 7)
        let emotions = try #require(t["emotions"]?.table)
        #expect(emotions.keys == ["giddy", "müde", "a"])
        #expect(emotions["müde"]?.table?["energy"]?.string == "low")
        #expect(emotions["a"]?.table?["b"]?.table?["c"]?.string == "dotted")
    }

    @Test func stringsOfAllFourKinds() throws {
        let t = try parse("""
            basic = "tab\\there \\u00e9 \\U0001F331 \\"q\\" \\\\"
            literal = 'C:\\path\\no escapes'
            multi = \"\"\"
            line one
            line \\
                two\"\"\"
            raw = '''
            keeps \\n as written'''
            quotes = \"\"\"a "b" ""\"\"\"
            """)
        #expect(t["basic"]?.string == "tab\there é 🌱 \"q\" \\")
        #expect(t["literal"]?.string == "C:\\path\\no escapes")
        #expect(t["multi"]?.string == "line one\nline two")
        #expect(t["raw"]?.string == "keeps \\n as written")
        #expect(t["quotes"]?.string == "a \"b\" \"\"")
    }

    @Test func mistakesNameTheirLine() {
        #expect(failure("a = 1\nb = \"open") == "2: a string needs its closing \"")
        #expect(failure("a = 1\na = 2") == "2: a is set twice")
        #expect(failure("[x]\n[x]") == "2: [x] is there twice")
        #expect(failure("a = 1\n[a]") == "2: a is already set to a value")
        #expect(failure("d = 2026-11-22")?.hasSuffix("dates and times are not used in kith's files; put text in quotes") == true)
        #expect(failure("x = light")?.hasPrefix("1: light is not a value") == true)
        #expect(failure("x = 1 2") == "1: unexpected '2' after the value; one key = value per line")
        #expect(failure("[[list]]") == "1: arrays of tables ([[…]]) are not used in kith's files")
        #expect(failure("x = 01") != nil && failure("x = 1__0") != nil && failure("x = _1") != nil)
        #expect(failure("x = \"bad \\q\"") == "1: unknown escape \\q in a string")
        #expect(failure("x = { a = 1,\n b = 2 }") != nil)
        #expect(failure("a = [\n1,\n") == "1: an array needs a closing ']'")
        #expect(failure("= 1") == "1: a key cannot start with '='; put it in quotes")
    }
}
