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
        if isPlainDecimal(s) { return s }
        return "'" + s
    }

    /// A sign, digits and at most one point (`-1`, `+0.5`, `-.5`). Not `Double(s)`: it
    /// also takes `-inf`, `+nan(DDE_cmd)` and `-0x1p3`, which no spreadsheet reads as a
    /// number and one may run.
    static func isPlainDecimal(_ s: String) -> Bool {
        var digits = 0, points = 0
        for (i, u) in s.unicodeScalars.enumerated() {
            switch u {
            case "+" where i == 0, "-" where i == 0: continue
            case "0"..."9": digits += 1
            case ".": points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
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
