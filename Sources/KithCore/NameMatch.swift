/// Finds the person (or group) a typed name means.
///
/// In order: the exact name; then the name, then the nickname, equal after folding case
/// and diacritics ("zoe" → "Zoë"); then a unique folded prefix of the whole name, or of
/// any word in it ("ång" → "Zoë Ångström"). Several matches at one step are ambiguous
/// and listed; no match suggests the closest name.
public enum NameMatch<ID: Hashable & Sendable>: Equatable, Sendable {
    case found(ID)
    case ambiguous([String])
    case unknown(suggestion: String?)

    public struct Candidate: Sendable {
        public let id: ID
        public let name: String
        public let nickname: String?
        public init(id: ID, name: String, nickname: String? = nil) {
            self.id = id
            self.name = name
            self.nickname = nickname
        }
    }

    public static func resolve(_ query: String, among candidates: [Candidate]) -> NameMatch {
        let q = query.trimmingSpaces
        if let exact = candidates.first(where: { $0.name == q }) { return .found(exact.id) }
        let fq = Folding.fold(q)
        guard !fq.isEmpty else { return .unknown(suggestion: nil) }
        let folded = candidates.map { c in
            (c, Folding.fold(c.name), c.nickname.map(Folding.fold))
        }
        // A real name wins over a nickname at each step: names are checked first.
        let steps: [((Candidate, String, String?)) -> Bool] = [
            { $0.1 == fq },
            { $0.2 == fq },
            { $0.1.hasPrefix(fq) || ($0.2?.hasPrefix(fq) ?? false) },
            { $0.1.split(separator: " ").contains { $0.hasPrefix(fq) } },
        ]
        for step in steps {
            let hits = folded.filter(step).map(\.0)
            if hits.count == 1 { return .found(hits[0].id) }
            if hits.count > 1 { return .ambiguous(hits.map(\.name).sorted()) }
        }
        let names = candidates.map(\.name) + candidates.compactMap(\.nickname)
        var suggestion = Fuzzy.closest(to: q, among: names)
        if let s = suggestion, let owner = candidates.first(where: { $0.nickname == s }) { suggestion = owner.name }
        return .unknown(suggestion: suggestion)
    }

    public static func == (a: NameMatch, b: NameMatch) -> Bool {
        switch (a, b) {
        case let (.found(x), .found(y)): x == y
        case let (.ambiguous(x), .ambiguous(y)): x == y
        case let (.unknown(x), .unknown(y)): x == y
        default: false
        }
    }
}
