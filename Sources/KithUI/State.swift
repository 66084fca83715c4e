import KithCore

/// One roster row: a person or a group, with what the row shows and sorts by.
public struct RosterEntry: Equatable, Sendable {
    public var subject: Subject
    public var name: String
    public var nickname: String?
    /// nil for a group.
    public var circle: Circle?
    public var cadenceDays: Int
    public var last: Day?
    public var added: Day
    public var archived: Bool
    public var birthday: Birthday?
    /// Moments in each of the last 12 months, oldest first, for the sparkline.
    public var activity: [Int]
    /// For a group: its active members, who a check-in with the group includes.
    public var members: [Int64]
    /// What the bond is for (a person's), for the Today view's suggestions.
    public var purpose: BondPurpose?
    /// How to reach them (a person's phones and emails from their card), shown under
    /// their timeline: a user about to reach out wants them at hand.
    public var reach: [String] = []
    /// Name and nickname folded once at load, so filtering as you type stays cheap.
    public let folded: String

    public init(subject: Subject, name: String, nickname: String? = nil, circle: Circle?, cadenceDays: Int,
                last: Day?, added: Day, archived: Bool = false, birthday: Birthday? = nil, activity: [Int] = [], members: [Int64] = [],
                purpose: BondPurpose? = nil) {
        self.members = members
        self.purpose = purpose
        self.subject = subject
        self.name = name
        self.nickname = nickname
        self.circle = circle
        self.cadenceDays = cadenceDays
        self.last = last
        self.added = added
        self.archived = archived
        self.birthday = birthday
        self.activity = activity
        self.folded = Folding.fold(name + (nickname.map { " " + $0 } ?? ""))
    }

    public var isGroup: Bool { if case .group = subject { true } else { false } }

    public func due(today: Day, overdueFactor: Double) -> DueState {
        DueState.of(last: last, since: added, cadenceDays: cadenceDays, today: today, overdueFactor: overdueFactor)
    }

    /// How far into its cadence the bond is (1.0 = due today): the "due" sort key.
    func urgency(today: Day) -> Double {
        Double(today.days(since: last ?? added)) / Double(max(1, cadenceDays))
    }
}

public enum Pane: Sendable { case roster, timeline }

public enum RosterSort: String, CaseIterable, Sendable {
    case due, name, lastSeen = "last seen", circle
}

public enum TimelineScope: Hashable, Sendable {
    case subject(Subject)
    case everyone
}

/// What the timeline shows of its scope: every field narrows, all empty shows all.
public struct TimelineFilter: Equatable, Hashable, Sendable {
    public var text = ""
    /// Moments with any of these emotions, at least at their intensity.
    public var emotions: [EmotionTag] = []
    public var kinds: [MomentKind] = []
    public var channels: [Channel] = []
    public var since: Day?
    public var until: Day?

    public init() {}
    public static let none = TimelineFilter()
    public var isEmpty: Bool { self == .none }

    /// "sad, heart-to-heart, call, since 2026-01-01, "lake"": for the timeline's title.
    public var summary: String {
        var parts: [String] = emotions.map(Words.chip) + kinds.map(\.rawValue) + channels.map(\.label)
        if let since { parts.append("since \(since.iso)") }
        if let until { parts.append("until \(until.iso)") }
        if !text.isEmpty { parts.append("\"\(text)\"") }
        return parts.joined(separator: ", ")
    }
}

/// The timeline pane: one page after another of moments, loaded as the cursor nears
/// the end, so that a twenty-year history costs no more than what is on screen.
public struct TimelineState: Equatable, Sendable {
    public var scope: TimelineScope?
    public var filter = TimelineFilter.none
    /// The moments loaded: a stretch of the whole timeline (newest first) that starts
    /// `base` moments from its top. G loads the last page without the ones between, so
    /// a twenty-year history is never read whole to reach its oldest moment.
    public var moments: [Moment] = []
    public var base = 0
    /// No older moments below the last one loaded.
    public var exhausted = false
    public var loading = false
    /// G asked for the last page: the cursor goes to the oldest moment when it comes.
    public var wantsEnd = false
    /// The moment the cursor was on when a reload was asked for.
    public var keepOnReload: Int64?
    /// The cursor, an index into `moments`.
    public var cursor = 0
    /// First visible line (month headings and moment lines alike).
    public var scroll = 0

