import KithCore
import KithStore
import KithUI

/// When the TUI asks the daily self check-in. Never nagging: at most once a day, not on
/// a day already checked in, not at all with `self_checkin = false`, and only once a
/// week after three days in a row of "not today". The loneliness questions come along
/// at most every four weeks, and not with the first check-in ever.
enum SelfPrompt {
    static let askedKey = "self-checkin.asked"
    static let skipsKey = "self-checkin.skips"
    static let lonelinessKey = "self-checkin.loneliness-offered"
    static let lonelinessEvery = 28
    static let quietAfterSkips = 3
    static let quietDays = 7
}

extension Runner {
    func selfPrompt(manual: Bool) throws -> Msg? {
        let today = today
        let recent = try store.selfCheckins(since: today.adding(days: -SelfPrompt.lonelinessEvery))
        let offered = try store.setting(SelfPrompt.lonelinessKey).flatMap { try? Parse.isoDay($0) }
        let lastAnswered = recent.last { $0.loneliness != nil }?.day
        let lastLoneliness = [offered, lastAnswered].compactMap { $0 }.max()
        // Not on the very first check-in: one question is enough to begin with.
        let before = try store.selfCheckins().contains { $0.day < today }
        let loneliness = before && (lastLoneliness.map { today.days(since: $0) >= SelfPrompt.lonelinessEvery } ?? true)
        if !manual {
            guard rules.askSelfCheckin, !(try store.people()).isEmpty else { return nil }
            guard !recent.contains(where: { $0.day == today && $0.closeness != nil }) else { return nil }
            let asked = try store.setting(SelfPrompt.askedKey).flatMap { try? Parse.isoDay($0) }
            if asked == today { return nil }
            let skips = Int(try store.setting(SelfPrompt.skipsKey) ?? "0") ?? 0
            if skips >= SelfPrompt.quietAfterSkips, let asked, today.days(since: asked) < SelfPrompt.quietDays { return nil }
            try store.setSetting(SelfPrompt.askedKey, today.iso)
        }
        if loneliness { try store.setSetting(SelfPrompt.lonelinessKey, today.iso) }
        return .askSelf(loneliness: loneliness, answered: recent.first { $0.day == today && $0.closeness != nil })
    }
}
