/// The three-way merge of two edits of one record, field by field, against the version
/// both started from (the last one synced). It never loses a word: a field changed on
/// one side only takes that change; sets (people, emotions, kinds, members) merge as
/// sets, so an emotion added here and a person added there both stay; the same text
/// edited on both sides keeps the later edit with the other appended under a marked
/// line; any other field edited on both sides keeps the later value.
public enum SyncMerge {
    /// Fields whose two edits are both kept, the later first.
    static let appended: Set<String> = ["notes", "note", "text"]

    public static func merge(base: SyncRecord?, _ a: SyncRecord, _ b: SyncRecord) -> SyncRecord {
        if a.sameContent(as: b) { return a.modified >= b.modified ? a : b }
        var out = a.modified >= b.modified ? a : b
        out.modified = max(a.modified, b.modified)
        let empty = SyncRecord(kind: a.kind, uid: a.uid, modified: 0)
        let base = base ?? empty
        var times: [String: Int64] = [:]
        for name in Set(a.fields.keys).union(b.fields.keys).union(base.fields.keys) {
            // The later edit of this field, by the field's own time (the record's as a fallback).
            let (later, earlier) = a.time(of: name) >= b.time(of: name) ? (a, b) : (b, a)
            out.fields[name] = field(name, base: base.fields[name], later: later.fields[name], earlier: earlier.fields[name],
                                     earlierWhen: earlier.time(of: name))
            times[name] = max(a.time(of: name), b.time(of: name))
        }
        out.fieldTimes = times
        return out
    }

    static func field(_ name: String, base o: Field?, later l: Field?, earlier e: Field?, earlierWhen: Int64) -> Field? {
        if l == e { return l }
        if l == o { return e }
        if e == o { return l }
        // Changed on both sides, differently.
        switch (o, l, e) {
        case (_, .many, _), (_, _, .many):
            return mergeSets(base(o), base(l), base(e), emotions: name == "emotions")
        default:
            guard appended.contains(name), case .one(let lt)? = l, case .one(let et)? = e, !et.isEmpty else { return l }
            if lt.isEmpty { return e }
            return .one(lt + "\n\n— the other edit (\(readable(earlierWhen))) —\n" + et)
        }
    }

    /// "2026-12-06 08:05 UTC".
    static func readable(_ ms: Int64) -> String {
        let s = SyncCodec.utcStamp(ms)
        let d = Array(s)
        return "\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8])) \(String(d[9..<11])):\(String(d[11..<13])) UTC"
    }

    static func base(_ f: Field?) -> [String] {
        switch f {
        case .many(let v)?: v
        case .one(let v)?: [v]
        case nil: []
        }
    }

    /// What either side added, less what either side removed, in the later side's order.
    static func mergeSets(_ o: [String], _ l: [String], _ e: [String], emotions: Bool) -> Field? {
        let base = Set(o)
        let removed = base.subtracting(l).union(base.subtracting(e))
        var out: [String] = []
        var seen = Set<String>()
        for v in l + e where !removed.contains(v) && seen.insert(v).inserted { out.append(v) }
        return out.isEmpty ? nil : .many(emotions ? mergedEmotions(out) : out)
    }

    /// One emotion once: "joy:1" added here and "joy:3" there keep the stronger.
    static func mergedEmotions(_ values: [String]) -> [String] {
        var strongest: [String: Int] = [:]
        var order: [String] = []
        for v in values {
            guard let colon = v.lastIndex(of: ":"), let n = Int(v[v.index(after: colon)...]) else { continue }
            let word = String(v[..<colon])
            if strongest[word] == nil { order.append(word) }
            strongest[word] = max(strongest[word] ?? 0, n)
        }
        return order.map { "\($0):\(strongest[$0]!)" }
    }
}