    public static let pageSize = 200
    /// The first page after a selection changes: what the pane can show (a moment takes
    /// at least two lines) and no more. On a twenty-year history each moment of a page
    /// sits on its own page of the file, so a roster move reads only what it draws; the
    /// next page comes as soon as the cursor enters the timeline.
    public static func firstPageSize(lines: Int) -> Int { max(8, lines / 2 + 1) }

    /// How many moments the timeline holds, once known: counted when its last page came
    /// in, and kept while other pages come and go (the count once read 14+, then 907
    /// after G, then 200+ after g). A reload after a change counts again.
    public var total: Int? { exhausted ? base + moments.count : knownTotal }
    var knownTotal: Int?
    /// A reload after a change is on its way: the count is read again.
    var recount = false
}

/// What stands above the panes and takes the keys: at most one thing at a time, held
/// here alone. Which one is open decides the key context, the handler and the drawing,
/// each in one switch (three chains of `if let form` once decided it, in three orders).
/// The emotion picker lives in the form that opened it.
public enum Modal: Equatable, Sendable {
    case help(scroll: Int)
    case moment(Moment, scroll: Int)
    case confirmDelete(Moment)
    case confirmArchive(RosterEntry)
    case confirmRemoveGroup(RosterEntry)
    case insights(InsightsPage)
    case checkIn(CheckInForm)
    case person(PersonForm)
    case group(GroupForm)
    case filter(FilterForm)
    case selfCheckin(SelfCheckinForm)
}

/// The whole app as plain data. Views render from it alone; only `update` changes it.
public struct AppState: Equatable, Sendable {
    public var today: Day {
        didSet { refreshHeader(); refreshToday() }
    }
    public var width: Int
    public var height: Int
    public var entries: [RosterEntry] = [] {
        didSet { refreshHeader(); refreshToday() }
    }
    /// What the top line says, worked out once when the roster changes rather than for
    /// every frame: a thousand due states and birthdays per key press showed up first
    /// in the profile.
    public private(set) var header = HeaderSummary()
    public var loaded = false
    /// Indexes into `entries` of the rows the roster shows, in order.
    public private(set) var visible: [Int] = []
    public var query = ""
    public var filtering = false
    public var sort: RosterSort = .due
    public var showArchived = false
    public var showGroups = false
    public var rosterCursor = 0
    /// The Today view in the left pane instead of the roster (t).
    public var showToday = false {
        didSet { refreshToday() }
    }
    public var todayCursor = 0
    /// Every bond that is due, not only the daily few (A in the Today view).
    public var showAllDue = false {
        didSet { refreshToday() }
    }
    public var snoozes: [Subject: Day] = [:] {
        didSet { refreshHeader(); refreshToday() }
    }
    /// The kinds of each due person's last moment, read when the Today view shows: its
    /// suggestions then are the ones `kith due` gives.
    public var lastKinds: [Int64: LastMoment] = [:] {
        didSet { refreshToday() }
    }
    /// The distinct days each due person was met over the last year (their rhythm).
    public var meetingDays: [Int64: [Day]] = [:]
    public var reminders: [Reminder] = [] {
        didSet { refreshHeader(); refreshToday() }
    }
    public var rosterScroll = 0
    public var focus: Pane = .roster
    public var everyone = false
    public var timeline = TimelineState()
    /// The one thing open above the panes, if any.
    public var modal: Modal?

