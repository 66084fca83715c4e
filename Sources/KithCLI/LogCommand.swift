import ArgumentParser
import Foundation
import KithCore
import KithStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a moment of connection.",
        discussion: """
            Every field has a default: today, in person, mutual, light, no emotions.
            Examples:
              kith log zoe --via call --reached-out them --feel happy,sad:2
              kith log "Ana,Ben" --kind fun --feel amused:3 --note "picnic"
              kith log --group "Book club" --date yesterday --kind fun
            """)

    @Argument(help: ArgumentHelp("Who was there: NAME, or NAME,NAME…", valueName: "names"))
    var names: [String] = []
    @Option(help: ArgumentHelp("A group moment: counts for the group and each member present (all members unless names are given).", valueName: "group"))
    var group: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("YYYY-MM-DD, today, yesterday, a weekday, or 3d / 2w ago (default today).", valueName: "date"))
    var date: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("HH:MM, optional.", valueName: "time"))
    var time: String?
    @Option(help: ArgumentHelp("in-person, call, video, message or other (default in-person).", valueName: "channel"))
    var via: String?
    @Option(name: .customLong("reached-out"), help: ArgumentHelp("me, them or mutual (default mutual).", valueName: "who"))
    var reachedOut: String?
    @Option(help: ArgumentHelp("fun, heart-to-heart, i-supported, they-supported, practical, affection, news, conflict (comma list).", valueName: "kinds"))
    var kind: [String] = []
    @Option(help: ArgumentHelp("Emotions felt, each with intensity 1-3: happy,sad:2 (`kith emotions` lists them).", valueName: "emotions"))
    var feel: [String] = []
    @Option(parsing: .unconditional, help: ArgumentHelp("How you felt afterwards, -2 to 2.", valueName: "n"))
    var uplift: String?
    @Option(help: ArgumentHelp("light, personal or vulnerable (default light).", valueName: "depth"))
    var depth: String?
    @Option(help: ArgumentHelp("For a vulnerable moment, how it was received: safe, mixed or hurtful.", valueName: "how"))
    var received: String?
    @Option(help: ArgumentHelp("A note; - reads it from standard input.", valueName: "text"))
    var note: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        // Every value is read and checked before the store is opened: a typo changes nothing.
        let day = try Parse.day(date ?? "today", today: ctx.today)
        if day > Parse.latestPast(ctx.today) {
            throw InputError("\(day.iso) is in the future; moments are logged for today or earlier")
        }
        let time = try self.time.map(Parse.time)
        let channel: Channel = try via.map { try parseChoice($0, as: "channel (--via)", aliases: Channel.aliases) } ?? .inPerson
        let initiator: Initiator = try reachedOut.map { try parseChoice($0, as: "value for --reached-out", aliases: Initiator.aliases) } ?? .mutual
        var kinds: [MomentKind] = []
        for item in kind.flatMap({ $0.split(separator: ",") }) {
            let k: MomentKind = try parseChoice(String(item), as: "kind", aliases: MomentKind.aliases)
            if !kinds.contains(k) { kinds.append(k) }
        }
        let catalog = EmotionCatalog.current
        let emotions = try catalog.parseTags(feel.joined(separator: ","))
        let uplift = try self.uplift.map(Parse.uplift)
        let received: Reception? = try self.received.map { try parseChoice($0, as: "value for --received") }
        var depth: Depth = try self.depth.map { try parseChoice($0, as: "depth") } ?? .light
        if received != nil {
            if self.depth == nil { depth = .vulnerable } else if depth != .vulnerable {
                throw InputError("--received describes a vulnerable moment; use it with --depth vulnerable")
            }
        }
        if names.isEmpty && group == nil {
            throw InputError("say who the moment was with: kith log NAME, or kith log --group GROUP")
        }
        let note = try self.note.map(readText) ?? ""

        let store = try ctx.openStore()
        let resolver = try Resolver(store: store)
        var people = try resolver.people(names)
        var groupID: Int64?
        var groupName: String?
        var outsiders: [Person] = []
        if let g = group {
            let grp = try resolver.group(g)
            groupID = grp.id
            groupName = grp.name
            let members = Set(try store.memberIDs(group: grp.id))
            outsiders = people.filter { !members.contains($0.id) }
            if people.isEmpty {
                people = resolver.people.filter { members.contains($0.id) && !$0.archived }
                if people.isEmpty {
                    let anyArchived = !members.isEmpty
                    throw CLIError.failure("group \"\(grp.name)\" has no \(anyArchived ? "active " : "")members; name who was there: kith log NAME --group \"\(grp.name)\"")
                }
            }
        }
        if people.isEmpty && groupID == nil {
            throw InputError("say who the moment was with: kith log NAME, or kith log --group GROUP")
        }
        let moment = Moment(day: day, time: time, people: people.map(\.id), groupID: groupID, channel: channel,
                            initiator: initiator, kinds: kinds, emotions: emotions, uplift: uplift, depth: depth,
                            received: received, note: note)
        let saved = try store.addMoment(moment, createdAt: Int(Foundation.time(nil)))

        let s = TerminalText.sanitize
        var who = people.map { s($0.name) }.joined(separator: ", ")
        if let groupName { who = "\(s(groupName)) (\(who))" }
        var line = "Logged \(Log.phrase(channel)) with \(who), \(DateText.relative(day, today: ctx.today))"
        if ctx.today.days(since: day) > 1 { line += " (\(DateText.long(day)))" }
        if let time { line += " at \(time)" }
        if initiator != .mutual { line += " · \(Format.reachedOut(initiator))" }
        if !emotions.isEmpty { line += " · \(Format.emotions(emotions))" }
        line += (saved.isTagged ? " · \(saved.connectionType.rawValue)" : "") + "  [#\(saved.id)]"
        Output.line(line)
        for p in outsiders {
            Output.line("Note: \(s(p.name)) is not in \(s(groupName ?? "")); `kith edit \"\(s(p.name))\" --group \"\(s(groupName ?? ""))\"` adds them.")
        }
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
        let names = Dictionary(uniqueKeysWithValues: resolver.people.map { ($0.id, $0.name) })
        let groups = Dictionary(uniqueKeysWithValues: resolver.groups.map { ($0.id, $0.name) })
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
