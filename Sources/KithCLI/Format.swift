import KithCore
import KithStore

/// Columns aligned by display width: CJK and emoji take two cells, so padding by
/// `count` would break the table for names like 山田太郎.
struct Table {
    let headers: [String]
    var rows: [[String]] = []
    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) { rows.append(row.map(TerminalText.sanitize)) }

    func lines() -> [String] {
        var widths = headers.map { TerminalText.width($0) }
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TerminalText.width(cell)) }
        }
        func render(_ row: [String]) -> String {
            var line = ""
            for (i, cell) in row.enumerated() {
                let last = i == row.count - 1
                line += last ? cell : TerminalText.pad(cell, to: widths[i]) + "  "
            }
            // Trailing blanks (an empty last column) help nobody.
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        return [render(headers)] + rows.map(render)
    }

    func print() { for l in lines() { Output.line(l) } }
}

enum Format {
    static func days(_ n: Int) -> String {
        if n % 7 == 0 && n < 60 { return n == 7 ? "1 week" : "\(n / 7) weeks" }
        return n == 1 ? "1 day" : "\(n) days"
    }

    static func cadence(_ p: Person) -> String {
        "every \(days(p.effectiveCadenceDays))" + (p.cadenceDays == nil ? "" : " (own cadence)")
    }

    static func reachedOut(_ i: Initiator) -> String {
        switch i {
        case .me: "I reached out"
        case .them: "they reached out"
        case .mutual: "mutual"
        }
    }

    static func emotions(_ tags: [EmotionTag]) -> String {
        tags.map { $0.intensity > 1 ? "\($0.word):\($0.intensity)" : $0.word }.joined(separator: ", ")
    }

    // MARK: JSON, shapes documented in the README

    static func jsonFields(_ p: Person, last: Day?, groups: [String]) -> [(String, JSON)] {
        [
            ("id", .int(Int(p.id))),
            ("name", .string(p.name)),
            ("nickname", .optional(p.nickname)),
            ("circle", .string(p.circle.rawValue)),
            ("cadenceDays", .int(p.effectiveCadenceDays)),
            ("ownCadence", .bool(p.cadenceDays != nil)),
            ("birthday", .optional(p.birthday?.description)),
            ("for", .optional(p.bond?.rawValue)),
            ("groups", .array(groups.map(JSON.string))),
            ("notes", .string(p.notes)),
            ("archived", .bool(p.archived)),
            ("added", .string(p.addedOn.iso)),
            ("lastMoment", .optional(last?.iso)),
        ]
    }

    static func json(_ p: Person, last: Day?, groups: [String]) -> JSON { .object(jsonFields(p, last: last, groups: groups)) }

    static func json(_ m: Moment, names: [Int64: String], groups: [Int64: String], catalog: EmotionCatalog) -> JSON {
        .object([
            ("id", .int(Int(m.id))),
            ("date", .string(m.day.iso)),
            ("time", .optional(m.time?.description)),
            ("people", .array(m.people.map { .string(names[$0] ?? "#\($0)") })),
            ("group", .optional(m.groupID.flatMap { groups[$0] })),
            ("via", .string(m.channel.rawValue)),
            ("reachedOut", .string(m.initiator.rawValue)),
            ("kinds", .array(m.kinds.map { .string($0.rawValue) })),
            ("emotions", .array(m.emotions.map { e in
                let info = catalog.emotion(e.word)
                return .object([
                    ("word", .string(e.word)),
                    ("intensity", .int(e.intensity)),
                    ("valence", .optional(info?.valence.rawValue)),
                    ("energy", .optional(info?.energy.rawValue)),
                ])
            })),
            ("uplift", .optional(m.uplift)),
            ("depth", .string(m.depth.rawValue)),
            ("received", .optional(m.received?.rawValue)),
            ("connection", .string(m.connectionType.rawValue)),
            ("note", .string(m.note)),
        ])
    }

    /// A moment for people to read: a heading line, then what was felt, its kinds and
    /// depth, and the note, each on its own indented line.
    static func lines(_ m: Moment, names: [Int64: String], groups: [Int64: String], alignTime: Bool = false) -> [String] {
        let s = TerminalText.sanitize
        var who = m.people.map { s(names[$0] ?? "#\($0)") }.joined(separator: ", ")
        if let g = m.groupID.flatMap({ groups[$0] }) { who = who.isEmpty ? s(g) : "\(s(g)): \(who)" }
        // When some moments have a time, the others leave its column blank so names align.
        var head = DateText.short(m.day) + (m.time.map { " \($0)" } ?? (alignTime ? "      " : ""))
        head += "  \(who) · \(m.channel.label) · \(reachedOut(m.initiator))" + (m.isTagged ? " · \(m.connectionType.rawValue)" : "")
        var out = [head]
        func detail(_ label: String, _ value: String) {
            var line = "    " + TerminalText.pad(label, to: 6) + value
            while line.hasSuffix(" ") { line.removeLast() }
            out.append(line)
        }
        if !m.emotions.isEmpty { detail("felt", emotions(m.emotions)) }
        if !m.kinds.isEmpty { detail("kind", m.kinds.map(\.label).joined(separator: ", ")) }
        if m.depth != .light { detail("depth", m.depth.rawValue + (m.received.map { ", received \($0.rawValue)" } ?? "")) }
        if let u = m.uplift { detail("after", "uplift \(u > 0 ? "+" : "")\(u)") }
        if !m.note.isEmpty {
            for (i, line) in m.note.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                detail(i == 0 ? "note" : "", s(String(line)))
            }
        }
        return out
    }
}

/// "1 person", "3 people": counts in sentences.
enum Count {
    static func of(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }
}
