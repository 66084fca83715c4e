/// A moment of connection: when, how, with whom, who reached out, what kind, what was
/// felt. The only required facts are the day and at least one person (or a group).
public struct Moment: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var day: Day
    public var time: TimeOfDay?
    /// Everyone present, by id. For a group moment, the members who were there.
    public var people: [Int64]
    public var groupID: Int64?
    public var channel: Channel
    public var initiator: Initiator
    public var kinds: [MomentKind]
    public var emotions: [EmotionTag]
    /// How the user felt afterwards, −2 … +2; nil when not recorded.
    public var uplift: Int?
    public var depth: Depth
    /// Only for vulnerable moments.
    public var received: Reception?
    public var note: String
    /// Its sync UID, when read for a backup (nil elsewhere: the store gives one).
    public var uid: String?

    public init(id: Int64 = 0, day: Day, time: TimeOfDay? = nil, people: [Int64], groupID: Int64? = nil,
                channel: Channel = .inPerson, initiator: Initiator = .mutual, kinds: [MomentKind] = [],
                emotions: [EmotionTag] = [], uplift: Int? = nil, depth: Depth = .light,
                received: Reception? = nil, note: String = "", uid: String? = nil) {
        self.uid = uid
        self.id = id
        self.day = day
        self.time = time
        self.people = people
        self.groupID = groupID
        self.channel = channel
        self.initiator = initiator
        self.kinds = kinds
        self.emotions = emotions
        self.uplift = uplift
        self.depth = depth
        self.received = received
        self.note = note
    }

    /// Whether anything was noted that the connection type could be judged by.
    public var isTagged: Bool { !emotions.isEmpty || !kinds.isEmpty || depth != .light }

    public var connectionType: ConnectionType {
        ConnectionType.classify(emotions: emotions, kinds: kinds, depth: depth)
    }

    /// Checks the rules a moment must keep before it is stored.
    public func validate() throws(InputError) {
        if people.isEmpty && groupID == nil { throw InputError("a moment needs at least one person or a group") }
        if let u = uplift, !(-2...2).contains(u) { throw InputError("uplift must be from -2 to 2") }
        if received != nil && depth != .vulnerable {
            throw InputError("how it was received applies only to vulnerable moments (depth vulnerable)")
        }
        for e in emotions where !(1...3).contains(e.intensity) {
            throw InputError("intensity of \"\(e.word)\" must be 1, 2 or 3")
        }
    }
}

/// A one-off reminder about someone (or a group), shown from its day until done or
/// dismissed.
public struct Reminder: Hashable, Sendable, Identifiable {
    public enum State: String, Sendable, CaseIterable { case open, done, dismissed }
    public var id: Int64
    public var personID: Int64?
    public var groupID: Int64?
    public var text: String
    public var on: Day
    public var state: State
    /// Its sync UID, when read for a backup (nil elsewhere: the store gives one).
    public var uid: String?

    public init(id: Int64 = 0, personID: Int64? = nil, groupID: Int64? = nil, text: String, on: Day, state: State = .open,
                uid: String? = nil) {
        self.uid = uid
        self.id = id
        self.personID = personID
        self.groupID = groupID
        self.text = text
        self.on = on
        self.state = state
    }
}

/// What the suggestion for a due bond reads of the last moment with them.
public struct LastMoment: Hashable, Sendable {
    public var kinds: [MomentKind]
    public var initiator: Initiator?
    public var channel: Channel?
    public init(kinds: [MomentKind] = [], initiator: Initiator? = nil, channel: Channel? = nil) {
        self.kinds = kinds
        self.initiator = initiator
        self.channel = channel
    }
}
