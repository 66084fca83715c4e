import KithCore

/// The TOML that kith's config and theme files are written in, read by kith itself.
///
/// It replaced TOMLKit (toml++), which aborted the whole process on some malformed
/// files (`[\x]`, `backups =2026-02-30 7`): its internal assertions stay on in release
/// builds. Fuzzing found a handful of such inputs in minutes. This reader covers what
/// the two files use (tables, dotted and quoted keys, strings of all four kinds,
/// integers, floats, booleans, arrays, inline tables, comments) and answers everything
/// else, dates and arrays of tables included, with a line number and a reason. It keeps
/// the order keys are written in.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var int: Int? { if case .int(let n) = self { n } else { nil } }
    public var double: Double? { if case .double(let d) = self { d } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var array: [TOMLValue]? { if case .array(let a) = self { a } else { nil } }
    public var table: TOMLTable? { if case .table(let t) = self { t } else { nil } }
}

extension TOMLValue: CustomDebugStringConvertible {
    /// The value as TOML would write it, for messages (strings quoted and escaped).
    public var debugDescription: String {
        switch self {
        case .string(let s):
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where u.value < 0x20 || (0x7F...0x9F).contains(u.value):
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16).uppercased()
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        case .array(let a): return "[" + a.map(\.debugDescription).joined(separator: ", ") + "]"
        case .table(let t): return "{ " + t.keys.map { "\($0) = \(t[$0]!.debugDescription)" }.joined(separator: ", ") + " }"
        }
    }
}

/// A table with its keys in the order they were written.
public struct TOMLTable: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]
    /// Tables made by a `[header]` or a dotted key, which later lines may add to, as
    /// against inline tables and values, which are complete when written.
    fileprivate var open: Set<String> = []
    /// The line each key was first set on, for messages about it.
    private var lines: [String: Int] = [:]

    public init() {}

    public subscript(key: String) -> TOMLValue? { values[key] }

    fileprivate mutating func set(_ key: String, _ value: TOMLValue, line: Int) {
        if values[key] == nil {
            keys.append(key)
            lines[key] = line
        }
        values[key] = value
    }

    /// The table at `key`, taken out so that the caller holds the only reference to it and
    /// adds to it in place; `put` sets it back. Changed where it sat, it was copied whole
    /// on every key: 60,000 colours in a `[palette]` took 112 s to read.
    fileprivate mutating func take(_ key: String) -> TOMLTable? {
        guard case .table(let t)? = values[key] else { return nil }
        values[key] = .bool(false)
        return t
    }

    fileprivate mutating func put(_ key: String, _ table: TOMLTable) { values[key] = .table(table) }

    /// The line that sets the key at `path` (a value inside an inline table is on its
    /// table's line); else the line of the nearest table on the path that exists; else 1.
    public func line(of path: [String]) -> Int {
        var table = self, found = 1
        for key in path {
            guard let line = table.lines[key] else { break }
            found = line
            guard case .table(let inner)? = table[key] else { break }
            table = inner
        }
        return found
    }
}

public struct TOMLParseError: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let reason: String
    public var description: String { reason }
}

public enum TOML {
    /// The most parts a key may have, with its `[table]` header's: kith's files use two or
    /// three. Each part is a table within a table, and keys are bounded as values are.
    public static let maxKeyParts = 32
    /// The longest one part of a key may be: the longest word kith takes is 24 characters.
    public static let maxKeyBytes = 1024
    /// The largest file read: kith's config and theme files are a few KB.
    public static let maxBytes = 1 << 20
    public static let tooLarge = "over \(maxBytes >> 20) MB; kith's config and theme files are a few KB"

    public static func parse(_ text: String) throws(TOMLParseError) -> TOMLTable {
        guard text.utf8.count <= maxBytes else { throw TOMLParseError(line: 1, reason: tooLarge) }
        var p = Parser(Array(text.utf8))
        return try p.document()
    }
}

