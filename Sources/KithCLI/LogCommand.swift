import ArgumentParser
import Foundation
import KithCore
import KithStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a moment of connection.",
        discussion: """
            Every field has a default: today, in person, mutual, light, no emotions. With --group \
            and no names, every active member of the group was there. `kith moment edit ID` \
            changes a logged moment (ID as printed in [#ID]), `kith moment delete ID` deletes it.
            Examples:
              kith log zoe --via call --reached-out them --feel happy,sad:2
              kith log "Ana,Ben" --kind fun --feel amused:3 --note "picnic"
              kith log --group "Book club" --date yesterday --kind fun
            """)

    @OptionGroup var fields: MomentOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let given = try fields.read(today: ctx.today, clearing: false)
        if given.names == nil && given.group == nil {
            throw InputError("say who the moment was with: kith log NAME, or kith log --group GROUP")
        }
        let store = try ctx.openStore()
        let resolver = try Resolver(store: store)
        var moment = given.applied(to: Moment(day: ctx.today, people: []))
        var people = try resolver.people(given.names ?? [])
        var outsiders: [String] = []
        if let g = given.group ?? nil {
            let group = try resolver.group(g)
            moment.groupID = group.id
            let members = Set(try store.memberIDs(group: group.id))
            if people.isEmpty {
                // A group moment without names: everyone in the group was there.
                people = resolver.people.filter { members.contains($0.id) && !$0.archived }
                if people.isEmpty {
                    throw CLIError.failure("group \"\(group.name)\" has no \(members.isEmpty ? "" : "active ")members; name who was there: kith log NAME --group \"\(group.name)\"")
                }
            }
            outsiders = MomentText.outsiders(people.map(\.id), group: group, members: members, names: resolver.names)
        }
        if people.isEmpty {
            throw InputError("say who the moment was with: kith log NAME, or kith log --group GROUP")
        }
        moment.people = people.map(\.id)
        let saved = try store.addMoment(moment, createdAt: Int(Foundation.time(nil)))
        Output.line(Log.confirmation(saved, who: MomentText.who(saved, names: resolver.names, groups: resolver.groupNames), today: ctx.today))
        for line in outsiders { Output.line(line) }
    }

    /// "Logged a call with Zoë, yesterday · they reached out · happy  [#12]": what was
    /// saved, with the id that `kith moment` takes.
    static func confirmation(_ m: Moment, who: String, today: Day) -> String {
        var line = "Logged \(Log.phrase(m.channel)) with \(who), \(DateText.relative(m.day, today: today))"
        if today.days(since: m.day) > 1 { line += " (\(DateText.long(m.day)))" }
        if let time = m.time { line += " at \(time)" }
        if m.initiator != .mutual { line += " · \(Format.reachedOut(m.initiator))" }
        if !m.emotions.isEmpty { line += " · \(Format.emotions(m.emotions))" }
        return line + (m.isTagged ? " · \(m.connectionType.rawValue)" : "") + "  [#\(m.id)]"
    }
}

