import KithCore
/// Everything a key can ask the app to do.
public enum Action: String, CaseIterable, Sendable {
    case moveDown, moveUp, top, bottom, pageDown, pageUp
    case focusNext, focusPrevious
    case open, back
    case filter, cycleSort, toggleArchived, toggleEveryone, toggleGroups
    case deleteMoment, confirm
    case help, quit, redraw, suspend, undo
    case checkIn, editMoment, addPerson, editPerson, archivePerson, filterTimeline, clearFilter
    case toggleToday, skipCycle, snoozeWeek, reminderDone
    case insights, insightsEveryone
    case selfCheckIn, level, pickEmotions
    case nextField, previousField, choiceNext, choicePrevious, toggle, save
    case intensity1, intensity2, intensity3
}

/// Where the user is: which bindings apply.
public enum KeyContext: String, CaseIterable, Sendable {
    case roster, today, timeline, filtering, help, moment, confirm, insights, selfCheckin, loneliness
    case form, formText, picker, pickerFilter, discard

    var title: String {
        switch self {
        case .roster: "Roster"
        case .today: "Today (t in the roster)"
        case .timeline: "Timeline"
        case .filtering: "Filtering the roster"
        case .help: "Help"
        case .moment: "A moment"
        case .confirm: "Confirming"
        case .insights: "Insights (i)"
        case .selfCheckin: "Your day (C)"
        case .loneliness: "Your day: the three questions on loneliness"
        case .form: "Check-in form"
        case .formText: "Typing in a text field (letters are text)"
        case .picker: "Emotion picker"
        case .pickerFilter: "Emotion picker, filtering"
        case .discard: "Leaving a form with changes"
        }
    }
}

/// One binding: the keys, what they do, and the words shown for them. The dispatcher,
/// the hint bar and the `?` overlay all read this one table, so they cannot disagree.
public struct Binding: Sendable {
    public let action: Action
    public let keys: [Key]
    /// A word or two for the hint bar.
    public let hint: String
    /// A sentence for the help overlay.
    public let help: String
    public let contexts: Set<KeyContext>
    /// Whether the hint bar shows it (the overlay shows every binding).
    public let inHintBar: Bool
    /// How the hint bar writes the keys, when a pair reads better ("j/k").
    let hintKeys: String?

    public init(_ action: Action, _ keys: [Key], hint: String, help: String, in contexts: Set<KeyContext>,
                hintBar: Bool = true, hintKeys: String? = nil) {
        self.hintKeys = hintKeys
        self.action = action
        self.keys = keys
        self.hint = hint
        self.help = help
        self.contexts = contexts
        self.inHintBar = hintBar
    }

    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
    public var hintLabel: String { hintKeys ?? keys[0].label }
}

public struct Keymap: Sendable {
    public let bindings: [Binding]

    public init(_ bindings: [Binding]) { self.bindings = bindings }

    public func action(for key: Key, in context: KeyContext) -> Action? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// A binding's help as the config makes it: "{daily_cap}" and "{overdue_factor}"
    /// become the numbers in force (the help said "first five" and "1.5×" whatever the
    /// config said).
    public static func help(_ text: String, rules: Rules) -> String {
        text.replacingOccurrences(of: "{daily_cap}", with: String(rules.dailyCap))
            .replacingOccurrences(of: "{overdue_factor}", with: Keymap.factor(rules.overdueFactor))
    }

    /// 1.5 → "1.5", 2.0 → "2".
    static func factor(_ f: Double) -> String {
        f == f.rounded() ? String(Int(f)) : String(f)
    }

