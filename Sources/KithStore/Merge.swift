import GRDB
import KithCore

/// What merging a backup into a store added, and what it found already there.
public struct MergeReport: Sendable, Equatable {
    public var peopleAdded = 0
    public var peopleMatched = 0
    public var groupsAdded = 0
    public var groupsMatched = 0
    public var membershipsAdded = 0
    public var momentsAdded = 0
    public var momentsAlreadyThere = 0
    public var remindersAdded = 0
    public var snoozesAdded = 0
    public var settingsAdded = 0
    public var selfCheckinsAdded = 0
    public var warnings: [String] = []
    public init() {}
}

extension Store {
    /// Merges a backup into this store, in one transaction. The store's own records
    /// win: a backup never changes or removes what is here, it only adds what is missing.
    ///
    /// - People are the same person when their UIDs agree, or else their names (ignoring
    ///   case and accents); the store's fields are kept.
    /// - Groups are the same group by name; memberships from both are kept.
    /// - A moment is already there when the store held the same moment before the merge
    ///   (same day, time, people, group, channel, initiator, kinds, emotions, uplift,
    ///   depth, reception and note); otherwise it is added. So merging the same backup
    ///   twice adds nothing the second time, and two moments alike in the backup both come.
    /// - Reminders likewise (same person or group, text and day); snoozes, settings and
    ///   self check-ins only where the store has none (for that person, key or day).
    public func merge(people: [Person], groups: [(group: Group, members: [Int64])], moments: [Moment],
                      reminders: [Reminder], snoozes: Snoozes, settings: [String: String], selfCheckins: [SelfCheckin] = [],
                      createdAt: Int, dryRun: Bool = false) throws(StoreError) -> MergeReport {
        do {
            return try restore(merging: true, dryRun: dryRun, createdAt: createdAt) { w in
                try w.start(people: people, groups: groups)
                try w.add(moments.sorted(by: { $0.id < $1.id }))
                try w.finish(reminders: reminders, snoozes: snoozes, settings: settings, selfCheckins: selfCheckins)
            }.report
        } catch {
            throw Store.oneError(error)
        }
    }

    /// What `restore` let through as thrown, as the store's own error.
    static func oneError(_ error: any Error) -> StoreError {
        switch error {
        case let e as StoreError: e
        case let e as InputError: .conflict(e.message)
        default: .database(String(describing: error))
        }
    }
}

extension Store {
    /// Everything that makes a moment itself, but its id: what merging compares.
    static func mergeKey(_ m: Moment) -> String {
        let emotions: String = m.emotions.map { "\($0.word):\($0.intensity)" }.sorted().joined(separator: ",")
        let people: String = m.people.sorted().map { String($0) }.joined(separator: ",")
        var parts: [String] = [String(m.day.ordinal), m.time.map { String($0.minutes) } ?? "-", people]
        parts.append(m.groupID.map { String($0) } ?? "-")
        parts += [m.channel.rawValue, m.initiator.rawValue, String(MomentKind.mask(m.kinds)), emotions]
        parts += [m.uplift.map { String($0) } ?? "-", m.depth.rawValue, m.received?.rawValue ?? "-", m.note]
        return parts.joined(separator: "\u{1F}")
    }
}
