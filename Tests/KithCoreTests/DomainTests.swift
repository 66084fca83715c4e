import Testing
@testable import KithCore

@Suite struct CircleTests {
    @Test func defaultCadencesFollowDunbarsLayers() {
        #expect(Circle.allCases.map(\.defaultCadenceDays) == [7, 14, 30, 90])
        #expect(Circle.allCases.map(\.typicalSize) == [5, 15, 50, 150])
        #expect(Circle.inner < Circle.wider)
    }

    @Test func personCadenceOverridesCircle() {
        let today = Day(year: 2026, month: 1, day: 1)!
        #expect(Person(id: 1, name: "A", circle: .close, addedOn: today).effectiveCadenceDays == 14)
        #expect(Person(id: 1, name: "A", circle: .close, cadenceDays: 10, addedOn: today).effectiveCadenceDays == 10)
        #expect(Group(id: 1, name: "G", addedOn: today).effectiveCadenceDays == 30)
    }

    @Test func kindsRoundTripThroughTheirMask() {
        for k in MomentKind.allCases { #expect(MomentKind.kinds(mask: MomentKind.mask([k])) == [k]) }
        #expect(MomentKind.kinds(mask: MomentKind.mask(MomentKind.allCases)) == MomentKind.allCases)
        #expect(Set(MomentKind.allCases.map(\.bit)).count == MomentKind.allCases.count)
    }

    @Test func momentRules() {
        let d = Day(year: 2026, month: 1, day: 1)!
        #expect(throws: InputError.self) { try Moment(day: d, people: []).validate() }
        #expect(throws: InputError.self) { try Moment(day: d, people: [1], received: .safe).validate() }
        #expect(throws: InputError.self) { try Moment(day: d, people: [1], uplift: 3).validate() }
        #expect(throws: Never.self) { try Moment(day: d, people: [1], depth: .vulnerable, received: .safe).validate() }
        #expect(throws: Never.self) { try Moment(day: d, people: [], groupID: 3).validate() }
    }

    @Test func namesAreTrimmedAndKeptOnOneLine() throws {
        #expect(try Names.validate("  Zoë  ") == "Zoë")
        #expect(throws: InputError.self) { try Names.validate("   ") }
        #expect(throws: InputError.self) { try Names.validate("a\nb") }
        #expect(throws: InputError("a name cannot contain control characters")) { try Names.validate("\u{1B}[31mRed") }
        #expect(throws: InputError.self) { try Names.validate("Tab\tName") }
        #expect(throws: InputError.self) { try Names.validate("evil\u{202E}txt") }
        // 50 family emoji are 50 characters, however many code points.
        #expect(try Names.validate(String(repeating: "👨‍👩‍👧", count: 50)).count == 50)
        #expect(throws: InputError.self) { try Names.validate(String(repeating: "a", count: 201)) }
    }
}

@Suite struct EmotionTests {
    let catalog = EmotionCatalog.standard

    @Test func catalogHasTheProductsWordsInFourQuadrants() {
        let required = ["happy", "appreciative", "grateful", "uplifted", "relieved", "compassionate", "loved", "amused",
                        "calm", "hopeful", "proud", "excited", "tender", "nostalgic", "sad", "anxious", "angry", "hurt",
                        "lonely", "vulnerable", "frustrated", "guilty", "disappointed", "embarrassed", "overwhelmed"]
        for w in required { #expect(catalog.emotion(w) != nil, "missing \(w)") }
        #expect(catalog.emotions.count >= 40)
        #expect(Set(catalog.emotions.map(\.word)).count == catalog.emotions.count)
        for v in Valence.allCases {
            for e in Energy.allCases { #expect((10...12).contains(catalog.quadrant(v, e).count)) }
        }
        #expect(catalog.emotion("sad")?.valence == .unpleasant)
        #expect(catalog.emotion("sad")?.colorRole == "emotion.unpleasant")
        #expect(catalog.emotion("excited")?.energy == .high)
    }

    @Test func parsesSeveralEmotionsWithIntensities() throws {
        let tags = try catalog.parseTags("happy, sad:2 ,Anxious:3,happy:2")
        #expect(tags == [EmotionTag(word: "happy", intensity: 2), EmotionTag(word: "sad", intensity: 2),
                         EmotionTag(word: "anxious", intensity: 3)])
        #expect(try catalog.parseTags("") == [])
        #expect(try catalog.parseTags("left out") == [EmotionTag(word: "left-out", intensity: 1)])
    }

    @Test func rejectsUnknownWordsAndBadIntensities() {
        #expect(throws: InputError("unknown emotion \"hapy\" (did you mean \"happy\"?); `kith emotions` lists them")) {
            try catalog.parseTags("hapy")
        }
        #expect(throws: InputError.self) { try catalog.parseTags("happy:4") }
        #expect(throws: InputError.self) { try catalog.parseTags("happy:0") }
        #expect(throws: InputError.self) { try catalog.parseTags("happy:x") }
        #expect(throws: InputError.self) { try catalog.parseTags("zzzzzz") }
    }
}

@Suite struct ConnectionTypeTests {
    func tags(_ s: String) -> [EmotionTag] { try! EmotionCatalog.standard.parseTags(s) }
    func classify(_ e: String, _ k: [MomentKind] = [], _ d: Depth = .light) -> ConnectionType {
        ConnectionType.classify(emotions: tags(e), kinds: k, depth: d)
    }

