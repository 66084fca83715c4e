import KithCore

/// The content lines of vCard (RFC 6350) and iCalendar (RFC 5545) files as the sync folder
/// holds them: written by kith, or by a server or a phone that re-folded the lines,
/// re-ordered the properties, turned CRLF into LF or upper-cased the parameter names.
/// Reading is by meaning, so all of those read the same.
struct ContentProperty: Equatable {
    /// A vCard group prefix (`item1` of `item1.EMAIL`), kept for the line's round trip.
    var group: String?
    /// Upper-cased.
    var name: String
    /// Names upper-cased, values as written (quotes removed).
    var params: [(name: String, value: String)]
    /// Still escaped: what the value means depends on the property.
    var value: String
    /// The unfolded line as it came, for lines kith keeps without understanding them.
    var line: String

    static func == (a: ContentProperty, b: ContentProperty) -> Bool {
        a.group == b.group && a.name == b.name && a.value == b.value
            && a.params.map(\.name) == b.params.map(\.name) && a.params.map(\.value) == b.params.map(\.value)
    }

    func param(_ name: String) -> String? { params.first { $0.name == name }?.value }
}

enum ContentLines {
    /// Logical lines: CRLF, LF or CR CR LF ends, continuation lines (a space or a tab
    /// first) joined, blank lines dropped.
    static func unfold(_ text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = raw.first, first == " " || first == "\t", current != nil {
                current! += raw.dropFirst()
                continue
            }
            if let c = current, !c.isEmpty { out.append(c) }
            current = String(raw)
        }
        if let c = current, !c.isEmpty { out.append(c) }
        return out
    }

    /// `group.NAME;PARAM=value;PARAM="quoted":value`. nil for a line with no colon.
    static func parse(_ line: String) -> ContentProperty? {
        var head: [Character] = []
        var inQuotes = false
        var colon: String.Index?
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\"" { inQuotes.toggle() }
            if c == ":" && !inQuotes { colon = i; break }
            head.append(c)
            i = line.index(after: i)
        }
        guard let colon else { return nil }
        let value = String(line[line.index(after: colon)...])
        var parts: [String] = []
        var part = ""
        inQuotes = false
        for c in head {
            if c == "\"" { inQuotes.toggle(); continue }
            if c == ";" && !inQuotes { parts.append(part); part = ""; continue }
            part.append(c)
        }
        parts.append(part)
        var name = parts.removeFirst()
        var group: String?
        if let dot = name.firstIndex(of: ".") {
            group = String(name[..<dot])
            name = String(name[name.index(after: dot)...])
        }
        guard !name.isEmpty else { return nil }
        let params = parts.map { p -> (name: String, value: String) in
            guard let eq = p.firstIndex(of: "=") else { return (p.uppercased(), "") }
            return (String(p[..<eq]).uppercased(), String(p[p.index(after: eq)...]))
        }
        return ContentProperty(group: group, name: name.uppercased(), params: params, value: value, line: line)
    }

    static func escape(_ s: String) -> String { ContentLine.escape(s) }

    static func unescape(_ s: Substring) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped {
                switch c {
                case "n", "N": out.append("\n")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// Splits on a separator that is not escaped, each piece unescaped.
    static func split(_ s: String, on separator: Character) -> [String] {
        var pieces: [String] = []
        var start = s.startIndex
        var escaped = false
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == separator {
                pieces.append(unescape(s[start..<i]))
                start = s.index(after: i)
            }
            i = s.index(after: i)
        }
        pieces.append(unescape(s[start...]))
        return pieces
    }

    static func fold(_ line: String) -> String { ContentLine.fold(line) }
}
