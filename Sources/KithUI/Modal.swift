import KithCore

/// Each form as a view of the one modal: reading one that is not open gives nil, and
/// setting nil closes it only if it is the one open. Handlers and tests work on "the
/// check-in form" without the modal's other cases in the way, while the state still
/// holds one thing at a time.
extension AppState {
    public var form: CheckInForm? {
        get { if case .checkIn(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.checkIn), replacing: form != nil) }
    }

    public var personForm: PersonForm? {
        get { if case .person(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.person), replacing: personForm != nil) }
    }

    public var groupForm: GroupForm? {
        get { if case .group(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.group), replacing: groupForm != nil) }
    }

    public var filterForm: FilterForm? {
        get { if case .filter(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.filter), replacing: filterForm != nil) }
    }

    public var selfForm: SelfCheckinForm? {
        get { if case .selfCheckin(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.selfCheckin), replacing: selfForm != nil) }
    }

    /// A form that is open: a new one replaces whatever was open; nil closes only
    /// the form asked about.
    private mutating func set(_ new: Modal?, replacing isOpen: Bool) {
        if let new { modal = new } else if isOpen { modal = nil }
    }

    /// Whether a form (rather than a card or a question) is open: loads that answer
    /// late (insights, the self check-in) must not cover it.
    public var formOpen: Bool {
        switch modal {
        case .checkIn, .person, .group, .filter, .selfCheckin: true
        default: false
        }
    }

    /// The state without what any key clears: the message, a form's error line, a
    /// pending "quit?". What a key would do is judged without them: any key clears an
    /// error, and that is not the key doing something (Space once showed as "toggle"
    /// after a refused letter).
    mutating func forgetNotices() {
        message = nil
        messageIsError = false
        quitAsked = false
        switch modal {
        case .checkIn(var f): f.error = nil; modal = .checkIn(f)
        case .person(var f): f.error = nil; modal = .person(f)
        case .group(var f): f.error = nil; modal = .group(f)
        case .filter(var f): f.error = nil; modal = .filter(f)
        case .selfCheckin(var f): f.error = nil; modal = .selfCheckin(f)
        default: break
        }
    }
}
