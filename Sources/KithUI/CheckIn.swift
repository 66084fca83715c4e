import KithCore

/// The fields of the check-in form, top to bottom.
public enum CheckInField: Int, CaseIterable, Sendable {
    case date, time, channel, reachedOut, kinds, emotions, uplift, depth, received, note, save

    var label: String {
        switch self {
        case .date: "date"
        case .time: "time"
        case .channel: "via"
        case .reachedOut: "reached out"
        case .kinds: "kind"
        case .emotions: "felt"
        case .uplift: "uplift"
        case .depth: "depth"
        case .received: "received"
        case .note: "note"
        case .save: ""
        }
    }

    var isText: Bool { self == .date || self == .time || self == .note }

    /// A line of explanation under the form for the focused field.
    var help: String? {
        switch self {
        case .date: "When: a date, today, yesterday, a weekday, or 3d (three days ago)."
        case .time: "Optional, 24-hour: 18:30."
        case .channel: "How you were together: ← and → choose."
        case .reachedOut: "Who reached out: you, them, or both (planned together)."
        case .kinds: "What kind of moment, several at once: ← → move, Space ticks."
        case .emotions: "What you felt, several at once, each 1-3: Enter opens the picker."
        case .uplift: "How you felt afterwards: -2 much worse … +2 much better; — not noted."
        case .depth: "How deep it went. Vulnerable: you shared something hard."
        case .received: "When you shared something hard: how it was received."
        case .note: "Anything to remember. Enter adds a line; typing anywhere lands here."
        case .save: "Enter or Ctrl-S saves; Esc leaves (asking first if you typed)."
        }
    }
}

/// The emotion picker: the catalog in the Mood Meter's four quadrants, several emotions
/// at once, each with an intensity.
public struct PickerState: Equatable, Sendable {
    public var chosen: [EmotionTag]
    /// Index into `Picker.order` of the word under the cursor.
    public var cursor = 0
    public var filter = ""
    public var typing = false

    public init(chosen: [EmotionTag]) { self.chosen = chosen }

    public func intensity(of word: String) -> Int? { chosen.first { $0.word == word }?.intensity }

    public mutating func toggle(_ word: String) {
        if let i = chosen.firstIndex(where: { $0.word == word }) { chosen.remove(at: i) } else {
            chosen.append(EmotionTag(word: word, intensity: 1))
        }
    }

    public mutating func set(_ word: String, intensity: Int) {
        if let i = chosen.firstIndex(where: { $0.word == word }) {
            chosen[i] = EmotionTag(word: word, intensity: intensity)
        } else {
            chosen.append(EmotionTag(word: word, intensity: intensity))
        }
    }

    /// Indexes into `Picker.order` of the words matching the filter: words that start
    /// with it first ("str" → stressed before frustrated), then those containing it.
    public var matches: [Int] {
        let f = Folding.fold(filter)
        if f.isEmpty { return Array(Picker.order.indices) }
        let starts = Picker.order.indices.filter { Picker.order[$0].word.hasPrefix(f) }
        let contains = Picker.order.indices.filter { !Picker.order[$0].word.hasPrefix(f) && Picker.order[$0].word.contains(f) }
        return starts + contains
    }
}

public enum Picker {
    /// Mood Meter layout: unpleasant on the left, pleasant on the right; high energy on
    /// top. Quadrants in reading order, words in catalog order within each.
    public static let quadrants: [(Valence, Energy)] = [(.unpleasant, .high), (.pleasant, .high), (.unpleasant, .low), (.pleasant, .low)]

    public static let order: [Emotion] = quadrants.flatMap { EmotionCatalog.standard.quadrant($0.0, $0.1) }

    /// Words per quadrant column, and columns per quadrant, in the grid layout.
    static let rows = 6
    static let columnsPerQuadrant = 2

