/// A JSON value small enough to hold whole: one person, one moment, one setting list.
/// The document around it is never held: `JSONPull` walks it.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A whole number that fits an Int.
    case int(Int)
    /// Any other number (a fraction, an exponent, too large), kept as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the order written; a key appears at most once (`JSONPull` refuses a second).
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// A member of an object, or nil when absent (or when this is not an object).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }
}

/// A pull reader of JSON that reads its input in chunks, so that a document of any
/// size costs only what the caller keeps of it. The caller walks the outer structure
/// (`beginObject`/`nextKey`, `beginArray`/`nextElement`) and takes each small part whole
/// with `value()`. Nesting, strings and numbers are bounded, so no input can make it
/// recurse without end or hold more than `maxString` bytes of one string.
public struct JSONPull {
    /// What went wrong: bad syntax at a line and column, or a limit passed at `path`
    /// (relative to where `value()` began: `.note`, `[3].word`).
    public enum Failure: Error, Equatable {
        case syntax(String, line: Int, column: Int)
        case tooDeep(path: String, limit: Int)
        case tooLong(path: String)
        case duplicateKey(path: String, key: String)
        case notUTF8(path: String)
    }

    /// The next chunk of input; an empty one means the end.
    public typealias Source = () throws -> [UInt8]

    public let maxDepth: Int
    public let maxString: Int
    /// A number is at most this many characters (an Int needs 20).
    public static let maxNumber = 64

    private let source: Source
    private var buffer: [UInt8] = []
    private var pos = 0
    private var atEnd = false
    /// Bytes before `buffer`, and where the current line began: for error places.
    private var consumed = 0
    private var line = 1
    private var lineStart = 0
    /// How deep the walk is: each `beginObject`/`beginArray` not yet closed.
    public private(set) var depth = 0
    private var scratch: [UInt8] = []

    public init(maxDepth: Int = 64, maxString: Int, source: @escaping Source) {
        self.maxDepth = maxDepth
        self.maxString = maxString
        self.source = source
    }

    // MARK: bytes

    private mutating func refill() throws -> Bool {
        if atEnd { return false }
        consumed += buffer.count
        buffer = try source()
        pos = 0
        if buffer.isEmpty { atEnd = true; return false }
        return true
    }

    @inline(__always) private mutating func peekByte() throws -> UInt8? {
        if pos < buffer.count { return buffer[pos] }
        return try refill() ? buffer[pos] : nil
    }

    /// The next byte that is not white space, left unread.
    private mutating func peekToken() throws -> UInt8? {
        while let b = try peekByte() {
            switch b {
            case 0x20, 0x09, 0x0D: pos += 1
            case 0x0A: pos += 1; line += 1; lineStart = consumed + pos
            default: return b
            }
        }
        return nil
    }

