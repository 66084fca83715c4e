import KithCore

/// Editable text with a cursor, by grapheme: Backspace removes a whole character
/// (an emoji with its modifiers, a letter with its accent), never half of one.
public struct TextBuffer: Equatable, Sendable {
    public private(set) var chars: [Character]
    /// Insertion point, 0...chars.count.
    public private(set) var cursor: Int
    public let multiline: Bool
    /// A value filled in for the user ("today"): the first letter typed replaces it, as
    /// a selected field would; moving or deleting first keeps it for editing.
    public private(set) var replacesOnType = false

    public init(_ text: String = "", multiline: Bool = false, replacedOnType: Bool = false) {
        chars = Array(text)
        cursor = chars.count
        self.multiline = multiline
        replacesOnType = replacedOnType && !text.isEmpty
    }

    public var text: String { String(chars) }
    public var isEmpty: Bool { chars.isEmpty }

    public mutating func insert(_ c: Character) {
        if c == "\n" && !multiline { return }
        if replacesOnType { chars = []; cursor = 0; replacesOnType = false }
        chars.insert(c, at: cursor)
        cursor += 1
    }

    /// Inserts a whole piece of text (a paste) at the cursor, in one step: linear in its
    /// length, however long. Line ends become the field's (a space in a one-line field);
    /// tabs become spaces; every other control character is dropped, never run as a key.
    public mutating func insert(contentsOf text: String) {
        var clean: [Character] = []
        clean.reserveCapacity(text.unicodeScalars.count)
        for c in text {
            switch c {
            case "\r\n", "\n", "\r": clean.append(multiline ? "\n" : " ")
            case "\t": clean.append(" ")
            default:
                if c.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) }) { continue }
                clean.append(c)
            }
        }
        guard !clean.isEmpty else { return }
        if replacesOnType { chars = []; cursor = 0; replacesOnType = false }
        chars.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    public mutating func backspace() {
        replacesOnType = false
        guard cursor > 0 else { return }
        chars.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        replacesOnType = false
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
    }

    public mutating func left() { replacesOnType = false; cursor = max(0, cursor - 1) }
    public mutating func right() { replacesOnType = false; cursor = min(chars.count, cursor + 1) }
    public mutating func home() { replacesOnType = false; cursor = lineStart(cursor) }
    public mutating func end() { replacesOnType = false; cursor = lineEnd(cursor) }
    public mutating func clear() { replacesOnType = false; chars = []; cursor = 0 }

    /// Moves to the previous line at the same display column; false on the first line.
    @discardableResult
    public mutating func up() -> Bool {
        let start = lineStart(cursor)
        guard start > 0 else { return false }
        let column = TerminalText.width(String(chars[start..<cursor]))
        let prevStart = lineStart(start - 1)
        cursor = index(atColumn: column, from: prevStart, to: start - 1)
        return true
    }

    /// Moves to the next line at the same display column; false on the last line.
    @discardableResult
    public mutating func down() -> Bool {
        let end = lineEnd(cursor)
        guard end < chars.count else { return false }
        let column = TerminalText.width(String(chars[lineStart(cursor)..<cursor]))
        let nextStart = end + 1
        cursor = index(atColumn: column, from: nextStart, to: lineEnd(nextStart))
        return true
    }

    func lineStart(_ i: Int) -> Int {
        var j = i
        while j > 0 && chars[j - 1] != "\n" { j -= 1 }
        return j
    }

    func lineEnd(_ i: Int) -> Int {
        var j = i
        while j < chars.count && chars[j] != "\n" { j += 1 }
        return j
    }

    private func index(atColumn column: Int, from start: Int, to end: Int) -> Int {
        var w = 0, i = start
        while i < end {
            let cw = TerminalText.width(of: chars[i])
            if w + cw > column { break }
            w += cw
            i += 1
        }
        return i
    }

    /// The lines of the text and where the cursor is among them (line, display column).
    public var cursorPosition: (line: Int, column: Int) {
        let before = chars[0..<cursor]
        let line = before.filter { $0 == "\n" }.count
        let start = lineStart(cursor)
        return (line, TerminalText.width(String(chars[start..<cursor])))
    }

    public var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
