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

/// The words kith offers. The standard set has twelve words in each Mood Meter quadrant,
/// including every word the product names; the user's own, from `[emotions]` in the
/// config, follow them. The catalog in effect is `EmotionCatalog.current`.
public struct EmotionCatalog: Sendable, Equatable {
    public let emotions: [Emotion]
    private let index: [String: Emotion]

    public init(_ emotions: [Emotion]) {
        self.emotions = emotions
        var index: [String: Emotion] = [:]
        for e in emotions where index[e.word] == nil { index[e.word] = e }
        self.index = index
    }

    public static func == (a: EmotionCatalog, b: EmotionCatalog) -> Bool { a.emotions == b.emotions }

    /// The catalog in effect: the standard words and the config's (set at start-up).
    public static var current: EmotionCatalog { Rules.current.emotions }

    /// This catalog and then `extras`, leaving out any word it already has.
    public func adding(_ extras: [Emotion]) -> EmotionCatalog {
        EmotionCatalog(emotions + extras.filter { emotion($0.word) == nil })
    }

    /// The words that are not standard ones: the user's own, in the config's order.
    public var ownWords: [Emotion] { emotions.filter { EmotionCatalog.standard.emotion($0.word) == nil } }

    public func emotion(_ word: String) -> Emotion? { index[word.lowercased()] }

    /// The longest a word may be, in terminal columns: the picker shows words whole.
    public static let maxWordWidth = 24

    /// Why `word` cannot be an emotion word, or nil when it can. A word is what `--feel`
    /// and the picker's filter can type and what a picker cell shows whole: letters, in
    /// any script, in lowercase, with single hyphens between them (`left-out`), at most
    /// `maxWordWidth` columns. No digits, spaces, commas or colons, which `parseTags`
    /// reads as separators and intensities.
    public static func problem(with word: String) -> String? {
        if word.isEmpty { return "is empty" }
        // Letters and the marks that accents may be written with, scalar by scalar: no
        // control, format (bidi, joiner) or other invisible character hides in a word.
        func kind(_ u: Unicode.Scalar) -> Character? {
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: "l"
            case .nonspacingMark, .spacingMark, .enclosingMark: "m"
            default: u == "-" ? "-" : nil
            }
        }
        if let bad = word.unicodeScalars.first(where: { kind($0) == nil }) {
            let invisible = [.control, .format].contains(bad.properties.generalCategory) || bad.properties.isWhitespace
            let shown = invisible ? "U+" + String(bad.value, radix: 16, uppercase: true) : "\"\(bad)\""
            return "has \(shown); a word is letters, with hyphens between them (left-out)"
        }
        if kind(word.unicodeScalars.first!) == "m" { return "must start with a letter" }
        if word.hasPrefix("-") || word.hasSuffix("-") || word.contains("--") {
            return "has a hyphen out of place; a word is letters, with single hyphens between them (left-out)"
        }
        if word != word.lowercased() { return "must be lowercase" }
        if TerminalText.width(word) > maxWordWidth { return "is longer than \(maxWordWidth) characters (a wide one, as in 嬉しい, counts twice)" }
        return nil
    }

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
            guard let known = emotion(word) else {
                let suggestion = Fuzzy.closest(to: word, among: emotions.map(\.word))
                    .map { " (did you mean \"\($0)\"?)" } ?? ""
                throw InputError("unknown emotion \"\(word)\"\(suggestion); `kith emotions` lists them")
            }
            // The catalog's spelling, so that what is stored matches what it looks up.
            word = known.word
            if let i = tags.firstIndex(where: { $0.word == word }) {
                tags[i] = EmotionTag(word: word, intensity: max(tags[i].intensity, intensity))
            } else {
                tags.append(EmotionTag(word: word, intensity: intensity))
            }
        }
        return tags
    }
}
