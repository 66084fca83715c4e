import KithCore
import Testing
@testable import KithDemo

@Suite struct DemoTests {
    let today = Day(year: 2026, month: 11, day: 22)!

    @Test func smallWorldIsDeterministicAndVaried() {
        let a = DemoWorld.generate(.small, today: today), b = DemoWorld.generate(.small, today: today)
        #expect(a.people == b.people && a.moments == b.moments)
        #expect(a.people.count == 36 && a.groups.count == 5)
        #expect(abs(a.moments.count - 900) < 60)
        #expect(Set(a.people.map(\.name)).count == a.people.count)
        #expect(a.people.contains { $0.name == "山田太郎" } && a.people.contains { $0.name == "Zoë Ångström" })
        #expect(Set(a.people.map(\.circle)) == Set(Circle.allCases))
        for m in a.moments {
            #expect(throws: Never.self) { try m.validate() }
            #expect(m.day <= today && m.day >= today.adding(days: -365 * 2))
            for e in m.emotions { #expect(EmotionCatalog.standard.emotion(e.word) != nil) }
        }
        // The three profiles show up in about the survey's proportions.
        let types = Dictionary(grouping: a.moments.filter { $0.groupID == nil }, by: \.connectionType).mapValues(\.count)
        let total = Double(types.values.reduce(0, +))
        #expect(Double(types[.joyful] ?? 0) / total > 0.45)
        #expect(Double(types[.vulnerable] ?? 0) / total > 0.08)
        #expect(Double(types[.supportive] ?? 0) / total > 0.12)
        #expect(DemoWorld.generate(.small, today: today, seed: 7).moments != a.moments)
    }

    @Test func heavyWorldHasTheBenchmarkShape() {
        let w = DemoWorld.generate(.heavy, today: today)
        #expect(w.people.count == 1000 && w.groups.count == 50)
        #expect(abs(w.moments.count - 100_000) < 2_000)
        #expect(Set(w.people.map { Folding.fold($0.name) }).count == 1000)
        // Reminders (open, done, dismissed) and snoozes, as a heavy user has them.
        #expect(w.reminders.count == 200)
        #expect(Set(w.reminders.map(\.state)) == [.open, .done, .dismissed])
        #expect(w.snoozes.count > 30 && w.snoozes.allSatisfy { $0.until > today })
        // 1-4 emotions in every moment, names in many scripts.
        #expect(w.moments.allSatisfy { (1...4).contains($0.emotions.count) })
        for name in ["Zoë Ångström", "José Álvarez", "Małgorzata Nowak", "山田太郎", "최유림", "Inès 🌻"] {
            #expect(w.people.contains { $0.name == name })
        }
    }
}
