import KithCore

/// The fields of the check-in form, top to bottom.
public enum CheckInField: Int, CaseIterable, Sendable {
    case date, time, who, channel, reachedOut, kinds, emotions, uplift, depth, received, note, save

    var label: String {
        switch self {
        case .date: "date"
        case .time: "time"
        case .who: "who"
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
        case .who: "Who of the group was there: ← → move, Space ticks (everyone at first)."
        case .channel: "How you were together: ← and → choose."
        case .reachedOut: "Who reached out: you, them, or both (planned together)."
        case .kinds: "What kind of moment, several at once: ← → move, Space ticks."
        case .emotions: "What you felt, several at once, each 1-3: Enter opens the picker."
        case .uplift: "How you felt afterwards: -2 much worse … +2 much better; — not noted."
        case .depth: "How deep it went. Vulnerable: you shared something hard."
        case .received: "When you shared something hard: how it was received."
        case .note: "Anything to remember. Enter adds a line."
        case .save: "Enter or Ctrl-S saves; Esc leaves (asking first if you typed)."
        }
    }
}

/// The emotion picker: the catalog in the Mood Meter's four quadrants, several emotions
/// at once, each with an intensity.
public struct PickerState: Equatable, Sendable {
    public var chosen: [EmotionTag]
    /// Where the catalog's words sit; `cursor` indexes its `order`.
    public let layout: PickerLayout
    /// Index into `layout.order` of the word under the cursor.
    public var cursor = 0
    public var filter = ""
    public var typing = false

    /// The picker over `catalog`, the catalog in effect (a view's state carries it).
    /// Chosen words it lacks, stored before the config dropped them, stay chosen.
    public init(chosen: [EmotionTag], catalog: EmotionCatalog) {
        self.chosen = chosen
        layout = PickerLayout(catalog)
    }

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

    /// Indexes into `layout.order` of the words matching the filter: words that start
    /// with it first ("str" → stressed before frustrated), then those containing it.
    /// Both sides are folded, so "mu" finds a word of the user's such as "müde".
    public var matches: [Int] {
        let f = Folding.fold(filter)
        let words = layout.folded
        if f.isEmpty { return Array(words.indices) }
        let starts = words.indices.filter { words[$0].hasPrefix(f) }
        let contains = words.indices.filter { !words[$0].hasPrefix(f) && words[$0].contains(f) }
        return starts + contains
    }
}

/// Where each word of a catalog sits in the picker's grid: the Mood Meter's quadrants
/// (unpleasant on the left, pleasant on the right, high energy on top), each two
/// columns of words in catalog order, top to bottom. The standard twelve words a
/// quadrant make six rows; a quadrant with more of the user's own words makes its band
/// of rows taller, and a long word makes the columns wider. A screen the grid does not
/// fit gets the list instead, which holds any number of words.
public struct PickerLayout: Equatable, Sendable {
    /// Quadrants in reading order.
    public static let quadrants: [(Valence, Energy)] = [(.unpleasant, .high), (.pleasant, .high), (.unpleasant, .low), (.pleasant, .low)]
    static let columnsPerQuadrant = 2
    /// The fewest rows a band has, and the narrowest a column is: the standard catalog's.
    static let minimumRows = 6
    static let minimumColumnWidth = 16

    /// Every word, quadrant by quadrant.
    public let order: [Emotion]
    /// `order`'s words folded (case and accents), for the filter.
    let folded: [String]
    /// Where each quadrant starts in `order`, and its number of words.
    let starts: [Int], counts: [Int]
    /// Rows of the high-energy (top) band and of the low-energy (bottom) band.
    let topRows: Int, bottomRows: Int
    /// Cells per word column: "• " and the longest word whole, and a space.
    let columnWidth: Int

    public init(_ catalog: EmotionCatalog) {
        let groups = PickerLayout.quadrants.map { catalog.quadrant($0.0, $0.1) }
        let counts = groups.map(\.count)
        let rows = counts.map(PickerLayout.rows(forCount:))
        order = groups.flatMap { $0 }
        folded = order.map { Folding.fold($0.word) }
        self.counts = counts
        starts = counts.indices.map { counts[..<$0].reduce(0, +) }
        topRows = max(PickerLayout.minimumRows, rows[0], rows[1])
        bottomRows = max(PickerLayout.minimumRows, rows[2], rows[3])
        let longest = order.map { TerminalText.width($0.word) }.max() ?? 0
        columnWidth = max(PickerLayout.minimumColumnWidth, longest + 3)
    }

    public static func == (a: PickerLayout, b: PickerLayout) -> Bool { a.order == b.order }

    /// Rows of words in a quadrant's column: its words split evenly over two columns.
    static func rows(forCount n: Int) -> Int { max(1, (n + columnsPerQuadrant - 1) / columnsPerQuadrant) }
    func rows(inQuadrant q: Int) -> Int { PickerLayout.rows(forCount: counts[q]) }

