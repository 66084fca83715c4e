import KithCore
import KithInterop

/// A file in the sync folder that kith cannot read as a record: one line saying why.
public struct SyncFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Writes records as the files the sync folder holds and reads them back: people and
/// groups as vCard 3.0 (groups as Apple's and DAVx5's group cards, members by UID),
/// moments and self check-ins as iCalendar VJOURNAL, reminders as VTODO, so that a phone
/// shows them. What kith alone means goes in `X-KITH-…` properties, one property per value
/// for lists (a comma list would be cut at its first comma by vobject-based servers).
/// Properties kith does not know are kept, in order, and written back as they came.
/// `X-KITH-REV` changes with every write: vdirsyncer's change check ignores REV,
/// LAST-MODIFIED and DTSTAMP and remembers a content hash, so an edit that brought a
/// record back to an earlier content (a snooze set, then lifted) was never sent.
public enum SyncCodec {
    /// The fields each kind carries in standard or `X-KITH-` properties. A field not
    /// listed here (a phone number, another app's line) rides in `extra`.
    static let text: [SyncRecord.Kind: [(field: String, property: String)]] = [
        .person: [("name", "FN"), ("nickname", "NICKNAME"), ("notes", "NOTE"), ("birthday", "BDAY"), ("circle", "X-KITH-CIRCLE"),
                  ("cadence", "X-KITH-CADENCE"), ("bond", "X-KITH-BOND"), ("archived", "X-KITH-ARCHIVED"),
                  ("added", "X-KITH-ADDED"), ("snooze", "X-KITH-SNOOZE")],
        .group: [("name", "FN"), ("notes", "NOTE"), ("cadence", "X-KITH-CADENCE"), ("added", "X-KITH-ADDED"), ("snooze", "X-KITH-SNOOZE")],
        .moment: [("start", "DTSTART"), ("note", "DESCRIPTION"), ("group", "X-KITH-GROUP"), ("channel", "X-KITH-CHANNEL"),
                  ("initiator", "X-KITH-INITIATOR"), ("uplift", "X-KITH-UPLIFT"), ("depth", "X-KITH-DEPTH"),
                  ("received", "X-KITH-RECEIVED"), ("created", "X-KITH-CREATED")],
        .reminder: [("text", "SUMMARY"), ("due", "DUE"), ("state", "STATUS"), ("closed", "X-KITH-CLOSED"),
                    ("person", "X-KITH-PERSON"), ("group", "X-KITH-GROUP")],
        .self: [("start", "DTSTART"), ("closeness", "X-KITH-CLOSENESS"), ("loneliness", "X-KITH-LONELINESS")],
    ]
    /// Fields that are sets: one property per value.
    static let sets: [SyncRecord.Kind: [(field: String, property: String)]] = [
        .group: [("members", "X-ADDRESSBOOKSERVER-MEMBER")],
        .moment: [("people", "X-KITH-PERSON"), ("kinds", "X-KITH-KIND"), ("emotions", "X-KITH-EMOTION")],
        .self: [("emotions", "X-KITH-EMOTION")],
    ]
    /// Written for other apps to show, and worked out again from the fields on reading:
    /// never read back as data.
    static let derived: Set<String> = ["VERSION", "PRODID", "UID", "N", "SUMMARY", "CATEGORIES", "DTSTAMP", "LAST-MODIFIED", "REV",
                                       "X-ADDRESSBOOKSERVER-KIND", "X-KITH-RECORD", "CLASS", "COMPLETED", "X-KITH-REV", "X-KITH-TIME"]

    // MARK: writing

