/// RFC 4180 CSV: fields with a comma, a quote or a line break are quoted, quotes doubled;
/// lines end in CRLF, as spreadsheets expect.
public enum CSV {
    public static func field(_ raw: String) -> String {
        let s = defused(raw)
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n",
        // and a quote followed by a combining mark is one Character that is not "\"".
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingQuotes() + "\""
    }

    /// A spreadsheet runs a cell that starts with = + - or @ as a formula: a note such as
    /// `=HYPERLINK(…)` would become a live link. Such text gets a leading apostrophe,
    /// which spreadsheets show as text (numbers like -1 are left alone).
    static func defused(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        if Double(s) != nil { return s }
        return "'" + s
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}

private extension String {
    func replacingQuotes() -> String {
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            if u == "\"" { out.append(u) }
            out.append(u)
        }
        return String(out)
    }
}
