import GRDB
import KithCore

extension Store {
    /// Takes address-book cards in, in one transaction.
    ///
    /// A card is matched to a person by its UID, or else by name to someone added in
    /// kith. A match is updated with what the card carries: nickname, birthday, a new
    /// name (unless the user renamed them in kith); notes only when kith's are empty,
    /// so nothing written in kith is ever overwritten. A card whose name someone from
    /// another card already has is added as "Name (2)". Cards sharing a UID are settled
    /// first (see `SharedUIDs`). Circle, cadence and
    /// moments are kith's own and never touched. A card that cannot be taken in is
    /// reported and leaves no trace; with `dryRun` everything is checked and rolled back.
    public func importContacts(_ cards: [ContactCard], circle: Circle, joinGroups: Bool, today: Day,
                               dryRun: Bool) throws(StoreError) -> ContactImport {
        let shared = SharedUIDs(cards)
        return try write(commit: !dryRun) { db in
            var importer = try ContactImporter(db, circle: circle, joinGroups: joinGroups, today: today)
            importer.report.warnings = shared.warnings
            for card in shared.cards { try importer.take(card) }
            return importer.report
        }
    }
}

/// Several cards of one import under one UID. Address books and test suites put one
/// person's card in two files (a second copy, an edited one): those are one person, and
/// the last card is taken. They also reuse a UID for someone else: a card under another
/// name is a person of its own, as if it had no UID, and the first name keeps it. Taking
/// every card in turn instead made them overwrite one person back and forth, so that the
/// same files imported again counted each of them as updated.
struct SharedUIDs {
    private(set) var cards: [ContactCard] = []
    /// One for each shared UID, at its first card.
    private(set) var warnings: [String] = []

    init(_ all: [ContactCard]) {
        var byUID: [String: [Int]] = [:]
        for (i, card) in all.enumerated() { if let uid = card.uid { byUID[uid, default: []].append(i) } }
        var skip = Set<Int>(), withoutUID = Set<Int>()
        var said: [(at: Int, text: String)] = []
        for (uid, at) in byUID where at.count > 1 {
            let first = all[at[0]]
            var last: [String: Int] = [:]
            for i in at { last[Folding.fold(all[i].name)] = i }
            for i in at {
                let key = Folding.fold(all[i].name)
                if last[key] != i { skip.insert(i) } else if key != Folding.fold(first.name) { withoutUID.insert(i) }
            }
            let text = last.count == 1
                ? "all named \(first.name): the last one is taken"
                : "under \(last.count) names: \(first.name) keeps it, and each other name comes in as a person of its own"
            said.append((at[0], "\(first.place): UID \(uid) is on \(at.count) cards in this import, \(text)"))
        }
        warnings = said.sorted { $0.at < $1.at }.map(\.text)
        for (i, card) in all.enumerated() where !skip.contains(i) {
            var card = card
            if withoutUID.contains(i) { card.uid = nil }
            cards.append(card)
        }
    }
}

/// The importer's view of the people table: indexes by UID and by folded name, kept
/// in step with its own writes, so a thousand cards cost a thousand seeks, not a
/// thousand scans.
private struct ContactImporter {
    let db: Database
    let circle: Circle
    let joinGroups: Bool
    let today: Day
    var report = ContactImport()
    var people: [Int64: Person] = [:]
    var byUID: [String: Int64] = [:]
    var byName: [String: Int64] = [:]
    var groups: [String: Int64] = [:]
    /// People by the name of the card they came from, oldest first.
    var byCardName: [String: [Int64]] = [:]
    /// People this import has matched or added: no later card is matched to them by name.
    var touched = Set<Int64>()

    init(_ db: Database, circle: Circle, joinGroups: Bool, today: Day) throws {
        self.db = db
        self.circle = circle
        self.joinGroups = joinGroups
        self.today = today
        for row in try Row.fetchAll(db, sql: "SELECT \(Person.columns) FROM people ORDER BY id") {
            let p = Person(row: row)
            people[p.id] = p
            if let uid = p.uid { byUID[uid] = p.id }
            byName[Folding.fold(p.name)] = p.id
            if let card = p.card { byCardName[Folding.fold(card.name), default: []].append(p.id) }
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM groups") {
            groups[Folding.fold(row[1])] = row[0]
        }
    }

    mutating func take(_ card: ContactCard) throws {
        if joinGroups { report.warnings += card.droppedCategories }
        let key = Folding.fold(card.name)
        var match = card.uid.flatMap { byUID[$0] }
        if let m = match, touched.contains(m) {
            report.warnings.append("\(card.place): UID \(card.uid!) came earlier in this import too; this card's details win")
        }
        if match == nil {
            if let named = byName[key], people[named]?.card == nil, !touched.contains(named) {
                // Someone added in kith, by the card's name: the card's person.
                match = named
            } else if card.uid == nil {
                // A card without a UID: the person an earlier import of it made, taken in
                // order, so that two such cards with one name stay two people.
                match = byCardName[key]?.first { !touched.contains($0) }
            }
        }
        let nickname = card.nickname.flatMap { nick -> String? in
            if let other = byName[Folding.fold(nick)], other != match {
                report.warnings.append("\(card.place): nickname \"\(nick)\" left out: it is \(people[other]!.name)'s name")
                return nil
            }
            return nick
        }
        let id: Int64
        if let m = match {
            id = m
            try update(people[m]!, from: card, nickname: nickname)
        } else {
            id = try add(card, nickname: nickname)
        }
        touched.insert(id)
    }

