/// The content-line rules iCalendar (RFC 5545) and vCard (RFC 6350) share: how text
/// is escaped and how long lines are folded. One place for both the exports and the
/// sync folder, so that what one writes the other reads alike.
public enum ContentLine {
    /// TEXT escaping: backslash, semicolon, comma and newline; other controls (C0 and C1) dropped,
    /// since no reader would keep them and some would stop at them. An unescaped comma
    /// matters: servers built on vobject (Radicale) keep only what comes before it.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            // A tab is text (RFC 5545's TSAFE-CHAR and RFC 6350 allow it), kept as it is.
            case "\t": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 sequence (Radicale
    /// stores such a split as mojibake, and vdirsyncer then fails the whole collection);
    /// continuation lines start with one space.
    public static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var out = "", count = 0
        for ch in line.unicodeScalars {
            let v = ch.value
            let n = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            if count + n > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(ch)
            count += n
        }
        return out
    }
}
