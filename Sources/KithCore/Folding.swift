import Foundation

/// Folding makes "zoe" find "Zoë" and "malgorzata" find "Małgorzata": lower case, no
/// combining marks, and a few letters that Unicode does not decompose mapped to the
/// base letter people type on a plain keyboard. Scripts without case (山田太郎, 최유림)
/// pass through unchanged.
public enum Folding {
    private static let extra: [Character: String] = [
        "ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d", "ħ": "h",
    ]

    public static func fold(_ s: String) -> String {
        // Most names are plain ASCII: lower-casing the bytes is all folding does to them,
        // and Foundation's folding costs a hundred times more.
        // A run of spaces is one space: "Ana  Lima" is "Ana Lima" to the eye.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            for b in s.utf8 where !(b == 0x20 && out.last == 0x20) { out.append((0x41...0x5A).contains(b) ? b + 0x20 : b) }
            return String(decoding: out, as: UTF8.self)
        }
        // What cannot be seen cannot be typed: invisible characters (zero-width spaces and
        // joiners, soft hyphens, fillers, variation selectors) are dropped, and every kind
        // of space is a space, so "Ab\u{200B}cd" and "Tom\u{A0}Lee" fold as "abcd" and
        // "tom lee" do.
        var visible = String.UnicodeScalarView()
        for u in s.unicodeScalars where !u.properties.isDefaultIgnorableCodePoint {
            let v: Unicode.Scalar = u.properties.generalCategory == .spaceSeparator ? " " : u
            if v == " ", visible.last == " " { continue }
            visible.append(v)
        }
        let base = String(visible).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard base.contains(where: { extra[$0] != nil }) else { return base }
        var out = ""
        for ch in base { if let r = extra[ch] { out += r } else { out.append(ch) } }
        return out
    }
}

/// Closest-match suggestions for typos.
public enum Fuzzy {
    /// Edit distance over Characters, counting a swap of two neighbours as one edit
    /// (optimal string alignment): "Jsoe" is one typo away from "Jose".
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// The candidate nearest to `text` after folding, if it is near enough to be a
    /// plausible typo: at most a third of the typed length, and at most 3 edits. A
    /// candidate is also compared word by word, so that "Zoey" finds "Zoë Ångström".
    public static func closest(to text: String, among candidates: [String]) -> String? {
        let q = Folding.fold(text)
        // Nobody mistypes a 65-letter name; and the distance is quadratic in length.
        guard !q.isEmpty, q.count <= 64 else { return nil }
        let limit = min(3, max(1, q.count / 3))
        var best: (String, Int)?
        for c in candidates {
            let folded = Folding.fold(c)
            guard folded.count <= 256 else { continue }
            var d = distance(q, folded)
            for word in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where d > 0 {
                d = min(d, distance(q, String(word)))
            }
            if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }
}