    /// `name`, or when someone else has it, `name (2)`, `name (3)`…: names in kith are
    /// unique because they are what the user types, while address books repeat them.
    private func free(_ name: String, for id: Int64?) -> String {
        var candidate = name
        var n = 1
        while let other = byName[Folding.fold(candidate)], other != id {
            n += 1
            candidate = "\(name) (\(n))"
        }
        return candidate
    }

    private mutating func update(_ old: Person, from card: ContactCard, nickname: String?) throws {
        var p = old
        // The address book renamed them: follow, unless the user renamed them in kith.
        if let origin = old.card, origin.name != card.name, origin.isCalled(old.name) {
            p.name = free(card.name, for: old.id)
        }
        p.nickname = nickname ?? old.nickname
        p.birthday = card.birthday ?? old.birthday
        if old.notes.isEmpty { p.notes = card.note }
        // kith's own export of someone the user renamed, coming back: the card that named
        // them first stays their origin, so the address book and the export never flip them.
        if let origin = old.card, !origin.isCalled(old.name), card.name == old.name {
            p.card = origin
        } else {
            p.card = CardOrigin(name: card.name, structuredName: card.structuredName)
        }
        if let uid = card.uid { p.uid = uid }
        var seen = p
        seen.card = old.card
        var changed = seen != old || Self.cardChanged(from: old.card, to: p.card)
        if p != old {
            try db.execute(sql: """
                UPDATE people SET name = ?, nickname = ?, birthday_month = ?, birthday_day = ?, birthday_year = ?,
                    notes = ?, uid = ?, card_fn = ?, card_n = ? WHERE id = ?
                """, arguments: [p.name, p.nickname, p.birthday?.month, p.birthday?.day, p.birthday?.year,
                                 p.notes, p.uid, p.card?.name, p.card?.structuredName, p.id])
            byName[Folding.fold(old.name)] = nil
            byName[Folding.fold(p.name)] = p.id
            if let uid = old.uid { byUID[uid] = nil }
            if let uid = p.uid { byUID[uid] = p.id }
            if let before = old.card?.name { byCardName[Folding.fold(before)]?.removeAll { $0 == p.id } }
            if let now = p.card?.name { byCardName[Folding.fold(now), default: []].append(p.id) }
            people[p.id] = p
        }
        if try join(p.id, card.categories) { changed = true }
        // The lines kith keeps as they came (a phone number the address book changed).
        let lines = card.otherLines.joined(separator: "\n")
        if try String.fetchOne(db, sql: "SELECT coalesce(card_extra, '') FROM people WHERE id = ?", arguments: [p.id]) != lines {
            try db.execute(sql: "UPDATE people SET card_extra = ? WHERE id = ?", arguments: [lines, p.id])
            changed = true
        }
        if changed { report.updated.append(p.name) } else { report.unchanged.append(p.name) }
    }

    /// Whether the card kept for export changed in a way the user made. A first card for
    /// someone added in kith, or a structured name where the card had none, is kith's own
    /// export coming back with what it filled in: written, but not counted as an update.
    static func cardChanged(from old: CardOrigin?, to new: CardOrigin?) -> Bool {
        guard let old, let new, old != new else { return false }
        return !(old.name == new.name && old.structuredName == nil)
    }

    private mutating func add(_ card: ContactCard, nickname: String?) throws -> Int64 {
        let name = free(card.name, for: nil)
        if name != card.name { report.namesakes.append(name) }
        let p = Person(id: 0, name: name, nickname: nickname, circle: circle, birthday: card.birthday,
                       notes: card.note, addedOn: today, uid: card.uid ?? Store.newUID(),
                       card: CardOrigin(name: card.name, structuredName: card.structuredName))
        try db.execute(sql: """
            INSERT INTO people (name, nickname, circle, birthday_month, birthday_day, birthday_year, notes, added_day,
                                uid, card_fn, card_n, card_extra)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.name, p.nickname, p.circle.rawValue, p.birthday?.month, p.birthday?.day, p.birthday?.year,
                             p.notes, p.addedOn.ordinal, p.uid, p.card?.name, p.card?.structuredName,
                             card.otherLines.joined(separator: "\n")])
        var added = p
        added.id = db.lastInsertedRowID
        people[added.id] = added
        byName[Folding.fold(name)] = added.id
        byUID[added.uid!] = added.id
        byCardName[Folding.fold(card.name), default: []].append(added.id)
        _ = try join(added.id, card.categories)
        report.added.append(name)
        return added.id
    }

    /// Adds the person to the card's categories as groups, creating missing ones.
    /// True when a membership was added.
    private mutating func join(_ person: Int64, _ categories: [String]) throws -> Bool {
        guard joinGroups else { return false }
        var joined = false
        for name in categories {
            let key = Folding.fold(name)
            let group: Int64
            if let g = groups[key] {
                group = g
            } else {
                // `groups` holds every group by its folded name: this one is free.
                group = try Store.insertGroup(db, name: name, cadenceDays: nil, notes: "", addedOn: today, knownFree: true)
                groups[key] = group
                report.groupsCreated.append(name)
            }
            try db.execute(sql: "INSERT OR IGNORE INTO memberships (group_id, person_id) VALUES (?, ?)", arguments: [group, person])
            if db.changesCount > 0 { joined = true }
        }
        return joined
    }
}