    @Test func happyAndAppreciativeIsJoyful() {
        #expect(classify("happy,appreciative") == .joyful)
        #expect(classify("amused:3,tired") == .joyful) // 3 ≥ 2 × 1
        #expect(classify("", [.fun]) == .joyful)
        #expect(classify("", [.affection, .news]) == .joyful)
    }

    @Test func hardFeelingsSharedOpenlyAreVulnerable() {
        #expect(classify("sad,anxious,relieved,happy", [], .vulnerable) == .vulnerable)
        #expect(classify("sad:2,relieved", [.theySupported]) == .vulnerable)
        #expect(classify("", [.theySupported]) == .vulnerable)            // being supported is opening up
        #expect(classify("angry,relieved", [.conflict]) == .vulnerable)
        #expect(classify("happy:3,anxious", [.heartToHeart]) == .vulnerable)
        #expect(classify("", [], .vulnerable) == .vulnerable)          // shared something hard, nothing tagged
        #expect(classify("relieved,happy", [], .vulnerable) == .vulnerable)
    }

    @Test func compassionWhileSupportingIsSupportive() {
        #expect(classify("compassionate,sad", [.iSupported]) == .supportive)
        #expect(classify("compassionate,sad") == .supportive)
        #expect(classify("", [.iSupported]) == .supportive)
        #expect(classify("happy", [.iSupported, .fun]) == .supportive)
    }

    @Test func theRestIsMixed() {
        #expect(classify("happy,sad:2") == .mixed)          // side by side, no opening up
        #expect(classify("angry") == .mixed)                // unpleasant with no context
        #expect(classify("") == .mixed)                     // nothing tagged
        #expect(classify("", [.practical]) == .mixed)
        #expect(classify("", [.fun, .conflict]) == .mixed)
        // mutual support with hard feelings: they supported me too, so not "supportive"
        #expect(classify("compassionate,sad", [.iSupported, .theySupported]) == .vulnerable)
        // compassion while being vulnerable oneself is not "supportive"
        #expect(classify("compassionate,sad", [], .vulnerable) == .vulnerable)
    }

    @Test func surveySharesSumToOne() {
        let sum = ConnectionType.allCases.compactMap(\.surveyShare).reduce(0, +)
        #expect(abs(sum - 1.0) < 0.0001)
    }
}

/// The user's own words, as the config adds them to the standard catalog.
@Suite struct OwnEmotionTests {
    let own = EmotionCatalog.standard.adding([
        Emotion("giddy", .pleasant, .high), Emotion("müde", .unpleasant, .low),
        Emotion("happy", .unpleasant, .low),   // already standard: left out, not moved
    ])

    @Test func ownWordsFollowTheStandardOnes() throws {
        #expect(own.emotions.count == EmotionCatalog.standard.emotions.count + 2)
        #expect(own.ownWords.map(\.word) == ["giddy", "müde"])
        #expect(own.quadrant(.pleasant, .high).last?.word == "giddy")
        #expect(own.emotion("happy")?.valence == .pleasant)
        #expect(own.emotion("GIDDY")?.energy == .high)
        #expect(EmotionCatalog.standard.ownWords.isEmpty)
        #expect(own != EmotionCatalog.standard && own == EmotionCatalog.standard.adding(own.ownWords))
    }

    @Test func tagsUseTheCatalogGiven() throws {
        #expect(try own.parseTags("giddy:2,Müde") == [EmotionTag(word: "giddy", intensity: 2), EmotionTag(word: "müde", intensity: 1)])
        #expect(throws: InputError.self) { try EmotionCatalog.standard.parseTags("giddy") }
        // Their valence weighs in the connection type like any word's.
        #expect(ConnectionType.classify(emotions: try own.parseTags("giddy"), kinds: [], depth: .light, catalog: own) == .joyful)
        #expect(ConnectionType.classify(emotions: try own.parseTags("giddy"), kinds: [], depth: .light, catalog: .standard) == .mixed)
    }

    @Test func whatMakesAWord() {
        for good in ["giddy", "left-out", "müde", "嬉しい", "e\u{301}mu", "x", String(repeating: "a", count: 24)] {
            #expect(EmotionCatalog.problem(with: good) == nil, "\(good)")
        }
        let bad: [(String, String)] = [
            ("", "is empty"),
            ("two words", "has U+20;"),
            ("sad:2", "has \":\""),
            ("a,b", "has \",\""),
            ("happy2", "has \"2\""),
            ("tab\there", "has U+9;"),
            ("esc\u{1B}[31m", "has U+1B;"),
            ("rtl\u{202E}x", "has U+202E;"),
            ("joined\u{200D}", "has U+200D;"),
            ("-out", "hyphen out of place"),
            ("left--out", "hyphen out of place"),
            ("out-", "hyphen out of place"),
            ("\u{301}e", "must start with a letter"),
            ("Giddy", "must be lowercase"),
            (String(repeating: "a", count: 25), "longer than 24"),
            (String(repeating: "嬉", count: 13), "longer than 24"),
        ]
        for (word, why) in bad {
            let problem = EmotionCatalog.problem(with: word)
            #expect(problem?.contains(why) == true, "\(word.debugDescription): \(problem ?? "accepted")")
        }
    }
}