extension Log {
    static func phrase(_ c: Channel) -> String {
        switch c {
        case .inPerson: "time together"
        case .call: "a call"
        case .video: "a video call"
        case .message: "messages"
        case .other: "a moment"
        }
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show moments, newest first: one person's, a group's, or everyone's.")

    @Argument(help: "Whose history (everyone's when left out).") var name: String?
    @Option(help: ArgumentHelp("A group's moments.", valueName: "group")) var group: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("From this date on: YYYY-MM-DD, a weekday, this week, last week, 3d, 2w…", valueName: "date")) var since: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Up to this date (same forms as --since).", valueName: "date")) var until: String?
    @Option(help: ArgumentHelp("With any of these emotions (comma list).", valueName: "emotions")) var feel: [String] = []
    @Option(help: ArgumentHelp("Of any of these kinds (comma list).", valueName: "kinds")) var kind: [String] = []
    @Option(help: ArgumentHelp("Through any of these channels (comma list).", valueName: "channels")) var via: [String] = []
    @Option(help: ArgumentHelp("Whose note contains this text (ignoring case and accents).", valueName: "text")) var grep: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many moments.", valueName: "n")) var limit: Int?
    @Flag(help: "Print JSON (shape in the README).") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if name != nil && group != nil { throw ValidationError("give a name or --group, not both") }
    }

    func run() throws {
        let ctx = global.context()
        var filter = MomentFilter()
        filter.since = try since.map { try Parse.day($0, today: ctx.today) }
        filter.until = try until.map { try Parse.day($0, today: ctx.today) }
        if let s = filter.since, let u = filter.until, s > u {
            throw InputError("--since \(s.iso) is after --until \(u.iso)")
        }
        let catalog = EmotionCatalog.current
        filter.emotions = try catalog.parseTags(feel.joined(separator: ","))
        filter.kinds = try kind.flatMap { $0.split(separator: ",") }.map { try parseChoice(String($0), as: "kind", aliases: MomentKind.aliases) }
        filter.channels = try via.flatMap { $0.split(separator: ",") }.map { try parseChoice(String($0), as: "channel", aliases: Channel.aliases) }
        filter.text = grep

        let store = try ctx.openStore(reading: true)
        let resolver = try Resolver(store: store)
        var subject: String?
        if let name {
            let p = try resolver.person(name, scope: .all)
            filter.person = p.id
            subject = p.name
        }
        if let group {
            let g = try resolver.group(group)
            filter.group = g.id
            subject = g.name
        }
        let moments = try store.moments(filter, limit: limit)
        let names = resolver.names, groups = resolver.groupNames
        if json {
            Output.line(JSON.array(moments.map { Format.json($0, names: names, groups: groups, catalog: catalog) }).render())
            return
        }
        if moments.isEmpty {
            let with = subject.map { " with \(TerminalText.sanitize($0))" } ?? ""
            if filter.isNarrowed {
                Output.line("No moments\(with) match.")
            } else if let g = group, filter.group != nil {
                Output.line("No moments\(with) yet. Log one: kith log --group \"\(TerminalText.sanitize(resolver.groups.first { $0.id == filter.group }?.name ?? g))\"")
            } else if let p = filter.person, resolver.people.first(where: { $0.id == p })?.archived == true {
                Output.line("No moments\(with) yet.")
            } else {
                Output.line("No moments\(with) yet. Log one: kith log \(subject.map { "\"\(TerminalText.sanitize($0))\"" } ?? "NAME")")
            }
            return
        }
        let timed = moments.contains { $0.time != nil }
        var month: (Int, Int)?
        for m in moments {
            if month.map({ $0 != (m.day.year, m.day.month) }) ?? true {
                if month != nil { Output.line() }
                month = (m.day.year, m.day.month)
                Output.line(DateText.monthHeading(m.day))
            }
            for l in Format.lines(m, names: names, groups: groups, alignTime: timed) { Output.line("  " + l) }
        }
    }
}

extension MomentFilter {
    var isNarrowed: Bool {
        since != nil || until != nil || !emotions.isEmpty || !kinds.isEmpty || !channels.isEmpty || text != nil
    }
}

struct Emotions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emotions",
        abstract: "List the emotion words, by pleasantness and energy (the Mood Meter's quadrants).")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let catalog = EmotionCatalog.current
        if json {
            Output.line(JSON.array(catalog.emotions.map { e in
                .object([("word", .string(e.word)), ("valence", .string(e.valence.rawValue)), ("energy", .string(e.energy.rawValue))])
            }).render())
            return
        }
        for (v, en) in [(Valence.pleasant, Energy.high), (.pleasant, .low), (.unpleasant, .high), (.unpleasant, .low)] {
            Output.line("\(v.rawValue), \(en.rawValue) energy")
            var line = " "
            for e in catalog.quadrant(v, en) {
                if TerminalText.width(line) + TerminalText.width(e.word) + 1 > 78 { Output.line(line); line = " " }
                line += " " + e.word
            }
            Output.line(line)
        }
        let own = catalog.ownWords
        if !own.isEmpty { Output.line("Your own, from config.toml: " + own.map(\.word).joined(separator: ", ")) }
        Output.line("Tag a moment with several at once, each with intensity 1-3: --feel happy,sad:2,relieved")
    }
}