    /// The file for a record: CRLF line ends, folded at 75 octets. `display` gives the
    /// names other apps show (a moment's SUMMARY and CATEGORIES, say), by UID.
    public static func encode(_ r: SyncRecord, names display: [String: String] = [:]) -> String {
        var lines: [String] = []
        let stamp = utcStamp(r.modified)
        switch r.kind {
        case .person, .group:
            lines += ["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//kith//EN", "UID:" + r.uid]
            if r.kind == .group { lines.append("X-ADDRESSBOOKSERVER-KIND:group") }
            let name = r["name"] ?? ""
            lines.append("N:" + (r.kind == .group ? escape(name) + ";;;;" : VCard.structuredName(name)))
            lines += properties(r)
            lines.append("REV:" + stamp)
            lines.append("X-KITH-REV:\(r.modified)")
            lines += r.many("extra")
            lines.append("END:VCARD")
        case .moment, .self, .reminder:
            lines += ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kith//EN"]
            lines.append(r.kind == .reminder ? "BEGIN:VTODO" : "BEGIN:VJOURNAL")
            lines += ["UID:" + r.uid, "DTSTAMP:" + stamp, "LAST-MODIFIED:" + stamp, "X-KITH-REV:\(r.modified)"]
            // A task's COMPLETED is a date-time (RFC 5545; Radicale refuses a date, and
            // vdirsyncer then stops the whole journal); a dismissed one has none.
            if r.kind == .reminder, r["state"] == "COMPLETED", let closed = r["closed"] { lines.append("COMPLETED:\(closed)T000000Z") }
            if r.kind == .self { lines.append("X-KITH-RECORD:self-checkin") }
            if let summary = summary(r, display) { lines.append("SUMMARY:" + escape(summary)) }
            let names = r.many("people").compactMap { display[$0] }
            if !names.isEmpty { lines.append("CATEGORIES:" + names.map(escape).joined(separator: ",")) }
            lines += properties(r)
            lines += r.many("extra")
            lines.append(r.kind == .reminder ? "END:VTODO" : "END:VJOURNAL")
            lines.append("END:VCALENDAR")
        }
        return lines.map(ContentLines.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func properties(_ r: SyncRecord) -> [String] {
        var out: [String] = []
        // When each field last changed, for merges judged field by field; only where it
        // differs from the record's own time (one line per field, a comma list would be cut).
        for (field, at) in r.fieldTimes.sorted(by: { $0.key < $1.key }) where at != r.modified {
            out.append("X-KITH-TIME;FIELD=\(field):\(at)")
        }
        for (field, property) in text[r.kind] ?? [] {
            guard let v = r[field], !v.isEmpty else { continue }
            out.append(property + valueParams(property, v) + ":" + (isText(property) ? escape(v) : v))
        }
        for (field, property) in sets[r.kind] ?? [] {
            for v in r.many(field) {
                if property == "X-KITH-EMOTION", let colon = v.lastIndex(of: ":") {
                    out.append("X-KITH-EMOTION;INTENSITY=\(v[v.index(after: colon)...]):" + escape(String(v[..<colon])))
                } else if property == "X-ADDRESSBOOKSERVER-MEMBER" {
                    out.append(property + ":urn:uuid:" + v)
                } else {
                    out.append(property + ":" + escape(v))
                }
            }
        }
        return out
    }

    /// Dates are written as dates; the rest of kith's values are plain words or numbers.
    static func valueParams(_ property: String, _ v: String) -> String {
        guard ["DTSTART", "DUE"].contains(property), !v.contains("T") else { return "" }
        return ";VALUE=DATE"
    }

    static func isText(_ property: String) -> Bool {
        ["FN", "NICKNAME", "NOTE", "DESCRIPTION", "SUMMARY"].contains(property)
    }

    static func escape(_ s: String) -> String { ContentLines.escape(s) }

    /// What a phone's journal or task app shows as the title.
    static func summary(_ r: SyncRecord, _ display: [String: String]) -> String? {
        switch r.kind {
        case .moment:
            let names = r.many("people").map { display[$0] ?? "someone" }
            let group = r["group"].flatMap { display[$0] }
            let who = names.isEmpty ? "" : names.joined(separator: ", ")
            return group.map { "\($0)" + (who.isEmpty ? "" : ": " + who) } ?? (who.isEmpty ? "A moment" : "With " + who)
        case .self:
            return r["closeness"].map { "Your day: \($0) of 7 connected" } ?? "Your day"
        default:
            return nil
        }
    }

    /// Milliseconds since 1970 as an iCalendar UTC date-time.
    static func utcStamp(_ ms: Int64) -> String {
        let seconds = ms / 1000
        let rest = Int(((seconds % 86_400) + 86_400) % 86_400)
        let day = Day(ordinal: Int((seconds - Int64(rest)) / 86_400))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.year)\(two(day.month))\(two(day.day))T\(two(rest / 3600))\(two(rest / 60 % 60))\(two(rest % 60))Z"
    }

    /// An iCalendar date-time (UTC, or floating and read as UTC) as milliseconds since 1970.
    static func parseStamp(_ s: String) -> Int64? {
        let digits = s.filter(\.isNumber)
        guard digits.count >= 14, let y = Int(digits.prefix(4)), let mo = Int(digits.dropFirst(4).prefix(2)),
              let d = Int(digits.dropFirst(6).prefix(2)), let h = Int(digits.dropFirst(8).prefix(2)),
              let mi = Int(digits.dropFirst(10).prefix(2)), let se = Int(digits.dropFirst(12).prefix(2)),
              let day = Day(year: y, month: mo, day: d) else { return nil }
        return (Int64(day.ordinal) * 86_400 + Int64(h * 3600 + mi * 60 + se)) * 1000
    }

    // MARK: reading

    /// The UID of the first card or entry in a file, unfolded and read as the codec reads
    /// it: `kith export vcard` finds a card by it, whatever the file is called.
    public static func firstUID(_ file: String) -> String? {
        for line in ContentLines.unfold(file) {
            guard let p = ContentLines.parse(line), p.name == "UID" else { continue }
            let uid = p.value.trimmingSpaces
            return uid.isEmpty ? nil : uid
        }
        return nil
    }

    /// The record a file holds, however a server or phone re-folded, re-ordered or
    /// re-escaped it.
    public static func decode(_ file: String) throws(SyncFileError) -> SyncRecord {
        let lines = ContentLines.unfold(file)
        var stack: [String] = []
        var props: [ContentProperty] = []
        var component: String?
        for line in lines {
            guard let p = ContentLines.parse(line) else { throw SyncFileError("not a vCard or iCalendar file (a line without a colon)") }
            if p.name == "BEGIN" {
                stack.append(p.value.uppercased())
                if ["VCARD", "VJOURNAL", "VTODO"].contains(p.value.uppercased()), component == nil { component = p.value.uppercased() }
                continue
            }
            if p.name == "END" { _ = stack.popLast(); continue }
            // Only the record's own component: a VTIMEZONE a server added is not part of it.
            if stack.last == component { props.append(p) }
        }
        guard let component else { throw SyncFileError("not a vCard, VJOURNAL or VTODO") }
        guard let uid = props.first(where: { $0.name == "UID" })?.value, !uid.isEmpty else { throw SyncFileError("no UID") }
        let kind: SyncRecord.Kind
        switch component {
        case "VCARD":
            let k = props.first { $0.name == "X-ADDRESSBOOKSERVER-KIND" || $0.name == "KIND" }?.value.lowercased()
            kind = k == "group" ? .group : .person
        case "VTODO": kind = .reminder
        default: kind = props.contains { $0.name == "X-KITH-RECORD" && $0.value.lowercased() == "self-checkin" } ? .self : .moment
        }
        let stamp = props.first { $0.name == "LAST-MODIFIED" || $0.name == "REV" }.flatMap { parseStamp($0.value) } ?? 0
        var r = SyncRecord(kind: kind, uid: uid, modified: stamp)
        var extra: [String] = []
        let textFields = Dictionary((Self.text[kind] ?? []).map { ($0.property, $0.field) }, uniquingKeysWith: { a, _ in a })
        let setFields = Dictionary((sets[kind] ?? []).map { ($0.property, $0.field) }, uniquingKeysWith: { a, _ in a })
        var setValues: [String: [String]] = [:]
        for p in props {
            if p.name == "CATEGORIES" {
                r.categories += ContentLines.split(p.value, on: ",").filter { !$0.isEmpty }
            } else if let field = setFields[p.name] {
                setValues[field, default: []].append(setValue(p))
            } else if let field = textFields[p.name], r[field] == nil {
                r[field] = isText(p.name) ? ContentLines.unescape(p.value[...]) : p.value
            } else if derived.contains(p.name) {
                continue
            } else {
                extra.append(p.line)
            }
        }
        for (field, values) in setValues { r.fields[field] = .many(values) }
        for p in props where p.name == "X-KITH-TIME" {
            if let field = p.param("FIELD"), let at = Int64(p.value) { r.fieldTimes[field] = at }
        }
        if !extra.isEmpty { r.fields["extra"] = .many(extra) }
        return r
    }

    static func setValue(_ p: ContentProperty) -> String {
        switch p.name {
        case "X-KITH-EMOTION": return ContentLines.unescape(p.value[...]) + ":" + (p.param("INTENSITY") ?? "1")
        case "X-ADDRESSBOOKSERVER-MEMBER", "MEMBER":
            let v = p.value
            return v.lowercased().hasPrefix("urn:uuid:") ? String(v.dropFirst(9)) : v
        default: return ContentLines.unescape(p.value[...])
        }
    }
}
