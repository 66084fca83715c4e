/// Pleasant or unpleasant: both sit in moments of connection with equal dignity.
public enum Valence: String, CaseIterable, Codable, Sendable { case pleasant, unpleasant }
/// High or low energy: the other axis of the Mood Meter.
public enum Energy: String, CaseIterable, Codable, Sendable { case high, low }

/// A word for a feeling, placed on the Mood Meter's two axes. The colour a view gives it
/// follows from its valence (`emotion.pleasant` / `emotion.unpleasant` theme roles).
public struct Emotion: Hashable, Sendable {
    public let word: String
    public let valence: Valence
    public let energy: Energy

    public init(_ word: String, _ valence: Valence, _ energy: Energy) {
        self.word = word
        self.valence = valence
        self.energy = energy
    }

    /// Theme role name used to colour this emotion's chip.
    public var colorRole: String { "emotion.\(valence.rawValue)" }
}

/// One emotion felt in a moment, with its intensity: 1 a little, 2 clearly, 3 strongly.
public struct EmotionTag: Hashable, Sendable {
    public let word: String
    public let intensity: Int
    public init(word: String, intensity: Int) {
        self.word = word
        self.intensity = intensity
    }
}

/// The words kith offers. The default set has twelve words in each Mood Meter quadrant,
/// including every word the product names; users may add their own later in config.
public struct EmotionCatalog: Sendable {
    public let emotions: [Emotion]
    private let index: [String: Emotion]

    public init(_ emotions: [Emotion]) {
        self.emotions = emotions
        var index: [String: Emotion] = [:]
        for e in emotions where index[e.word] == nil { index[e.word] = e }
        self.index = index
    }

    public func emotion(_ word: String) -> Emotion? { index[word.lowercased()] }

    public func quadrant(_ valence: Valence, _ energy: Energy) -> [Emotion] {
        emotions.filter { $0.valence == valence && $0.energy == energy }
    }

    public static let standard = EmotionCatalog([
        // pleasant, high energy
        Emotion("happy", .pleasant, .high), Emotion("excited", .pleasant, .high),
        Emotion("amused", .pleasant, .high), Emotion("proud", .pleasant, .high),
        Emotion("uplifted", .pleasant, .high), Emotion("hopeful", .pleasant, .high),
        Emotion("joyful", .pleasant, .high), Emotion("energized", .pleasant, .high),
        Emotion("playful", .pleasant, .high), Emotion("inspired", .pleasant, .high),
        Emotion("surprised", .pleasant, .high), Emotion("delighted", .pleasant, .high),
        // pleasant, low energy
        Emotion("appreciative", .pleasant, .low), Emotion("grateful", .pleasant, .low),
        Emotion("relieved", .pleasant, .low), Emotion("compassionate", .pleasant, .low),
        Emotion("loved", .pleasant, .low), Emotion("calm", .pleasant, .low),
        Emotion("tender", .pleasant, .low), Emotion("nostalgic", .pleasant, .low),
        Emotion("content", .pleasant, .low), Emotion("peaceful", .pleasant, .low),
        Emotion("connected", .pleasant, .low), Emotion("understood", .pleasant, .low),
        // unpleasant, high energy
        Emotion("anxious", .unpleasant, .high), Emotion("angry", .unpleasant, .high),
        Emotion("frustrated", .unpleasant, .high), Emotion("overwhelmed", .unpleasant, .high),
        Emotion("embarrassed", .unpleasant, .high), Emotion("stressed", .unpleasant, .high),
        Emotion("irritated", .unpleasant, .high), Emotion("jealous", .unpleasant, .high),
        Emotion("worried", .unpleasant, .high), Emotion("nervous", .unpleasant, .high),
        Emotion("tense", .unpleasant, .high), Emotion("shocked", .unpleasant, .high),
        // unpleasant, low energy
        Emotion("sad", .unpleasant, .low), Emotion("hurt", .unpleasant, .low),
        Emotion("lonely", .unpleasant, .low), Emotion("vulnerable", .unpleasant, .low),
        Emotion("guilty", .unpleasant, .low), Emotion("disappointed", .unpleasant, .low),
        Emotion("tired", .unpleasant, .low), Emotion("ashamed", .unpleasant, .low),
        Emotion("drained", .unpleasant, .low), Emotion("left-out", .unpleasant, .low),
        Emotion("misunderstood", .unpleasant, .low), Emotion("homesick", .unpleasant, .low),
    ])

    /// Reads `happy,sad:2,anxious:3`: each word from the catalog, intensity 1–3 (default
    /// 1). A word given twice keeps its highest intensity; order is kept as typed.
    public func parseTags(_ text: String) throws -> [EmotionTag] {
        var tags: [EmotionTag] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: true) {
            let item = raw.trimmingSpaces
            if item.isEmpty { continue }
            var word = item.lowercased()
            var intensity = 1
            if let colon = item.lastIndex(of: ":") {
                word = String(item[..<colon]).trimmingSpaces.lowercased()
                let level = String(item[item.index(after: colon)...]).trimmingSpaces
                guard let n = Int(level), (1...3).contains(n) else {
                    throw InputError("intensity of \"\(word)\" must be 1, 2 or 3, not \"\(level)\"")
                }
                intensity = n
            }
            word = word.replacingSpaces(with: "-")
            guard emotion(word) != nil else {
                let suggestion = Fuzzy.closest(to: word, among: emotions.map(\.word))
                    .map { " (did you mean \"\($0)\"?)" } ?? ""
                throw InputError("unknown emotion \"\(word)\"\(suggestion); `kith emotions` lists them")
            }
            if let i = tags.firstIndex(where: { $0.word == word }) {
                tags[i] = EmotionTag(word: word, intensity: max(tags[i].intensity, intensity))
            } else {
                tags.append(EmotionTag(word: word, intensity: intensity))
            }
        }
        return tags
    }
}
