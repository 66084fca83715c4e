import KithCore
@testable import KithUI

/// A small, fixed world for update and view tests: no store, no clock, no terminal.
enum Fixture {
    static let today = Day(year: 2026, month: 11, day: 22)!

    static func entries() -> [RosterEntry] {
        [
            RosterEntry(subject: .person(1), name: "Zoë Ångström", nickname: "Zo", circle: .inner, cadenceDays: 7,
                        last: today.adding(days: -21), added: today.adding(days: -400),
                        birthday: Birthday(month: 11, day: 30, year: 1990), activity: [0, 0, 1, 0, 2, 3, 1, 0, 0, 4, 2, 1]),
            RosterEntry(subject: .person(2), name: "山田太郎", circle: .friends, cadenceDays: 10,
                        last: today.adding(days: -3), added: today.adding(days: -300), activity: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
            RosterEntry(subject: .person(3), name: "José 🌱", circle: .close, cadenceDays: 14,
                        last: today.adding(days: -15), added: today.adding(days: -100), activity: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]),
            RosterEntry(subject: .person(4), name: "Eve\u{1B}[31mRED", circle: .wider, cadenceDays: 90,
                        last: nil, added: today),
            RosterEntry(subject: .person(5), name: "Old Friend", circle: .friends, cadenceDays: 30,
                        last: today.adding(days: -900), added: today.adding(days: -2000), archived: true),
            RosterEntry(subject: .group(1), name: "Book club", circle: nil, cadenceDays: 30,
                        last: today.adding(days: -40), added: today.adding(days: -200)),
        ]
    }

    static let names: [Int64: String] = [1: "Zoë Ångström", 2: "山田太郎", 3: "José 🌱", 4: "Eve\u{1B}[31mRED", 5: "Old Friend"]

    static func moments() -> [Moment] {
        [
            Moment(id: 3, day: today.adding(days: -21), time: TimeOfDay(hour: 18, minute: 30), people: [1], channel: .call,
                   initiator: .them, emotions: [EmotionTag(word: "happy", intensity: 1), EmotionTag(word: "sad", intensity: 2)],
                   note: "long talk about her dad\nsecond line"),
            Moment(id: 2, day: today.adding(days: -41), people: [1, 3], kinds: [.fun],
                   emotions: [EmotionTag(word: "amused", intensity: 3), EmotionTag(word: "grateful", intensity: 1)],
                   note: "picnic 🌱 in the park with 山田"),
            Moment(id: 1, day: today.adding(days: -80), people: [1], channel: .message, initiator: .me,
                   depth: .vulnerable, received: .safe, note: "told her about the job"),
        ]
    }

    /// The app as it is after start-up: roster loaded, Zoë's timeline shown.
    static func loaded(width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(today: today, width: width, height: height)
        var effects = Update.update(&s, .rosterLoaded(entries(), people: names, groups: [1: "Book club"]))
        if case .loadTimeline(let scope, _, let offset, _)? = effects.first {
            effects = Update.update(&s, .timelineLoaded(scope, scope == .subject(.person(1)) ? moments() : [], offset: offset, exhausted: true))
        }
        return s
    }
}

/// Feeds keys through update, as the runner would, and collects the effects.
@discardableResult
func press(_ s: inout AppState, _ keys: Key...) -> [Effect] {
    var all: [Effect] = []
    for k in keys { all += Update.update(&s, .key(k)) }
    return all
}

/// Types text one character at a time.
func type(_ s: inout AppState, _ text: String) {
    for c in text { _ = Update.update(&s, .key(.char(c))) }
}
