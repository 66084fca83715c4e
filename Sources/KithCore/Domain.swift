/// Who a roster row, a timeline, a nudge or a check-in is about: a person or a group.
public enum Subject: Hashable, Sendable {
    case person(Int64)
    case group(Int64)
}

/// Dunbar's layers: quality over quantity. Each ring has a rough size (information only,
/// never a limit) and a default cadence, overridable per person.
public enum Circle: String, CaseIterable, Codable, Sendable, Comparable {
    case inner, close, friends, wider

    /// 7, 14, 30 and 90 days unless the config file says otherwise.
    public var defaultCadenceDays: Int { Rules.current.cadence[self] ?? 30 }

    /// Dunbar's approximate layer sizes.
    public var typicalSize: Int {
        switch self {
        case .inner: 5
        case .close: 15
        case .friends: 50
        case .wider: 150
        }
    }

    public var rank: Int { Circle.allCases.firstIndex(of: self)! }
    public static func < (a: Circle, b: Circle) -> Bool { a.rank < b.rank }
}

/// What the bond is for: fun together, emotional safety, or both.
public enum BondPurpose: String, CaseIterable, Codable, Sendable {
    case fun, support, both
}

/// How a moment happened.
public enum Channel: String, CaseIterable, Codable, Sendable {
    case inPerson = "in-person"
    case call, video, message, other

    public var label: String {
        switch self {
        case .inPerson: "in person"
        case .call: "call"
        case .video: "video"
        case .message: "message"
        case .other: "other"
        }
    }

    /// Words people type for the same thing.
    public static let aliases: [String: Channel] = [
        "inperson": .inPerson, "in_person": .inPerson, "person": .inPerson, "irl": .inPerson, "met": .inPerson,
        "phone": .call, "text": .message, "chat": .message, "sms": .message, "email": .message,
        "letter": .other,
    ]
}

/// Who reached out: connection that carries meaning is two-way, so kith keeps track.
public enum Initiator: String, CaseIterable, Codable, Sendable {
    case me, them, mutual
    public static let aliases: [String: Initiator] = ["i": .me, "they": .them, "both": .mutual, "planned": .mutual]
}

/// What kind of moment it was; a moment may be several at once.
public enum MomentKind: String, CaseIterable, Codable, Sendable {
    case fun
    case heartToHeart = "heart-to-heart"
    case iSupported = "i-supported"
    case theySupported = "they-supported"
    case practical
    case affection
    case news
    case conflict

    public var label: String {
        switch self {
        case .fun: "had fun"
        case .heartToHeart: "heart-to-heart"
        case .iSupported: "I supported them"
        case .theySupported: "they supported me"
        case .practical: "practical help"
        case .affection: "affection"
        case .news: "shared news"
        case .conflict: "conflict or repair"
        }
    }

    /// Bit position in the stored mask. Fixed forever: reordering cases must not move it.
    public var bit: Int {
        switch self {
        case .fun: 0
        case .heartToHeart: 1
        case .iSupported: 2
        case .theySupported: 3
        case .practical: 4
        case .affection: 5
        case .news: 6
        case .conflict: 7
        }
    }

    public static let aliases: [String: MomentKind] = [
        "laughed": .fun, "laugh": .fun, "heart": .heartToHeart, "deep": .heartToHeart, "h2h": .heartToHeart,
        "supported-them": .iSupported, "i-supported-them": .iSupported, "gave-support": .iSupported,
        "supported-me": .theySupported, "they-supported-me": .theySupported, "got-support": .theySupported,
        "help": .practical, "practical-help": .practical, "love": .affection, "shared-news": .news,
        "repair": .conflict, "conflict-repair": .conflict,
    ]

    public static func mask(_ kinds: [MomentKind]) -> Int { kinds.reduce(0) { $0 | (1 << $1.bit) } }
    public static func kinds(mask: Int) -> [MomentKind] { allCases.filter { mask & (1 << $0.bit) != 0 } }
}

/// How deep the moment went.
public enum Depth: String, CaseIterable, Codable, Sendable {
    case light, personal, vulnerable
}

/// When something vulnerable was shared: how it was received. Trust grows from "safe".
public enum Reception: String, CaseIterable, Codable, Sendable {
    case safe, mixed, hurtful
}

/// Looks a typed word up in a closed vocabulary, with aliases, ignoring case, and says
/// what is accepted when it fails.
public func parseChoice<T: RawRepresentable & CaseIterable>(
    _ text: String, as what: String, aliases: [String: T] = [:]
) throws -> T where T.RawValue == String {
    let t = text.trimmingSpaces.lowercased().replacingSpaces(with: "-")
    if let v = T(rawValue: t) { return v }
    if let v = aliases[t] { return v }
    let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
    throw InputError("unknown \(what) \"\(text)\": use one of \(accepted)")
}

extension String {
    func replacingSpaces(with r: String) -> String {
        split(separator: " ", omittingEmptySubsequences: true).joined(separator: r)
    }
}
