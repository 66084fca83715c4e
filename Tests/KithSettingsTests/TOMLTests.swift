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

    /// A key of thirty thousand parts once segfaulted kith after 3 GB: every part was a
    /// level of recursion and a copy of the path so far. Keys are bounded like values.
    @Test func deepKeysAreRefusedOnTheirLine() throws {
        let deep = Array(repeating: "a", count: 10_000).joined(separator: ".")
        #expect(failure("x = 1\n\(deep) = 1\n") == "2: a key of more than 32 parts; kith's files use two or three")
        #expect(failure("[\(deep)]\n") == "1: a key of more than 32 parts; kith's files use two or three")
        #expect(failure("x = { \(deep) = 1 }") == "1: a key of more than 32 parts; kith's files use two or three")
        // 32 parts, whether in a header, a key or both together, are still read.
        let sixteen = Array(repeating: "b", count: 16).joined(separator: ".")
        let t = try parse("[\(sixteen)]\n\(sixteen) = 1\n")
        var inner = try #require(t["b"]?.table)
        for _ in 1..<31 { inner = try #require(inner["b"]?.table) }
        #expect(inner["b"]?.int == 1)
        #expect(failure("[\(sixteen)]\n\(sixteen).b = 1\n") == "2: a key of more than 32 parts; kith's files use two or three")
        #expect(failure("[\(sixteen).\(sixteen).b]\n") == "1: a key of more than 32 parts; kith's files use two or three")
    }

    @Test func longKeysAndLargeFilesAreRefused() throws {
        let long = String(repeating: "k", count: TOML.maxKeyBytes + 1)
        #expect(failure("x = 1\n\(long) = 1") == "2: a key longer than 1,024 bytes")
        #expect(failure("x = 1\n\"\(long)\" = 1") == "2: a key longer than 1,024 bytes")
        #expect(failure("[a.'\(long)']") == "1: a key longer than 1,024 bytes")
        #expect(try parse("\(String(long.dropFirst())) = 1").keys.count == 1)
        let big = "# " + String(repeating: "x", count: TOML.maxBytes) + "\n"
        #expect(failure(big) == "1: over 1 MB; kith's config and theme files are a few KB")
    }

    /// Each key once copied its whole table: 60,000 colours took 112 s to read. Many keys
    /// in one table, and many tables, read whole and in order.
    @Test func manyKeysInOneTableReadInOrder() throws {
        let n = 20_000
        var text = "[palette]\n"
        for i in 0..<n { text += "c\(i) = \(i)\n" }
        text += "[roles]\n"
        for i in 0..<n { text += "[t\(i)]\nv.w = \(i)\n" }
        let t = try parse(text)
        let palette = try #require(t["palette"]?.table)
        #expect(palette.keys.count == n && palette.keys.first == "c0" && palette.keys.last == "c\(n - 1)")
        #expect(palette["c12345"]?.int == 12345 && t.line(of: ["palette", "c12345"]) == 12347)
        #expect(t.keys.count == n + 2 && t["t777"]?.table?["v"]?.table?["w"]?.int == 777)
    }
}
