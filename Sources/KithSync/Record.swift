/// One record as it travels in the sync folder: a person, a group, a moment, a reminder
/// or a day's self check-in, by UID, as named fields. The store maps its rows to and
/// from records; the codec writes and reads them as vCard or iCalendar files; the merge
/// works field by field. Keeping the fields generic (a name and one or many values) lets
/// one merge serve every kind, and lets a field kith does not know (another app's line on
/// a card) ride along untouched.
public struct SyncRecord: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case person, group, moment, reminder, `self`

        /// The folder a record of this kind lives in.
        public var folder: String { self == .person || self == .group ? "contacts" : "journal" }
        public var fileExtension: String { self == .person || self == .group ? "vcf" : "ics" }
    }

    public var kind: Kind
    public var uid: String
    /// When the record last changed, in milliseconds since 1970 (the merge keeps the
    /// later of two edits of one field).
    public var modified: Int64
    public var fields: [String: Field]
    /// The CATEGORIES of a journal entry as another app wrote them: names, which a phone's
    /// journal app uses to say who an entry is about. Not part of the record's content
    /// (kith writes its own people's names there for other apps to show).
    public var categories: [String] = []
    /// When each field last changed (ms since 1970), where known: "the later edit wins"
    /// is judged field by field, not by the record's latest change (a note edited after
    /// a snooze once made that older snooze win over a newer one). Not part of the content.
    public var fieldTimes: [String: Int64] = [:]

    /// When a field last changed: its own time, else the record's.
    public func time(of field: String) -> Int64 { fieldTimes[field] ?? modified }

    /// Each field's time after this record replaced `old`: a field that changed takes
    /// `at`, one that did not keeps the time it had.
    public mutating func stampFields(since old: SyncRecord?, at: Int64) {
        var times: [String: Int64] = [:]
        for name in fields.keys {
            times[name] = old.flatMap { $0.fields[name] == fields[name] ? $0.time(of: name) : nil } ?? at
        }
        // A field removed here is a change too: its absence has a time.
        for name in (old?.fields.keys).map(Array.init) ?? [] where fields[name] == nil { times[name] = at }
        fieldTimes = times
    }

    public init(kind: Kind, uid: String, modified: Int64, fields: [String: Field] = [:]) {
        self.kind = kind
        self.uid = uid
        self.modified = modified
        self.fields = fields
    }

    public subscript(_ name: String) -> String? {
        get { if case .one(let v)? = fields[name] { v } else { nil } }
        set { fields[name] = newValue.map(Field.one) }
    }

    public func many(_ name: String) -> [String] {
        if case .many(let v)? = fields[name] { v } else { [] }
    }

    /// The same record, whatever its modification time: what "did it change" asks.
    public func sameContent(as other: SyncRecord) -> Bool {
        kind == other.kind && uid == other.uid && fields == other.fields
    }

    /// A file name the engines keep as it is: the UID, when it holds only the characters
    /// every engine keeps (`[A-Za-z0-9._-]`).
    public var fileName: String { "\(uid).\(kind.fileExtension)" }

    public static func isSafeUID(_ uid: String) -> Bool {
        !uid.isEmpty && uid.count <= 200 && uid.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x2D
        } && uid.first != "."
    }
}

/// A field's value: one value, or a set of values (people in a moment, a group's
/// members, emotions), which merges as a set. Empty sets and absent values are absent.
public enum Field: Equatable, Sendable {
    case one(String)
    case many([String])
}