private struct Parser {
    let b: [UInt8]
    var i = 0
    var line = 1
    var root = TOMLTable()
    /// Where `key = value` lines go: the path of the last `[header]`.
    var current: [String] = []
    var headers: Set<[String]> = []

    init(_ bytes: [UInt8]) { b = bytes }

    /// Reasons quote what the file says: made one safe line, whatever it holds.
    func fail(_ why: String) -> TOMLParseError {
        let safe = TerminalText.sanitize(why)
        return TOMLParseError(line: line, reason: safe.count > 200 ? String(safe.prefix(200)) + "…" : safe)
    }

    var atEnd: Bool { i >= b.count }
    var byte: UInt8 { i < b.count ? b[i] : 0 }

    mutating func skipSpaces() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }

    /// Spaces, then a comment or nothing, then the end of the line (or file).
    mutating func endOfLine() throws(TOMLParseError) {
        skipSpaces()
        if byte == UInt8(ascii: "#") { try comment() }
        if atEnd { return }
        if byte == 0x0A { i += 1; line += 1; return }
        if byte == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 2; line += 1; return }
        throw fail("unexpected \(shown(byte)) after the value; one key = value per line")
    }

    mutating func comment() throws(TOMLParseError) {
        while !atEnd, byte != 0x0A {
            if byte == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { return }
            if byte < 0x20 && byte != 0x09 || byte == 0x7F { throw fail("a control character in a comment") }
            i += 1
        }
    }

    /// Blank lines and comments between statements and inside arrays.
    mutating func skipBlank() throws(TOMLParseError) {
        while !atEnd {
            skipSpaces()
            if byte == UInt8(ascii: "#") { try comment() }
            if byte == 0x0A { i += 1; line += 1; continue }
            if byte == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 2; line += 1; continue }
            return
        }
    }

    func shown(_ c: UInt8) -> String {
        (0x21...0x7E).contains(c) ? "'\(Character(Unicode.Scalar(c)))'" : c == 0x20 ? "a space" : "a byte 0x\(String(c, radix: 16))"
    }

    mutating func document() throws(TOMLParseError) -> TOMLTable {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while true {
            try skipBlank()
            if atEnd { return root }
            if byte == UInt8(ascii: "[") {
                i += 1
                if byte == UInt8(ascii: "[") { throw fail("arrays of tables ([[…]]) are not used in kith's files") }
                skipSpaces()
                let path = try key(within: 0)
                skipSpaces()
                guard byte == UInt8(ascii: "]") else { throw fail("a table header needs a closing ']'") }
                i += 1
                guard headers.insert(path).inserted else { throw fail("[\(path.joined(separator: "."))] is there twice") }
                try openTable(path)
                current = path
                try endOfLine()
            } else {
                let path = try key(within: current.count)
                skipSpaces()
                guard byte == UInt8(ascii: "=") else { throw fail("expected '=' after the key \(path.joined(separator: "."))") }
                i += 1
                skipSpaces()
                let v = try value(depth: 0)
                try assign(current + path, v)
                try endOfLine()
            }
        }
    }

    /// A bare, quoted or dotted key, inside a table `depth` parts deep. Its parts are
    /// counted as they are read: a key of 30,000 parts once took 3 GB and a segfault,
    /// as each part is a table in a table.
    mutating func key(within depth: Int) throws(TOMLParseError) -> [String] {
        var parts: [String] = []
        while true {
            guard depth + parts.count < TOML.maxKeyParts else {
                throw fail("a key of more than \(TOML.maxKeyParts) parts; kith's files use two or three")
            }
            skipSpaces()
            let c = byte
            if c == UInt8(ascii: "\"") {
                i += 1
                parts.append(try basicString())
            } else if c == UInt8(ascii: "'") {
                i += 1
                parts.append(try literalString())
            } else {
                let start = i
                while !atEnd, Parser.isBare(byte) { i += 1 }
                guard i > start else {
                    throw fail(atEnd || c == 0x0A || c == 0x0D ? "a key is missing" : "a key cannot start with \(shown(c)); put it in quotes")
                }
                parts.append(String(decoding: b[start..<i], as: UTF8.self))
            }
            guard parts[parts.count - 1].utf8.count <= TOML.maxKeyBytes else { throw fail("a key longer than \(Numerals.grouped(TOML.maxKeyBytes)) bytes") }
            skipSpaces()
            guard byte == UInt8(ascii: ".") else { return parts }
            i += 1
        }
    }

    static func isBare(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F || c == 0x2D
    }

    /// Makes sure a table exists at `path`, creating the ones missing.
    mutating func openTable(_ path: [String]) throws(TOMLParseError) {
        func walk(_ t: inout TOMLTable, _ rest: ArraySlice<String>) throws(TOMLParseError) {
            guard let k = rest.first else { return }
            switch t[k] {
            case nil:
                t.set(k, .table(TOMLTable()), line: line)
                t.open.insert(k)
            case .table where t.open.contains(k):
                break
            default:
                throw fail("\(path[...rest.startIndex].joined(separator: ".")) is already set to a value")
            }
            var child = t.take(k)!
            try walk(&child, rest.dropFirst())
            t.put(k, child)
        }
        // Taken out of `root` rather than copied from it, so that it changes in place.
        var r = root
        root = TOMLTable()
        try walk(&r, path[...])
        root = r
    }

    mutating func assign(_ path: [String], _ v: TOMLValue) throws(TOMLParseError) {
        if path.count > 1 { try openTable(Array(path.dropLast())) }
        func walk(_ t: inout TOMLTable, _ rest: ArraySlice<String>) throws(TOMLParseError) {
            let k = rest.first!
            if rest.count == 1 {
                guard t[k] == nil else { throw fail("\(path.joined(separator: ".")) is set twice") }
                t.set(k, v, line: line)
                return
            }
            guard var child = t.take(k) else { throw fail("\(path.joined(separator: ".")) is set twice") }
            try walk(&child, rest.dropFirst())
            t.put(k, child)
        }
        var r = root
        root = TOMLTable()
        try walk(&r, path[...])
        root = r
    }

    mutating func value(depth: Int) throws(TOMLParseError) -> TOMLValue {
        guard depth < 32 else { throw fail("values nested more than 32 deep") }
        let c = byte
        switch c {
        case UInt8(ascii: "\""):
            if b[i...].starts(with: [0x22, 0x22, 0x22]) { i += 3; return .string(try multilineBasic()) }
            i += 1
            return .string(try basicString())
        case UInt8(ascii: "'"):
            if b[i...].starts(with: [0x27, 0x27, 0x27]) { i += 3; return .string(try multilineLiteral()) }
            i += 1
            return .string(try literalString())
        case UInt8(ascii: "["):
            i += 1
            let opened = line
            var items: [TOMLValue] = []
            while true {
                try skipBlank()
                if byte == UInt8(ascii: "]") { i += 1; return .array(items) }
                // Named by the line that opened it: that is where the mistake is.
                if atEnd { throw TOMLParseError(line: opened, reason: "an array needs a closing ']'") }
                items.append(try value(depth: depth + 1))
                try skipBlank()
                if byte == UInt8(ascii: ",") { i += 1; continue }
                guard byte == UInt8(ascii: "]") else { throw fail("expected ',' or ']' in the array") }
            }
        case UInt8(ascii: "{"):
            i += 1
            var t = TOMLTable()
            skipSpaces()
            if byte == UInt8(ascii: "}") { i += 1; return .table(t) }
            while true {
                let path = try key(within: 0)
                skipSpaces()
                guard byte == UInt8(ascii: "=") else { throw fail("expected '=' in the inline table") }
                i += 1
                skipSpaces()
                let v = try value(depth: depth + 1)
                guard path.count == 1 else { throw fail("dotted keys inside { } are not used in kith's files") }
                guard t[path[0]] == nil else { throw fail("\(path[0]) is set twice in the inline table") }
                t.set(path[0], v, line: line)
                skipSpaces()
                if byte == UInt8(ascii: ",") { i += 1; continue }
                guard byte == UInt8(ascii: "}") else { throw fail("expected ',' or '}' in the inline table (it must fit on one line)") }
                i += 1
                return .table(t)
            }
        default:
            return try scalar()
        }
    }

    /// Booleans and numbers: the word up to a separator, read strictly.
    mutating func scalar() throws(TOMLParseError) -> TOMLValue {
        let start = i
        while !atEnd, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#")].contains(byte) { i += 1 }
        let word = String(decoding: b[start..<i], as: UTF8.self)
        if word.isEmpty { throw fail(atEnd || byte == 0x0A || byte == 0x0D ? "a value is missing after '='" : "unexpected \(shown(byte)) where a value should be") }
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "inf", "+inf": return .double(.infinity)
        case "-inf": return .double(-.infinity)
        case "nan", "+nan", "-nan": return .double(.nan)
        default: break
        }
        if let n = Parser.integer(word) { return .int(n) }
        if let d = Parser.float(word) { return .double(d) }
        if word.count >= 8, word.dropFirst(4).first == "-" || word.contains(":") {
            throw fail("dates and times are not used in kith's files; put text in quotes")
        }
        throw fail("\(word.count > 40 ? String(word.prefix(40)) + "…" : word) is not a value: text goes in quotes, numbers as 7 or 1.5, and true or false")
    }

    /// Underscores only between digits, as TOML says.
    static func digits(_ s: Substring, _ ok: (Character) -> Bool) -> String? {
        guard let f = s.first, let l = s.last, ok(f), ok(l) else { return nil }
        var out = "", lastUnderscore = false
        for c in s {
            if c == "_" { if lastUnderscore { return nil }; lastUnderscore = true; continue }
            guard ok(c) else { return nil }
            lastUnderscore = false
            out.append(c)
        }
        return out
    }

    static func integer(_ w: String) -> Int? {
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where w.hasPrefix(prefix) {
            return digits(w.dropFirst(2), { $0.isHexDigit && Int(String($0), radix: radix) != nil }).flatMap { Int($0, radix: radix) }
        }
        var body = Substring(w)
        var sign = ""
        if let f = body.first, f == "+" || f == "-" { sign = f == "-" ? "-" : ""; body = body.dropFirst() }
        guard let d = digits(body, { $0.isASCII && $0.isNumber }), d == "0" || !d.hasPrefix("0") else { return nil }
        return Int(sign + d)
    }

    static func float(_ w: String) -> Double? {
        var body = Substring(w)
        var sign = ""
        if let f = body.first, f == "+" || f == "-" { sign = String(f); body = body.dropFirst() }
        let parts = body.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let parts2 = parts.count == 2 ? parts : body.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts2[0]
        let halves = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        guard let whole = digits(halves[0], isDigit), whole == "0" || !whole.hasPrefix("0") else { return nil }
        var text = sign + whole
        if halves.count == 2 {
            guard let frac = digits(halves[1], isDigit) else { return nil }
            text += "." + frac
        }
        if parts2.count == 2 {
            var e = parts2[1]
            var esign = ""
            if let f = e.first, f == "+" || f == "-" { esign = String(f); e = e.dropFirst() }
            guard let exp = digits(e, isDigit) else { return nil }
            text += "e" + esign + exp
        }
        guard halves.count == 2 || parts2.count == 2, let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// After the opening quote: text with escapes, up to the closing quote on this line.
    mutating func basicString() throws(TOMLParseError) -> String {
        var out: [UInt8] = []
        while true {
            guard !atEnd, byte != 0x0A else { throw fail("a string needs its closing \"") }
            let c = byte
            i += 1
            if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\") { out += try escape(); continue }
            if c < 0x20 && c != 0x09 || c == 0x7F { throw fail("a control character in a string; write it as an escape like \\u001B") }
            out.append(c)
        }
    }

    mutating func escape() throws(TOMLParseError) -> [UInt8] {
        let e = byte
        i += 1
        switch e {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "e"): return [0x1B]
        case UInt8(ascii: "\""): return [0x22]
        case UInt8(ascii: "\\"): return [0x5C]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = e == UInt8(ascii: "u") ? 4 : 8
            guard i + n <= b.count, let v = UInt32(String(decoding: b[i..<i + n], as: UTF8.self), radix: 16),
                  let u = Unicode.Scalar(v) else { throw fail("\\\(Character(Unicode.Scalar(e))) needs \(n) hex digits naming a character") }
            i += n
            return Array(String(Character(u)).utf8)
        default:
            throw fail("unknown escape \\\(atEnd ? "" : String(decoding: [e], as: UTF8.self)) in a string")
        }
    }

    mutating func literalString() throws(TOMLParseError) -> String {
        let start = i
        while !atEnd, byte != UInt8(ascii: "'") {
            if byte == 0x0A { throw fail("a string needs its closing '") }
            if byte < 0x20 && byte != 0x09 || byte == 0x7F { throw fail("a control character in a string") }
            i += 1
        }
        guard !atEnd else { throw fail("a string needs its closing '") }
        defer { i += 1 }
        return String(decoding: b[start..<i], as: UTF8.self)
    }

    mutating func newlineInString(_ out: inout [UInt8]) -> Bool {
        if byte == 0x0A { out.append(0x0A); i += 1; line += 1; return true }
        if byte == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { out.append(0x0A); i += 2; line += 1; return true }
        return false
    }

    /// Whether three `quote`s close a multi-line string here; up to two more quotes
    /// after them belong to the text.
    mutating func closes(quote: UInt8, _ out: inout [UInt8]) -> Bool {
        guard b[i...].starts(with: [quote, quote, quote]) else { return false }
        i += 3
        var extra = 0
        while byte == quote, extra < 2 { out.append(quote); i += 1; extra += 1 }
        return true
    }

    mutating func multilineBasic() throws(TOMLParseError) -> String {
        var out: [UInt8] = []
        // A newline right after the opening quotes is not part of the text.
        if newlineInString(&out) { out.removeAll() }
        while true {
            guard !atEnd else { throw fail("a \"\"\" string needs its closing \"\"\"") }
            if closes(quote: 0x22, &out) { return String(decoding: out, as: UTF8.self) }
            if newlineInString(&out) { continue }
            let c = byte
            i += 1
            if c == UInt8(ascii: "\\") {
                // A backslash at the end of a line joins it to the next, without the spaces.
                var j = i
                while j < b.count, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
                if j < b.count, b[j] == 0x0A || b[j] == 0x0D {
                    i = j
                    while !atEnd {
                        if byte == 0x20 || byte == 0x09 { i += 1; continue }
                        var sink: [UInt8] = []
                        if newlineInString(&sink) { continue }
                        break
                    }
                    continue
                }
                out += try escape()
                continue
            }
            if c < 0x20 && c != 0x09 || c == 0x7F { throw fail("a control character in a string") }
            out.append(c)
        }
    }

    mutating func multilineLiteral() throws(TOMLParseError) -> String {
        var out: [UInt8] = []
        if newlineInString(&out) { out.removeAll() }
        while true {
            guard !atEnd else { throw fail("a ''' string needs its closing '''") }
            if closes(quote: 0x27, &out) { return String(decoding: out, as: UTF8.self) }
            if newlineInString(&out) { continue }
            let c = byte
            i += 1
            if c < 0x20 && c != 0x09 || c == 0x7F { throw fail("a control character in a string") }
            out.append(c)
        }
    }
}