    /// Whether an open form holds text the user typed: then q is a letter, not "quit",
    /// even where the form cannot be seen.
    public var holdsTypedText: Bool {
        switch modal {
        // Emotions chosen in the open picker and not yet kept count too.
        case .checkIn(let f): f.isDirty || (f.picker.map { $0.chosen != f.emotions } ?? false)
        case .person(let f): f.isDirty
        case .group(let f): f.isDirty
        default: false
        }
    }
    /// Ctrl-C was pressed once over typed text: a second one quits without saving.
    public var quitAsked = false
    /// Today's last one-key action (skip, snooze, done), which u takes back.
    public var undo: Undo?
    /// The filter applied to every timeline until cleared (it follows the selection).
    public var filter = TimelineFilter.none
    public var message: String?
    public var messageIsError = false
    /// The roster row to select once the roster has reloaded (a person just added).
    public var selectAfterLoad: Subject?
    public var personNames: [Int64: String] = [:] {
        didSet { refreshToday() }
    }
    public var groupNames: [Int64: String] = [:] {
        didSet { refreshToday() }
    }
    /// The Today view's lines, ranked when what they come from changes and only while the
    /// view is shown: ranking a thousand bonds for every key (and for every hint the hint
    /// bar asks the update about) made entering Today take 50 ms.
    public internal(set) var todayItems: [TodayItem] = []
    /// The emotion words and the date style from the config's rules; held here so that
    /// views, and their tests, read them from the state.
    public var emotions: EmotionCatalog
    public var dateStyle: DateStyle
    /// The config's rules (cadences, overdue factor, daily cap, birthday days): the
    /// views, Today and the help read them here, never from a global.
    public var rules: Rules {
        didSet { refreshHeader(); refreshToday() }
    }

    /// `rules`: the config's, as the full screen passes them; the built-in ones by
    /// default (never the process-wide config, which tests could not hold still).
    public init(today: Day, width: Int, height: Int, rules: Rules = Rules()) {
        self.today = today
        self.width = width
        self.height = height
        self.rules = rules
        self.dateStyle = rules.dateStyle
        self.emotions = rules.emotions
    }

    /// The row the timeline follows and `c` checks in with: in the Today view, the
    /// person or group of the highlighted line.
    public var selected: RosterEntry? {
        if showToday {
            let items = todayItems
            guard items.indices.contains(todayCursor), let subject = items[todayCursor].subject else { return nil }
            return entries.first { $0.subject == subject }
        }
        return visible.indices.contains(rosterCursor) ? entries[visible[rosterCursor]] : nil
    }

    /// The context that decides what keys mean right now.
    public var context: KeyContext {
        switch modal {
        case .selfCheckin(let f):
            if let p = f.picker { return p.typing ? .pickerFilter : .picker }
            if case .loneliness = f.step { return .loneliness }
            return .selfCheckin
        case .filter(let f):
            if let p = f.picker { return p.typing ? .pickerFilter : .picker }
            return f.field.isText ? .formText : .form
        case .person(let f):
            if f.confirmingDiscard { return .discard }
            return f.field.isText ? .formText : .form
        case .group(let f):
            if f.confirmingDiscard { return .discard }
            return f.field.isText ? .formText : .form
        case .checkIn(let f):
            if f.confirmingDiscard { return .discard }
            if let p = f.picker { return p.typing ? .pickerFilter : .picker }
            return f.field.isText ? .formText : .form
        case .help: return .help
        case .moment: return .moment
        case .confirmDelete, .confirmArchive, .confirmRemoveGroup: return .confirm
        case .insights: return .insights
        case nil:
            if filtering { return .filtering }
            if focus == .timeline { return .timeline }
            return showToday ? .today : .roster
        }
    }

    /// The highlighted line of the Today view, ranked afresh: ask once per key.
    public var todayLine: TodayItem? {
        let items = todayItems
        return items.indices.contains(todayCursor) ? items[todayCursor] : nil
    }