    private func describe(_ b: UInt8?) -> String {
        guard let b else { return "the end of the file" }
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16)
    }

    /// A syntax error at the current place.
    public func syntax(_ what: String) -> Failure {
        .syntax(what, line: line, column: consumed + pos - lineStart + 1)
    }

    private mutating func expect(_ c: UInt8, _ what: String) throws {
        let b = try peekToken()
        guard b == c else { throw syntax("expected \(what), found \(describe(b))") }
        pos += 1
    }

    // MARK: walking

    public enum Kind { case object, array, string, number, bool, null }

    /// What the next value is, without reading it.
    public mutating func peekKind() throws -> Kind {
        switch try peekToken() {
        case UInt8(ascii: "{"): .object
        case UInt8(ascii: "["): .array
        case UInt8(ascii: "\""): .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        case let b? where b == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b): .number
        case let b: throw syntax("expected a value, found \(describe(b))")
        }
    }

    private mutating func enter(_ path: @autoclosure () -> String) throws {
        guard depth < maxDepth else { throw Failure.tooDeep(path: path(), limit: maxDepth) }
        depth += 1
    }

    public mutating func beginObject() throws {
        try enter("")
        try expect(UInt8(ascii: "{"), "'{'")
    }

    /// The next key of the object begun last (its ':' read), or nil at its end.
    /// `first` is true before the first key.
    public mutating func nextKey(first: inout Bool) throws -> String? {
        let b = try peekToken()
        if b == UInt8(ascii: "}") { pos += 1; depth -= 1; return nil }
        if !first {
            guard b == UInt8(ascii: ",") else { throw syntax("expected ',' or '}', found \(describe(b))") }
            pos += 1
        }
        first = false
        guard try peekToken() == UInt8(ascii: "\"") else { throw syntax("expected a key in quotes, found \(describe(try peekToken()))") }
        let key = try string(path: "")
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    public mutating func beginArray() throws {
        try enter("")
        try expect(UInt8(ascii: "["), "'['")
    }

    /// Whether the array begun last has another element (its ',' read).
    public mutating func nextElement(first: inout Bool) throws -> Bool {
        let b = try peekToken()
        if b == UInt8(ascii: "]") { pos += 1; depth -= 1; return false }
        if !first {
            guard b == UInt8(ascii: ",") else { throw syntax("expected ',' or ']', found \(describe(b))") }
            pos += 1
        }
        first = false
        return true
    }

    /// After the document: nothing but white space may follow.
    public mutating func end() throws {
        if let b = try peekToken() { throw syntax("expected the end of the file, found \(describe(b))") }
    }

    /// The next value, whole. Keys given twice, nesting past `maxDepth` and overlong text
    /// are refused with their path inside this value.
    public mutating func value() throws -> JSONValue {
        switch try peekKind() {
        case .object:
            try enter("")
            pos += 1
            var members: [(String, JSONValue)] = []
            // Keys are looked for in the list while it is short (a person, a moment), in a set past that.
            var keys = Set<String>()
            var first = true
            while let key = try nextKey(first: &first) {
                let twice: Bool
                if members.count < 16 {
                    twice = members.contains { $0.0 == key }
                } else {
                    if keys.isEmpty { keys = Set(members.map(\.0)) }
                    twice = !keys.insert(key).inserted
                }
                if twice { throw Failure.duplicateKey(path: "", key: key) }
                do { members.append((key, try value())) } catch let f as Failure { throw f.inside("." + key) }
            }
            return .object(members)
        case .array:
            try enter("")
            pos += 1
            var items: [JSONValue] = []
            var first = true
            while try nextElement(first: &first) {
                do { items.append(try value()) } catch let f as Failure { throw f.inside("[\(items.count)]") }
            }
            return .array(items)
        case .string: return .string(try string(path: ""))
        case .number: return try number()
        case .bool, .null: return try literal()
        }
    }

    /// Passes over the next value without keeping it (still checking its syntax).
    public mutating func skip() throws {
        switch try peekKind() {
        case .object:
            try enter("")
            pos += 1
            var first = true
            while try nextKey(first: &first) != nil { try skip() }
        case .array:
            try enter("")
            pos += 1
            var first = true
            while try nextElement(first: &first) { try skip() }
        case .string: _ = try string(path: "", keep: false)
        case .number: _ = try number()
        case .bool, .null: _ = try literal()
        }
    }

    // MARK: scalars

    private mutating func literal() throws -> JSONValue {
        let first = try peekByte()
        let (word, v): (String, JSONValue) = first == UInt8(ascii: "t") ? ("true", .bool(true))
            : first == UInt8(ascii: "f") ? ("false", .bool(false)) : ("null", .null)
        for c in word.utf8 {
            guard try peekByte() == c else { throw syntax("expected \(word)") }
            pos += 1
        }
        return v
    }

    private mutating func number() throws -> JSONValue {
        scratch.removeAll(keepingCapacity: true)
        while let b = try peekByte(), (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            guard scratch.count < JSONPull.maxNumber else { throw syntax("a number longer than \(JSONPull.maxNumber) characters") }
            scratch.append(b)
            pos += 1
        }
        let text = String(decoding: scratch, as: UTF8.self)
        guard JSONPull.isNumber(scratch) else { throw syntax("\"\(text)\" is not a number") }
        if !scratch.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }), let n = Int(text) {
            return .int(n)
        }
        return .number(text)
    }

    /// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isNumber(_ s: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < s.count, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < s.count, s[i] == UInt8(ascii: "-") { i += 1 }
        guard i < s.count else { return false }
        if s[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < s.count, s[i] == UInt8(ascii: ".") { i += 1; if digits() == 0 { return false } }
        if i < s.count, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == s.count
    }

    /// A string, its escapes decoded; at most `maxString` bytes of UTF-8.
    private mutating func string(path: String, keep: Bool = true) throws -> String {
        pos += 1  // the opening quote
        scratch.removeAll(keepingCapacity: true)
        while true {
            // The common run of plain bytes, copied at once.
            if pos < buffer.count {
                var i = pos
                while i < buffer.count {
                    let b = buffer[i]
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                    i += 1
                }
                // Text passed over costs nothing to hold: only text kept is bounded.
                if keep {
                    if scratch.count + (i - pos) > maxString { throw Failure.tooLong(path: path) }
                    scratch.append(contentsOf: buffer[pos..<i])
                }
                pos = i
            }
            guard let b = try peekByte() else { throw syntax("a string is cut short by the end of the file") }
            if b == UInt8(ascii: "\"") { pos += 1; break }
            if b < 0x20 { throw syntax("a control character (\(describe(b))) inside a string must be escaped") }
            guard b == UInt8(ascii: "\\") else { continue }
            pos += 1
            guard let e = try peekByte() else { throw syntax("a string is cut short by the end of the file") }
            pos += 1
            var scalar: UInt32
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalar = UInt32(e)
            case UInt8(ascii: "b"): scalar = 0x08
            case UInt8(ascii: "f"): scalar = 0x0C
            case UInt8(ascii: "n"): scalar = 0x0A
            case UInt8(ascii: "r"): scalar = 0x0D
            case UInt8(ascii: "t"): scalar = 0x09
            case UInt8(ascii: "u"):
                scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard try peekByte() == UInt8(ascii: "\\") else { throw syntax("a lone surrogate \\u\(String(scalar, radix: 16)) in a string") }
                    pos += 1
                    guard try peekByte() == UInt8(ascii: "u") else { throw syntax("a lone surrogate \\u\(String(scalar, radix: 16)) in a string") }
                    pos += 1
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw syntax("a lone surrogate \\u\(String(scalar, radix: 16)) in a string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw syntax("a lone surrogate \\u\(String(scalar, radix: 16)) in a string")
                }
            default: throw syntax("\\\(Character(Unicode.Scalar(e))) is not an escape JSON knows")
            }
            guard keep else { continue }
            UTF8.encode(Unicode.Scalar(scalar)!) { scratch.append($0) }
            if scratch.count > maxString { throw Failure.tooLong(path: path) }
        }
        guard keep else { return "" }
        guard let s = String(validating: scratch, as: UTF8.self) else { throw Failure.notUTF8(path: path) }
        return s
    }

    private mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let b = try peekByte() else { throw syntax("a string is cut short by the end of the file") }
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw syntax("\\u needs four hex digits")
            }
            v = v << 4 | UInt32(d)
            pos += 1
        }
        return v
    }
}

extension JSONPull.Failure {
    /// The same failure, one step further in: `.note` becomes `.emotions[1].note`.
    func inside(_ step: String) -> JSONPull.Failure {
        switch self {
        case .syntax: self
        case let .tooDeep(path, limit): .tooDeep(path: step + path, limit: limit)
        case let .tooLong(path): .tooLong(path: step + path)
        case let .duplicateKey(path, key): .duplicateKey(path: step + path, key: key)
        case let .notUTF8(path): .notUTF8(path: step + path)
        }
    }
}