    /// Grid position of an index in `order`: column 0–3 left to right, row counted from
    /// the top of the top band through the bottom band.
    func position(_ index: Int) -> (col: Int, row: Int) {
        guard let q = starts.indices.last(where: { starts[$0] <= index && index < starts[$0] + counts[$0] }) else { return (0, 0) }
        let k = index - starts[q], rows = rows(inQuadrant: q)
        return ((q % 2) * PickerLayout.columnsPerQuadrant + k / rows, (q / 2) * topRows + k % rows)
    }

    func index(at col: Int, _ row: Int) -> Int? {
        guard (0..<2 * PickerLayout.columnsPerQuadrant).contains(col), (0..<topRows + bottomRows).contains(row) else { return nil }
        let q = (row < topRows ? 0 : 2) + col / PickerLayout.columnsPerQuadrant
        let r = row < topRows ? row : row - topRows
        let k = (col % PickerLayout.columnsPerQuadrant) * rows(inQuadrant: q) + r
        return r < rows(inQuadrant: q) && k < counts[q] ? starts[q] + k : nil
    }

    /// The line, inside the picker's box, of a grid row, and of each band's heading.
    func line(ofRow row: Int) -> Int { row < topRows ? 1 + row : topRows + 3 + (row - topRows) }
    func headingLine(band: Int) -> Int { band == 0 ? 0 : topRows + 2 }

    /// The size the picker needs for its grid: two quadrants side by side, each two
    /// columns and a margin, in a box; both bands with their headings, a blank line
    /// between them, and two footer lines. The standard catalog's is 72×19.
    public var gridWidth: Int { 4 * columnWidth + 8 }
    public var gridHeight: Int { topRows + bottomRows + 7 }
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
    /// The fast path: on the field the form opens on, before any move, typing starts the
    /// note (`c`, type, Ctrl-S). After a move, typing on a choice was meant for something
    /// else (one Tab off), and goes nowhere rather than silently into the note.
    public var typingGoesToNote = true
    /// What the form held when opened, to tell whether closing would lose anything.
    var initial: String = ""

    public init(subject: Subject, title: String, people: [Int64]) {
        self.subject = subject
        self.title = title
        self.people = people
        date = TextBuffer("today", replacedOnType: true)
        time = TextBuffer()
        initial = fingerprint
    }

    /// The form filled from a stored moment, for `e`.
    public init(editing m: Moment, title: String, today: Day) {
        self.init(subject: m.groupID.map { .group($0) } ?? .person(m.people.first ?? 0), title: title, people: m.people)
        editing = m.id
        date = TextBuffer(m.day == today ? "today" : m.day.iso, replacedOnType: true)
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
        "\(date.text)|\(time.text)|\(people)|\(channel)|\(initiator)|\(kinds)|\(emotions)|\(String(describing: uplift))|\(depth)|\(String(describing: received))|\(note.text)"
    }

    public var isDirty: Bool { fingerprint != initial }

    /// Fields that can take focus now (how it was received only for vulnerable moments,
    /// who was there only for a group's check-in).
    var fields: [CheckInField] {
        CheckInField.allCases.filter { ($0 != .received || depth == .vulnerable) && ($0 != .who || !members.isEmpty) }
    }

    /// A group's check-in: its members (who may have been there) and their names; the
    /// ones ticked are `people`.
    public var members: [Int64] = []
    public var memberNames: [String] = []
    public var whoCursor = 0

    /// Ticks a member off or on, keeping the group's order.
    mutating func toggleMember(at i: Int) {
        guard members.indices.contains(i) else { return }
        let id = members[i]
        let chosen = people.contains(id) ? people.filter { $0 != id } : people + [id]
        people = members.filter(chosen.contains)
    }

    /// The day the date field says, or why it cannot be one.
    func day(today: Day) throws -> Day {
        let day = try Parse.day(date.text.isEmpty ? "today" : date.text, today: today)
        if day > Parse.latestPast(today) { throw InputError("\(day.iso) is in the future; moments are logged for today or earlier") }
        return day
    }

    /// The time the time field says (nil when empty), or why it cannot be one.
    func timeOfDay() throws -> TimeOfDay? {
        time.text.trimmingSpaces.isEmpty ? nil : try Parse.time(time.text)
    }

    /// The typed field a save fails on, for the focus to go to; nil when neither is.
    func fieldAtFault(today: Day) -> CheckInField? {
        if (try? day(today: today)) == nil { return .date }
        if (try? timeOfDay()) == nil { return .time }
        return nil
    }

    /// The moment this form describes, or a one-line reason it cannot be saved.
    public func moment(today: Day) -> Result<Moment, InputError> {
        do {
            let day = try day(today: today)
            let t = try timeOfDay()
            var groupID: Int64?
            if case .group(let g) = subject { groupID = g }
            // Nobody ticked saved a group moment with no one in it, which removing the
            // group then left with neither people nor a group.
            if people.isEmpty { throw InputError("tick who was there (Space on *who*): a moment needs at least one person") }
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
