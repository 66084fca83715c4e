/// The content-line rules iCalendar (RFC 5545) and vCard (RFC 6350) share: how text
/// is escaped and how long lines are folded.
enum ContentLine {
    /// TEXT escaping: backslash, semicolon, comma and newline; other controls (C0 and C1) dropped,
    /// since no reader would keep them and some would stop at them.
    static func escape(_ s: String) -> String {
        var out = ""
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

    /// Folds a content line at 75 octets without splitting a UTF-8 sequence;
    /// continuation lines start with one space.
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for ch in line.unicodeScalars {
            let n = String(ch).utf8.count
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
