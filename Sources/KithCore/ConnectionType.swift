/// The kind of connection a moment was, after the three profiles found in a survey of
/// 341 people ("Are Moments of Human Connection Always Joyful?"): happy and appreciative
/// (62%), vulnerable (17%), compassion while supporting someone (21%). `mixed` is for a
/// moment that fits none of them cleanly, or that has nothing tagged to judge by.
public enum ConnectionType: String, CaseIterable, Codable, Sendable {
    case joyful, vulnerable, supportive, mixed

    /// Shares reported by the survey, for context beside the user's own mix.
    public var surveyShare: Double? {
        switch self {
        case .joyful: 0.62
        case .vulnerable: 0.17
        case .supportive: 0.21
        case .mixed: nil
        }
    }

    /// The rule, in order; the first that holds wins. "Pleasant weight" and "unpleasant
    /// weight" are the sums of the intensities of the moment's pleasant and unpleasant
    /// emotions, the user's own words included (a stored word no longer in the catalog,
    /// dropped from the config, counts for neither).
    ///
    /// 1. **supportive**: the user supported them (kind `i-supported`) and was not also
    ///    supported; or, with no kind saying who supported whom, the user felt
    ///    `compassionate` beside at least one unpleasant emotion while sharing nothing
    ///    vulnerable themselves (depth not `vulnerable`).
    /// 2. **vulnerable**: depth `vulnerable` (something hard was shared, however it
    ///    felt); or they supported the user (kind `they-supported` without
    ///    `i-supported`); or at least one unpleasant emotion in a moment that opened
    ///    up: kinds `heart-to-heart`, `conflict`, or support both ways.
    /// 3. **joyful**: at least one pleasant emotion and pleasant weight at least twice
    ///    the unpleasant weight; or no emotions tagged, no conflict, and kinds include
    ///    `fun` or `affection`.
    /// 4. **mixed**: everything else.
    public static func classify(emotions: [EmotionTag], kinds: [MomentKind], depth: Depth,
                                catalog: EmotionCatalog = .current) -> ConnectionType {
        var pleasant = 0, unpleasant = 0
        for tag in emotions {
            switch catalog.emotion(tag.word)?.valence {
            case .pleasant: pleasant += tag.intensity
            case .unpleasant: unpleasant += tag.intensity
            case nil: break
            }
        }
        let k = Set(kinds)
        let gaveSupport = k.contains(.iSupported), gotSupport = k.contains(.theySupported)
        if gaveSupport && !gotSupport { return .supportive }
        if !gaveSupport && !gotSupport && depth != .vulnerable && unpleasant > 0
            && emotions.contains(where: { $0.word == "compassionate" }) {
            return .supportive
        }
        if depth == .vulnerable { return .vulnerable }
        if gotSupport && !gaveSupport { return .vulnerable }
        let openedUp = gotSupport || k.contains(.heartToHeart) || k.contains(.conflict)
        if unpleasant > 0 && openedUp { return .vulnerable }
        if pleasant > 0 && pleasant >= 2 * unpleasant { return .joyful }
        if emotions.isEmpty && !k.contains(.conflict) && (k.contains(.fun) || k.contains(.affection)) {
            return .joyful
        }
        return .mixed
    }
}
