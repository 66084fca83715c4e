import ArgumentParser
import Foundation
import KithCore
import KithInsights
import KithStore
import KithUI
import KithRunner

/// `kith insights [NAME|--group G] [--since DATE] [--json]`.
struct InsightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Figures about a bond, a group or everyone: who reaches out, how moments feel, depth, belonging.",
        discussion: """
            Over the last 12 months (the current month and the 11 before), compared with the 12 before; --since \
            chooses the start, and the comparison is then the same number of days before it. Observations come \
            with their numbers, and shares appear only above the thresholds the README lists. --json gives every \
            figure with the ids of the moments behind it.
            """)
    @Argument(help: "Whose insights (everyone's when left out).") var name: String?
    @Option(help: ArgumentHelp("A group's insights.", valueName: "group")) var group: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("From this date on: YYYY-MM-DD, this week, 3m…", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Lines this wide (default: the terminal's, or 80).", valueName: "columns")) var width: Int?
    @Flag(help: "Print JSON (shape in the README).") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        if name != nil && group != nil { throw CLIError.usage("give a name or --group, not both") }
        let store = try ctx.openStore(reading: true)
        let resolver = try Resolver(store: store)
        let scope: InsightScope = try name.map { .person(try resolver.person($0, scope: .all)) }
            ?? group.map { .group(try resolver.group($0)) } ?? .everyone
        var period = Period.lastTwelveMonths(endingOn: ctx.today)
        if let since {
            let start = try Parse.day(since, today: ctx.today)
            guard start <= Parse.latestPast(ctx.today) else { throw InputError("--since \(start.iso) is in the future") }
            period = Period(start: start, end: ctx.today)
        }
        let x = try InsightLoader.load(store, scope: scope, period: period, today: ctx.today)
        if json {
            Output.line(InsightsJSON.render(x).render())
            return
        }
        let columns = max(60, min(200, width ?? OutputWidth.columns() ?? 80))
        if let w = width, w < 60 { throw CLIError.usage("--width must be at least 60") }
        for line in InsightsView.page(x, title: InsightLoader.title(scope), width: columns).lines() {
            Output.line(String(line.reversed().drop { $0 == " " }.reversed()))
        }
    }
}

/// `kith checkin --self 5 [--feel …] [--lonely hardly-ever,some,often]`: the user's own day.
struct SelfCheckinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Note how connected you feel today (1-7), and optionally the three loneliness questions.",
        discussion: """
            --self is the Inclusion-of-Other-in-the-Self scale: 1 two circles apart, 7 almost one. --lonely answers, \
            in order, how often you feel you lack companionship, left out, and isolated from others: hardly-ever, \
            some or often (or 1, 2, 3). One check-in a day; a second one the same day fills in or replaces what it \
            gives. It shows in `kith insights` beside your moments.
            """)
    @Option(name: .customLong("self"), help: ArgumentHelp("How connected you feel: 1 (apart) to 7 (very close).", valueName: "1-7"))
    var closeness: Int?
    @Option(help: ArgumentHelp("Emotions (comma list, word:2 for intensity).", valueName: "emotions")) var feel: [String] = []
    @Option(help: ArgumentHelp("Three answers: lack companionship, left out, isolated (hardly-ever, some, often).", valueName: "a,b,c"))
    var lonely: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The day (default today).", valueName: "date")) var date: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let day = try date.map { try Parse.day($0, today: ctx.today) } ?? ctx.today
        if day > Parse.latestPast(ctx.today) { throw InputError("a check-in cannot be in the future (\(day.iso))") }
        var loneliness: Loneliness?
        if let lonely {
            let answers = try lonely.split(separator: ",").map { try Loneliness.Answer.parse(String($0)) }
            guard answers.count == 3 else {
                throw InputError("--lonely needs three answers (lack companionship, left out, isolated), like some,hardly-ever,often")
            }
            loneliness = Loneliness(lackCompanionship: answers[0], leftOut: answers[1], isolated: answers[2])
        }
        let checkin = SelfCheckin(day: day, closeness: closeness, emotions: try EmotionCatalog.current.parseTags(feel.joined(separator: ",")),
                                  loneliness: loneliness)
        do { try checkin.validate() } catch { throw InputError(error.message) }
        let saved = try ctx.openStore(creating: true).saveSelfCheckin(checkin, createdAt: Int(time(nil)))
        var parts: [String] = []
        if let c = saved.closeness { parts.append("feeling \(c) of 7 connected") }
        if !saved.emotions.isEmpty { parts.append(saved.emotions.map { $0.intensity > 1 ? "\($0.word):\($0.intensity)" : $0.word }.joined(separator: ", ")) }
        if let l = saved.loneliness { parts.append(l.summary) }
        Output.line("Checked in for \(DateText.long(day)): \(parts.joined(separator: "; ")).")
    }
}
