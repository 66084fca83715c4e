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
        let base = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard base.contains(where: { extra[$0] != nil }) else { return base }
        var out = ""
        for ch in base { if let r = extra[ch] { out += r } else { out.append(ch) } }
        return out
    }
}

/// Closest-match suggestions for typos.
public enum Fuzzy {
    /// Levenshtein distance over Characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The candidate nearest to `text` after folding, if it is near enough to be a
    /// plausible typo: at most a third of the typed length, and at most 3 edits. A
    /// candidate is also compared word by word, so that "Zoey" finds "Zoë Ångström".
    public static func closest(to text: String, among candidates: [String]) -> String? {
        let q = Folding.fold(text)
        guard !q.isEmpty else { return nil }
        let limit = min(3, max(1, q.count / 3))
        var best: (String, Int)?
        for c in candidates {
            let folded = Folding.fold(c)
            var d = distance(q, folded)
            for word in folded.split(separator: " ") where d > 0 {
                d = min(d, distance(q, String(word)))
            }
            if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }
}
