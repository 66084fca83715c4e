import KithCore
import KithStore

/// Turns names typed on the command line into people and groups, with the messages a
/// person needs when a name does not match: ambiguous (with the candidates), unknown
/// (with the closest name), or archived (with how to bring them back).
struct Resolver {
    let store: Store
    let people: [Person]
    let groups: [Group]

    /// `people`: everyone, archived included, when the caller has read them already.
    init(store: Store, people: [Person]? = nil) throws {
        self.store = store
        self.people = try people ?? store.people(includeArchived: true)
        self.groups = try store.groups()
    }

    /// Everyone's name by id, archived people too: what a moment's ids are shown as.
    var names: [Int64: String] { Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.name) }) }
    var groupNames: [Int64: String] { Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.name) }) }

    enum Scope { case active, archived, all }

    func person(_ query: String, scope: Scope = .active) throws -> Person {
        switch match(person: query, scope: scope) {
        case .found(let id):
            return people.first { $0.id == id }!
        case .ambiguous(let names):
            throw CLIError.failure("\"\(query)\" could be \(Resolver.list(names)); type more of the name")
        case .unknown(let suggestion):
            if scope == .active, case .found(let id) = match(person: query, scope: .archived),
               let archived = people.first(where: { $0.id == id }) {
                throw CLIError.failure("\(archived.name) is archived; `kith unarchive \"\(archived.name)\"` brings them back")
            }
            if scope == .archived, case .found(let id) = match(person: query, scope: .active),
               let active = people.first(where: { $0.id == id }) {
                throw CLIError.failure("\(active.name) is not archived")
            }
            if people.isEmpty {
                throw CLIError.failure("nobody named \"\(query)\": kith has no people yet; add someone with `kith add NAME`")
            }
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? "; `kith people` lists everyone"
            throw CLIError.failure("nobody named \"\(query)\"\(hint)")
        }
    }

    func match(person query: String, scope: Scope) -> NameMatch<Int64> {
        let pool = people.filter { p in
            switch scope {
            case .active: !p.archived
            case .archived: p.archived
            case .all: true
            }
        }
        return NameMatch<Int64>.resolve(query, among: pool.map { .init(id: $0.id, name: $0.name, nickname: $0.nickname) })
    }

    func group(_ query: String) throws -> Group {
        switch match(group: query) {
        case .found(let id):
            return groups.first { $0.id == id }!
        case .ambiguous(let names):
            throw CLIError.failure("group \"\(query)\" could be \(Resolver.list(names)); type more of the name")
        case .unknown(let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" }
                ?? (groups.isEmpty ? "; there are no groups yet (`kith group add NAME`)" : "; `kith group list` lists them")
            throw CLIError.failure("no group named \"\(query)\"\(hint)")
        }
    }

    func match(group query: String) -> NameMatch<Int64> {
        NameMatch<Int64>.resolve(query, among: groups.map { .init(id: $0.id, name: $0.name) })
    }

    /// For `--group G` on add and edit: an existing group (by the usual matching), or a
    /// new one to create when the name is not close to any existing group.
    func groupsToJoin(_ names: [String]) throws -> (existing: [Int64], new: [String]) {
        do {
            return try GroupJoin.plan(names, among: groups.map { .init(id: $0.id, name: $0.name) })
        } catch let p as GroupJoin.Problem {
            throw CLIError.failure(p.message)
        }
    }

    /// People named in `NAME[,NAME…]` arguments. Commas separate names, except where
    /// the text around a comma is itself someone's whole name ("Smith, Jo"): at each
    /// point the longest run of pieces that spells a name (ignoring case, accents and
    /// the spaces after commas) is taken first.
    func people(_ args: [String]) throws -> [Person] {
        let active = people.filter { !$0.archived }
        func key(_ s: String) -> String {
            Folding.fold(s.split(separator: ",").map { $0.trimmingSpaces }.joined(separator: ","))
        }
        var wholeNames: [String: Person] = [:]
        for p in active where p.name.contains(",") { wholeNames[key(p.name)] = p }
        var out: [Person] = []
        func add(_ p: Person) { if !out.contains(where: { $0.id == p.id }) { out.append(p) } }
        for arg in args {
            let pieces = arg.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            var i = 0
            while i < pieces.count {
                var taken = false
                if !wholeNames.isEmpty {
                    for j in stride(from: pieces.count, to: i + 1, by: -1) {
                        if let p = wholeNames[key(pieces[i..<j].joined(separator: ","))] {
                            add(p)
                            i = j
                            taken = true
                            break
                        }
                    }
                }
                if taken { continue }
                if !pieces[i].isEmpty { add(try person(pieces[i])) }
                i += 1
            }
        }
        return out
    }

    /// The person's or group's name a reminder is about.
    func about(_ r: Reminder) -> String {
        if let p = r.personID { return people.first { $0.id == p }?.name ?? "#\(p)" }
        if let g = r.groupID { return groups.first { $0.id == g }?.name ?? "#\(g)" }
        return ""
    }

    static func list(_ names: [String]) -> String { GroupJoin.list(names) }
}