    /// Everyone a group could hold: the people not archived, by name, as the group
    /// form lists them.
    public var activePeople: [(id: Int64, name: String)] {
        entries.filter { !$0.isGroup && !$0.archived }
            .sorted { ($0.folded, $0.name) < ($1.folded, $1.name) }
            .compactMap { e in if case .person(let id) = e.subject { (id, e.name) } else { nil } }
    }

    /// Recomputes the roster rows after a change of entries, filter, sort or toggles.
    /// Works out the rows the roster shows, the cursor staying on `keeping` (by default
    /// the row selected now). After the entries were replaced, the caller passes what was
    /// selected before: the old row numbers point at other people in the new entries.
    mutating func refreshVisible(keeping: Subject?? = nil) {
        let keep = keeping ?? selected?.subject
        let q = Folding.fold(query.trimmingSpaces)
        var rows = entries.indices.filter { i in
            let e = entries[i]
            if e.isGroup != showGroups { return false }
            if e.archived && !showArchived { return false }
            return q.isEmpty || e.folded.contains(q)
        }
        let today = self.today
        let byName: (Int, Int) -> Bool = { [entries] a, b in
            (entries[a].folded, entries[a].name) < (entries[b].folded, entries[b].name)
        }
        switch sort {
        case .name:
            rows.sort(by: byName)
        case .due:
            rows.sort { [entries] a, b in
                let ua = entries[a].urgency(today: today), ub = entries[b].urgency(today: today)
                if ua != ub { return ua > ub }
                let ca = entries[a].circle?.rank ?? 9, cb = entries[b].circle?.rank ?? 9
                return ca != cb ? ca < cb : byName(a, b)
            }
        case .lastSeen:
            rows.sort { [entries] a, b in
                let la = entries[a].last?.ordinal ?? Int.min, lb = entries[b].last?.ordinal ?? Int.min
                return la != lb ? la > lb : byName(a, b)
            }
        case .circle:
            rows.sort { [entries] a, b in
                let ca = entries[a].circle?.rank ?? 9, cb = entries[b].circle?.rank ?? 9
                return ca != cb ? ca < cb : byName(a, b)
            }
        }
        visible = rows
        if let keep, let i = rows.firstIndex(where: { entries[$0].subject == keep }) {
            rosterCursor = i
        } else {
            rosterCursor = min(rosterCursor, max(0, rows.count - 1))
        }
    }
}

/// The header's counts and coming birthdays, derived from the roster.
public struct HeaderSummary: Equatable, Sendable {
    public var overdue = 0
    public var due = 0
    public var people = 0
    /// Open reminders whose day has come.
    public var reminders = 0
    public var birthdays: [String] = []

    public init() {}
}

extension AppState {
    /// Whether a bond is due, as the roster's marks, the header, Today and `kith due` all
    /// count it: never while archived or snoozed, nor a group nobody active belongs to.
    /// Where each part of the screen goes now.
    public var layout: Layout { Layout(width: width, height: height, wideList: showToday) }

    public func dueState(_ e: RosterEntry) -> DueState {
        if e.archived || (e.isGroup && e.members.isEmpty) { return .fine }
        if let until = snoozes[e.subject], today < until { return .fine }
        return e.due(today: today, overdueFactor: rules.overdueFactor)
    }

    mutating func refreshHeader() {
        var h = HeaderSummary()
        let people = entries.filter { !$0.isGroup && !$0.archived }
        h.people = people.count
        for e in entries {
            switch dueState(e) {
            case .overdue: h.overdue += 1
            case .due: h.due += 1
            case .fine: break
            }
        }
        h.reminders = reminders.filter { $0.on <= today }.count
        h.birthdays = HeaderView.upcomingBirthdays(people, today: today, within: rules.birthdayDays).prefix(2).map { "birthday: \($0.name) \($0.when)" }
        header = h
    }
}