    public func bindings(in context: KeyContext) -> [Binding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    static let lists: Set<KeyContext> = [.roster, .today, .timeline]

    public static let standard = Keymap([
        Binding(.moveDown, [.char("j"), .down], hint: "move", help: "Next row", in: lists.union([.help, .insights]), hintKeys: "j/k"),
        Binding(.moveUp, [.char("k"), .up], hint: "move", help: "Previous row", in: lists.union([.help, .insights]), hintBar: false),
        Binding(.moveDown, [.char("j"), .down], hint: "next/previous", help: "The next moment (older), in the card", in: [.moment], hintKeys: "j/k"),
        Binding(.moveUp, [.char("k"), .up], hint: "previous", help: "The previous moment (newer), in the card", in: [.moment], hintBar: false),
        Binding(.top, [.char("g"), .home], hint: "top", help: "First row", in: lists.union([.insights]), hintBar: false),
        Binding(.bottom, [.char("G"), .end], hint: "bottom", help: "Last row", in: lists.union([.insights]), hintBar: false),
        Binding(.pageDown, [.pageDown, .ctrl("d"), .char(" ")], hint: "page", help: "A page down", in: lists.union([.help, .moment, .insights]), hintBar: false),
        Binding(.pageUp, [.pageUp, .ctrl("u")], hint: "page", help: "A page up", in: lists.union([.help, .moment, .insights]), hintBar: false),
        Binding(.focusNext, [.tab, .right, .char("l"), .enter], hint: "timeline", help: "Focus the timeline", in: [.roster, .today]),
        Binding(.focusPrevious, [.backTab, .left, .char("h"), .tab], hint: "roster", help: "Focus the roster", in: [.timeline]),
        Binding(.open, [.enter], hint: "open", help: "Open the selected moment", in: [.timeline]),
        Binding(.checkIn, [.char("c")], hint: "check in", help: "Log a moment with the selected person or group", in: lists),
        Binding(.filterTimeline, [.char("f")], hint: "filter", help: "Filter the timeline: emotion, kind, channel, dates, text", in: [.timeline]),
        Binding(.skipCycle, [.char("s")], hint: "skip", help: "Skip this one's cycle: the next nudge a full cadence after the due day (or after today, when late)", in: [.today]),
        Binding(.snoozeWeek, [.char("z")], hint: "snooze 1w", help: "Snooze this one for a week (logging a moment lifts it)", in: [.today]),
        Binding(.reminderDone, [.char("x")], hint: "done", help: "Mark the highlighted reminder done", in: [.today]),
        Binding(.undo, [.char("u")], hint: "undo", help: "Take back the last skip, snooze or done of the Today view", in: [.today]),
        Binding(.undo, [.char("u")], hint: "undo", help: "Take back the last skip, snooze or done of the Today view", in: [.roster], hintBar: false),
        Binding(.filter, [.char("/")], hint: "filter", help: "Filter the roster by name as you type", in: [.roster, .today]),
        Binding(.filter, [.char("/")], hint: "filter names", help: "Filter the roster by name as you type (from the timeline too)", in: [.timeline], hintBar: false),
        Binding(.cycleSort, [.char("s")], hint: "sort", help: "Sort the roster: due, name, last seen, circle", in: [.roster]),
        Binding(.toggleGroups, [.char("r")], hint: "groups", help: "Show groups or people in the roster", in: [.roster], hintBar: false),
        Binding(.toggleArchived, [.char("A")], hint: "archived", help: "Show or hide archived people", in: [.roster], hintBar: false),
        Binding(.toggleEveryone, [.char("a")], hint: "everyone", help: "Timeline of everyone, or of the selection", in: lists),
        Binding(.deleteMoment, [.char("d")], hint: "delete", help: "Delete the selected moment (asks first)", in: [.timeline, .moment]),
        Binding(.confirm, [.char("y")], hint: "yes", help: "Confirm", in: [.confirm]),
        Binding(.back, [.escape], hint: "back", help: "Back out (never quits)", in: [.filtering, .help, .moment, .confirm]),
        Binding(.back, [.char("n"), .char("q")], hint: "no", help: "Do not do it", in: [.confirm], hintBar: false),
        Binding(.back, [.char("q"), .char("?")], hint: "close", help: "Close", in: [.help, .moment], hintBar: false),
        Binding(.back, [.escape, .char("q"), .char("i")], hint: "close", help: "Close the insights", in: [.insights]),
        Binding(.selfCheckIn, [.char("C")], hint: "your day", help: "How connected you feel today: the daily self check-in", in: lists, hintBar: false),
        Binding(.choicePrevious, [.left, .char("h")], hint: "choose", help: "Less connected", in: [.selfCheckin], hintKeys: "←/→"),
        Binding(.choiceNext, [.right, .char("l")], hint: "choose", help: "More connected", in: [.selfCheckin], hintBar: false),
        Binding(.level, (1...7).map { Key.char(Character(String($0))) }, hint: "pick", help: "Choose a step directly", in: [.selfCheckin], hintKeys: "1-7"),
        Binding(.pickEmotions, [.char("e")], hint: "feelings", help: "Add emotions (the picker)", in: [.selfCheckin]),
        Binding(.save, [.enter, .ctrl("s")], hint: "next", help: "Save, or go on to the questions", in: [.selfCheckin]),
        Binding(.back, [.escape], hint: "not today", help: "Not today: kith does not ask again until tomorrow (on a day answered: keep the answer)", in: [.selfCheckin]),
        Binding(.choicePrevious, [.left, .char("h")], hint: "choose", help: "The previous answer", in: [.loneliness], hintKeys: "←/→"),
        Binding(.choiceNext, [.right, .char("l")], hint: "choose", help: "The next answer", in: [.loneliness], hintBar: false),
        Binding(.level, (1...3).map { Key.char(Character(String($0))) }, hint: "answer", help: "Hardly ever, some of the time, often", in: [.loneliness], hintKeys: "1-3"),
        Binding(.save, [.enter, .ctrl("s")], hint: "next", help: "The next question; after the third, save", in: [.loneliness]),
        Binding(.back, [.escape], hint: "skip these", help: "Save the day without the questions", in: [.loneliness]),
        Binding(.insightsEveryone, [.char("I")], hint: "all insights", help: "Insights for everyone, with circles and your own check-ins", in: lists, hintBar: false),
        Binding(.open, [.enter], hint: "done", help: "Keep the filter and go back to the list", in: [.filtering]),
        Binding(.editMoment, [.char("e")], hint: "edit", help: "Edit the selected moment", in: [.timeline, .moment]),
        Binding(.toggleToday, [.char("t")], hint: "today", help: "Today: who is due, reminders, birthdays (t again for the roster)", in: [.roster, .today]),
        Binding(.insights, [.char("i")], hint: "insights", help: "Insights for the selected person or group: who reaches out, how moments feel, depth, belonging", in: lists),
        Binding(.toggleArchived, [.char("A")], hint: "all", help: "Show every bond that is due, not only the first {daily_cap}", in: [.today], hintBar: false),
        Binding(.filterTimeline, [.char("f")], hint: "filter moments", help: "Filter the timeline from the roster", in: [.roster], hintBar: false),
        Binding(.clearFilter, [.char("F")], hint: "clear filter", help: "Show every moment again", in: [.timeline, .roster], hintBar: false),
        Binding(.back, [.escape], hint: "clear", help: "Clear the roster's name filter", in: [.roster], hintBar: false),
        Binding(.addPerson, [.char("n")], hint: "new", help: "Add a person (a group, in the groups view)", in: [.roster]),
        Binding(.editPerson, [.char("e")], hint: "edit", help: "Edit the selected person (their cadence, say) or group (its members too)", in: [.roster, .today], hintBar: false),
        Binding(.archivePerson, [.char("x")], hint: "archive", help: "Archive (or bring back) the selected person; remove the selected group (asks)", in: [.roster], hintBar: false),

        Binding(.nextField, [.tab, .down], hint: "next", help: "Next field", in: [.form, .formText], hintKeys: "Tab/↓"),
        Binding(.previousField, [.backTab, .up], hint: "previous", help: "Previous field", in: [.form, .formText], hintBar: false),
        Binding(.choiceNext, [.right], hint: "change", help: "Next choice", in: [.form], hintKeys: "←/→"),
        Binding(.choicePrevious, [.left], hint: "change", help: "Previous choice", in: [.form], hintBar: false),
        Binding(.toggle, [.char(" ")], hint: "toggle", help: "Toggle the kind under the cursor", in: [.form]),
        Binding(.save, [.ctrl("s")], hint: "save", help: "Save the moment", in: [.form, .formText]),
        Binding(.open, [.enter], hint: "select", help: "Open the emotion picker, or save on Save", in: [.form]),
        Binding(.back, [.escape], hint: "back", help: "Back out (asks before throwing away what you typed)", in: [.form, .formText]),

        Binding(.moveDown, [.down, .char("j")], hint: "move", help: "Down", in: [.picker], hintKeys: "hjkl"),
        Binding(.moveUp, [.up, .char("k")], hint: "move", help: "Up", in: [.picker], hintBar: false),
        Binding(.choiceNext, [.right, .char("l")], hint: "move", help: "Right", in: [.picker], hintBar: false),
        Binding(.choicePrevious, [.left, .char("h")], hint: "move", help: "Left", in: [.picker], hintBar: false),
        Binding(.moveDown, [.down, .right], hint: "next match", help: "Next match", in: [.pickerFilter], hintKeys: "↓"),
        Binding(.moveUp, [.up, .left], hint: "previous match", help: "Previous match", in: [.pickerFilter], hintBar: false),
        Binding(.toggle, [.char(" ")], hint: "toggle", help: "Choose or drop the emotion under the cursor", in: [.picker, .pickerFilter]),
        Binding(.intensity1, [.char("1")], hint: "intensity", help: "Intensity 1: a little", in: [.picker, .pickerFilter], hintKeys: "1-3"),
        Binding(.intensity2, [.char("2")], hint: "clearly", help: "Intensity 2: clearly", in: [.picker, .pickerFilter], hintBar: false),
        Binding(.intensity3, [.char("3")], hint: "strongly", help: "Intensity 3: strongly", in: [.picker, .pickerFilter], hintBar: false),
        Binding(.filter, [.char("/")], hint: "filter", help: "A new filter (any letter starts one too; Ctrl-U clears it)", in: [.picker, .pickerFilter]),
        Binding(.open, [.enter], hint: "done", help: "Keep these emotions", in: [.picker, .pickerFilter]),
        Binding(.back, [.escape], hint: "cancel", help: "Clear the filter, or leave without changes", in: [.picker, .pickerFilter]),

        Binding(.confirm, [.char("y")], hint: "discard", help: "Throw away the form", in: [.discard]),
        Binding(.back, [.char("n"), .escape], hint: "keep editing", help: "Go back to the form", in: [.discard]),

        Binding(.help, [.char("?")], hint: "help", help: "All keys", in: lists),
        Binding(.redraw, [.ctrl("l")], hint: "redraw", help: "Redraw the screen", in: Set(KeyContext.allCases), hintBar: false),
        Binding(.quit, [.ctrl("c")], hint: "quit", help: "Quit from anywhere, an open form unsaved (over typed text: twice)",
                in: Set(KeyContext.allCases), hintBar: false),
        Binding(.quit, [.char("q")], hint: "quit", help: "Quit", in: lists),
        Binding(.suspend, [.ctrl("z")], hint: "suspend", help: "Suspend kith to the shell (fg brings it back; an open form waits)",
                in: Set(KeyContext.allCases), hintBar: false),
    ])
}