    /// Grid position (column 0–3, row 0–11) of an index in `order`.
    static func position(_ index: Int) -> (col: Int, row: Int) {
        var start = 0
        for (q, (v, e)) in quadrants.enumerated() {
            let count = EmotionCatalog.standard.quadrant(v, e).count
            if index < start + count {
                let k = index - start
                return ((q % 2) * columnsPerQuadrant + k / rows, (q / 2) * rows + k % rows)
            }
            start += count
        }
        return (0, 0)
    }

    static func index(at col: Int, _ row: Int) -> Int? {
        order.indices.first { position($0) == (col, row) }
    }

    /// The picker needs this much room for its grid; below it becomes a list.
    static let gridWidth = 72
    static let gridHeight = 19
}

/// The check-in form's state: every field has a default, so Ctrl-S right away logs
/// time together today.
public struct CheckInForm: Equatable, Sendable {
    public var subject: Subject
    public var title: String
    public var people: [Int64]
    /// Set when editing an existing moment.
    public var editing: Int64?
    public var field: CheckInField = .channel
    public var date: TextBuffer
    public var time: TextBuffer
    public var channel: Channel = .inPerson
    public var initiator: Initiator = .mutual
    public var kinds: [MomentKind] = []
    public var kindCursor = 0
    public var emotions: [EmotionTag] = []
    public var uplift: Int?
    public var depth: Depth = .light
    public var received: Reception?
    public var note = TextBuffer(multiline: true)
    public var picker: PickerState?
    public var error: String?
    public var confirmingDiscard = false
    public var saving = false
    /// What the form held when opened, to tell whether closing would lose anything.
    var initial: String = ""

    public init(subject: Subject, title: String, people: [Int64]) {
        self.subject = subject
        self.title = title
        self.people = people
        date = TextBuffer("today")
        time = TextBuffer()
        initial = fingerprint
    }

    /// The form filled from a stored moment, for `e`.
    public init(editing m: Moment, title: String, today: Day) {
        self.init(subject: m.groupID.map { .group($0) } ?? .person(m.people.first ?? 0), title: title, people: m.people)
        editing = m.id
        date = TextBuffer(m.day == today ? "today" : m.day.iso)
        time = TextBuffer(m.time?.description ?? "")
        channel = m.channel
        initiator = m.initiator
        kinds = m.kinds
        emotions = m.emotions
        uplift = m.uplift
        depth = m.depth
        received = m.received
        note = TextBuffer(m.note, multiline: true)
        initial = fingerprint
    }

    var fingerprint: String {
        "\(date.text)|\(time.text)|\(channel)|\(initiator)|\(kinds)|\(emotions)|\(String(describing: uplift))|\(depth)|\(String(describing: received))|\(note.text)"
    }

    public var isDirty: Bool { fingerprint != initial }

    /// Fields that can take focus now (how it was received only for vulnerable moments).
    var fields: [CheckInField] {
        CheckInField.allCases.filter { $0 != .received || depth == .vulnerable }
    }

    /// The moment this form describes, or a one-line reason it cannot be saved.
    public func moment(today: Day) -> Result<Moment, InputError> {
        do {
            let day = try Parse.day(date.text.isEmpty ? "today" : date.text, today: today)
            if day > today { throw InputError("\(day.iso) is in the future; moments are logged for today or earlier") }
            let t = time.text.trimmingSpaces.isEmpty ? nil : try Parse.time(time.text)
            var groupID: Int64?
            if case .group(let g) = subject { groupID = g }
            let m = Moment(id: editing ?? 0, day: day, time: t, people: people, groupID: groupID, channel: channel,
                           initiator: initiator, kinds: kinds, emotions: emotions, uplift: uplift, depth: depth,
                           received: depth == .vulnerable ? received : nil, note: note.text.trimmingSpaces)
            try m.validate()
            return .success(m)
        } catch let e as InputError {
            return .failure(e)
        } catch {
            return .failure(InputError(String(describing: error)))
        }
    }
}
