import Foundation
import KithCore

/// Reads vCard 2.1, 3.0 and 4.0 as phones, khard and vdirsyncer really write them, and
/// writes 4.0 or 3.0. Only what kith keeps is read (names, nickname, birthday, note,
/// categories, UID); everything else on a card is passed over without being decoded, so
/// a photo or a strange phone-number encoding never costs the person, and a line or field
/// that cannot be read costs only itself, said as a warning.
public enum VCard {
    public struct Reading: Sendable {
        public var cards: [ContactCard] = []
        /// Cards that could not be read, each as `file:line: reason`.
        public var problems: [String] = []
        /// Cards for groups or organisations rather than people (`file:line`).
        public var notPeople: [String] = []
        /// What was left out of cards that were read, each as `file:line: what`.
        public var warnings: [String] = []
    }

    /// The longest line read: a NOTE at the 10 MB limit, every character escaped, fits;
    /// a photo of a few megabytes fits; anything longer is no contact's.
    static let maxLine = 2 * Parse.noteLimit + 1000

    /// `today` decides which birthdays are in the future: the CLI refuses those, so they
    /// go to the notes instead.
    public static func read(_ data: Data, file: String, today: Day) -> Reading {
        let lines = logicalLines(widened(data))
        var splitter = Splitter(file: file)
        for line in lines { splitter.take(line) }
        splitter.finish()
        var reading = Reading()
        let codePage = codePage(for: splitter.pieces, file: file, warnings: &reading.warnings)
        for piece in splitter.pieces {
            switch piece {
            case .problem(let p): reading.problems.append(p)
            case .card(let raw): take(raw, file: file, today: today, codePage: codePage, into: &reading)
            }
        }
        if !splitter.sawCard, let first = lines.first(where: { !$0.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) {
            reading.problems.append(noCard(lines, file: file) ?? "\(file):\(first.number): not a vCard file (no BEGIN:VCARD)")
        }
        return reading
    }

    private static func take(_ raw: RawCard, file: String, today: Day, codePage: CodePage?, into reading: inout Reading) {
        if let broken = raw.broken { return reading.problems.append(broken) }
        switch contact(raw.props, file: file, line: raw.start, today: today, codePage: codePage) {
        case .person(let c, let warnings):
            reading.cards.append(c)
            // Stable, so two warnings of one line keep their order.
            reading.warnings += (raw.warnings + warnings).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
                .map(\.element.text)
        case .notPerson: reading.notPeople.append("\(file):\(raw.start)")
        case .problem(let p): reading.problems.append(p)
        }
    }

    /// A file with BEGIN:VCARD at the start of a line that still started no card: said as
    /// that, since "no BEGIN:VCARD" would send the user looking for the wrong thing.
    private static func noCard(_ lines: [Line], file: String) -> String? {
        let begin = Array("BEGIN:VCARD".utf8)
        guard let line = lines.first(where: { line in
            let text = line.bytes.drop { $0 == 0x20 || $0 == 0x09 }
            return text.count >= begin.count && zip(text, begin).allSatisfy { $0 & 0xDF == $1 & 0xDF }
        }) else { return nil }
        return "\(file):\(line.number): no card starts here: BEGIN:VCARD has more after it on its line"
    }

    /// The bytes as UTF-8 where a Windows program wrote UTF-16: with a byte-order mark, or
    /// without one, which shows as a zero byte beside every ASCII character.
    static func widened(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        let encoding: String.Encoding
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16
        } else if bytes.count >= 4, bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 {
            encoding = .utf16LittleEndian
        } else if bytes.count >= 4, bytes[0] == 0, bytes[1] != 0, bytes[2] == 0, bytes[3] != 0 {
            encoding = .utf16BigEndian
        } else {
            return bytes
        }
        return String(data: data, encoding: encoding).map { Array($0.utf8) } ?? bytes
    }

    /// The code page for text that names no CHARSET and is not UTF-8, guessed from all
    /// such text in the file (a Windows tool writes a whole file in one: an address adds to
    /// the evidence), and said once, at the first line kith reads in it. Nil when nothing
    /// kith reads needs one.
    private static func codePage(for pieces: [Piece], file: String, warnings: inout [String]) -> CodePage? {
        var samples: [[UInt8]] = []
        var firstLine: Int? = nil
        for case .card(let raw) in pieces {
            for p in raw.props {
                guard let bytes = p.unlabelledText, String(bytes: bytes, encoding: .utf8) == nil else { continue }
                samples.append(bytes)
                if firstLine == nil, readHere.contains(p.name) { firstLine = p.line }
            }
        }
        guard let firstLine else { return nil }
        let page = CodePage.guess(samples)
        warnings.append("\(file):\(firstLine): not UTF-8 and no CHARSET: read as \(page.label)")
        return page
    }

    // MARK: lines

    struct Line {
        var bytes: [UInt8]
        /// The first physical line, counted from 1.
        let number: Int
        /// The last physical line it was unfolded from, counted from 1.
        var last: Int
    }

    /// Splits on LF, CRLF, CR CR LF or lone CR, then unfolds: a line starting with a space or tab
    /// continues the previous one, and in QUOTED-PRINTABLE values (vCard 2.1) a line
    /// ending in `=` continues on the next.
    static func logicalLines(_ bytes: [UInt8]) -> [Line] { logicalLines(physicalLines(bytes)) }

    /// The lines of a file as they are, without their line ends (or a UTF-8 byte-order mark).
    static func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let hasLF = body.contains(0x0A)
        var physical: [ArraySlice<UInt8>] = []
        var from = body.startIndex
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            if b == 0x0A || (!hasLF && b == 0x0D) {
                var end = i
                // iOS has written CR CR LF after every line: all the CRs belong to the end.
                while b == 0x0A, end > from, body[end - 1] == 0x0D { end -= 1 }
                physical.append(body[from..<end])
                from = i + 1
            }
            i += 1
        }
        if from < body.endIndex { physical.append(body[from..<body.endIndex]) }
        return physical
    }

    static func logicalLines(_ physical: [ArraySlice<UInt8>]) -> [Line] {
        var out: [Line] = []
        var softBreak = false
        for (n, raw) in physical.enumerated() {
            if softBreak, !out.isEmpty {
                out[out.count - 1].bytes.removeLast()
                out[out.count - 1].bytes += raw
                out[out.count - 1].last = n + 1
            } else if let first = raw.first, first == 0x20 || first == 0x09, !out.isEmpty {
                out[out.count - 1].bytes += raw.dropFirst()
                out[out.count - 1].last = n + 1
            } else {
                out.append(Line(bytes: Array(raw), number: n + 1, last: n + 1))
            }
            let last = out[out.count - 1].bytes
            softBreak = last.last == UInt8(ascii: "=") && isQuotedPrintable(last)
        }
        return out
    }

    private static func isQuotedPrintable(_ line: [UInt8]) -> Bool {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return String(decoding: line[..<colon], as: UTF8.self).uppercased().contains("QUOTED-PRINTABLE")
    }

    // MARK: properties

    struct Property {
        let name: String
        let params: [(key: String, value: String)]
        let value: [UInt8]
        let line: Int
        /// The whole line as it came (group prefix, parameters and all), unfolded.
        let raw: [UInt8]

        /// `item1.TEL;TYPE=CELL:...`: the group prefix is dropped, names and keys are
        /// case-insensitive, 2.1's bare parameters (`;HOME`, `;QUOTED-PRINTABLE`) are
        /// read as TYPE or ENCODING, and a colon inside a quoted parameter is not the end.
        init?(_ line: Line) {
            var quoted = false
            var colon: Int? = nil
            var cuts: [Int] = []
            for (i, b) in line.bytes.enumerated() {
                if b == UInt8(ascii: "\"") { quoted.toggle() }
                else if !quoted, b == UInt8(ascii: ";") { cuts.append(i) }
                else if !quoted, b == UInt8(ascii: ":") { colon = i; break }
            }
            guard let colon else { return nil }
            var pieces: [String] = []
            var from = 0
            for c in cuts + [colon] {
                pieces.append(String(decoding: line.bytes[from..<c], as: UTF8.self))
                from = c + 1
            }
            var name = pieces[0].trimmingCharacters(in: .whitespaces).uppercased()
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            guard !name.isEmpty else { return nil }
            self.name = name
            self.params = pieces.dropFirst().map { p in
                guard let eq = p.firstIndex(of: "=") else {
                    let bare = p.trimmingCharacters(in: .whitespaces).uppercased()
                    let encodings: Set = ["QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"]
                    return (encodings.contains(bare) ? "ENCODING" : "TYPE", bare)
                }
                var v = String(p[p.index(after: eq)...])
                if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") { v = String(v.dropFirst().dropLast()) }
                return (String(p[..<eq]).trimmingCharacters(in: .whitespaces).uppercased(), v)
            }
            self.value = Array(line.bytes[(colon + 1)...])
            self.line = line.number
            self.raw = line.bytes
        }

        func param(_ key: String) -> String? { params.first { $0.key == key }?.value }

        var asciiValue: String { String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces) }

        /// BEGIN:VCARD and END:VCARD, with any spaces or control characters (a NUL, a stray
        /// CR) a writer left after them.
        var isBegin: Bool { name == "BEGIN" && word == "VCARD" }
        var isEnd: Bool { name == "END" && word == "VCARD" }
        private var word: String {
            String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)).uppercased()
        }

        var isBase64: Bool { ["B", "BASE64"].contains(param("ENCODING")?.uppercased()) }

        /// The bytes of a text value that names no CHARSET, QUOTED-PRINTABLE undone; nil for
        /// one that names a CHARSET, and for photos, logos, sounds and keys, which are data.
        var unlabelledText: [UInt8]? {
            guard param("CHARSET") == nil, !isBase64, !VCard.binary.contains(name) else { return nil }
            return param("ENCODING")?.uppercased() == "QUOTED-PRINTABLE" ? VCard.quotedPrintable(value) : value
        }

        /// The value as text, still escaped: QUOTED-PRINTABLE undone and the CHARSET
        /// applied; with none named, UTF-8, or else `codePage` (the file's guess).
        func text(file: String, codePage: CodePage? = nil) throws -> String {
            var bytes = value
            switch param("ENCODING")?.uppercased() {
            case "QUOTED-PRINTABLE"?: bytes = VCard.quotedPrintable(bytes)
            case "B"?, "BASE64"?: throw InputError("\(file):\(line): \(name) is binary (base64), not text")
            default: break
            }
            let charset = param("CHARSET")
            guard let encoding = VCard.encoding(charset ?? "utf-8") else {
                throw InputError("\(file):\(line): \(name) has an unknown CHARSET \"\(charset!)\"")
            }
            if let s = String(bytes: bytes, encoding: encoding) { return s }
            if charset == nil, let codePage { return codePage.decode(bytes) }
            let named = charset.map { "valid \($0)" } ?? "UTF-8 (add CHARSET= or export the card as UTF-8)"
            throw InputError("\(file):\(line): \(name) is not \(named)")
        }
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "="), i + 2 < bytes.count,
               let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// The character sets older phones and mail programs name in CHARSET.
    static func encoding(_ name: String) -> String.Encoding? {
        switch name.lowercased() {
        case "utf-8", "utf8": .utf8
        case "us-ascii", "ascii": .ascii
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1": .isoLatin1
        case "iso-8859-2", "iso8859-2", "latin2": .isoLatin2
        case "windows-1252", "cp1252": .windowsCP1252
        case "windows-1250", "cp1250": .windowsCP1250
        case "windows-1251", "cp1251": .windowsCP1251
        case "shift_jis", "shift-jis", "sjis": .shiftJIS
        case "euc-jp": .japaneseEUC
        case "iso-2022-jp": .iso2022JP
        case "utf-16": .utf16
        default: nil
        }
    }

    /// How a card's backslashes read. In 3.0 and 4.0 `\\`, `\,`, `\;` and `\n` are
    /// escapes; 2.1 escapes only `\;` (in compound values), and every other backslash is
    /// text, as in a Windows path in a note.
    enum Escaping {
        case rfc, v21

        init(version: String?) { self = version?.trimmingCharacters(in: .whitespaces) == "2.1" ? .v21 : .rfc }
    }

    /// Undoes TEXT escaping: `\n` and `\N` are newlines, `\,` `\;` `\:` `\\` the character
    /// (in 2.1 only `\;`).
    static func unescape(_ s: Substring, _ escaping: Escaping = .rfc) -> String {
        if escaping == .v21 { return s.replacingOccurrences(of: "\\;", with: ";") }
        var out = ""
        var escaped = false
        for ch in s {
            if escaped {
                out.append(ch == "n" || ch == "N" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// Splits at separators that are not escaped, leaving each piece still escaped. In 2.1
    /// only a semicolon can be escaped.
    static func split(_ s: String, on separator: Character, _ escaping: Escaping = .rfc) -> [Substring] {
        var pieces: [Substring] = []
        var from = s.startIndex
        var escaped = false
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            if escaped, escaping == .rfc || ch == ";" { escaped = false }
            else if ch == "\\" { escaped = true }
            else {
                escaped = false
                if ch == separator {
                    pieces.append(s[from..<i])
                    from = s.index(after: i)
                }
            }
            i = s.index(after: i)
        }
        pieces.append(s[from...])
        return pieces
    }

    /// A 2.1 `N` as 3.0 and 4.0 escape it, so that an export means the same name.
    static func structured(_ n: String, _ escaping: Escaping) -> String {
        guard escaping == .v21 else { return n }
        return split(n, on: ";", .v21).map { ContentLine.escape(unescape($0, .v21)) }.joined(separator: ";")
    }

    // MARK: cards

    enum Outcome {
        /// With what was left out of the card, each with its line.
        case person(ContactCard, warnings: [(line: Int, text: String)])
        case notPerson
        case problem(String)
    }

    /// The person a card's properties describe. `codePage` reads text that names no
    /// CHARSET and is not UTF-8.
    static func contact(_ props: [Property], file: String, line: Int, today: Day, codePage: CodePage? = nil) -> Outcome {
        do {
            let escaping = Escaping(version: props.first { $0.name == "VERSION" }?.asciiValue)
            func unescape(_ s: Substring) -> String { VCard.unescape(s, escaping) }
            func split(_ s: String, on separator: Character) -> [Substring] { VCard.split(s, on: separator, escaping) }
            var warnings: [(line: Int, text: String)] = []
            // A field whose text cannot be decoded (an unknown CHARSET, base64) costs only
            // itself, said once; the first such name field is the problem if no name is left.
            var undecodable: [Int: String] = [:]
            var nameProblem: String? = nil
            func text(_ p: Property) -> String? {
                do { return try p.text(file: file, codePage: codePage) } catch let e as InputError {
                    if undecodable.updateValue(e.message, forKey: p.line) == nil {
                        warnings.append((p.line, "\(e.message); skipped, the card was imported"))
                        if nameProblem == nil, ["FN", "N", "NICKNAME"].contains(p.name) { nameProblem = e.message }
                    }
                } catch {}
                return nil
            }
            func first(_ name: String) -> (Property, String)? {
                for p in props where p.name == name {
                    if let t = text(p), !t.trimmingCharacters(in: .whitespaces).isEmpty { return (p, t) }
                }
                return nil
            }
            let kind = (first("KIND") ?? first("X-ADDRESSBOOKSERVER-KIND"))?.1.lowercased()
                .trimmingCharacters(in: .whitespaces)
            if let kind, kind != "individual" { return .notPerson }
            // Apple marks a company's card with X-ABShowAs:COMPANY.
            if first("X-ABSHOWAS")?.1.trimmingCharacters(in: .whitespaces).uppercased() == "COMPANY" { return .notPerson }

            var card = ContactCard(file: file, line: line, name: "")
            // The lines kith does not model (phones, emails, addresses, photos, other apps'
            // lines), kept as they came so a sync writes them back: a person's whole card
            // travels. REV is the server's and changes with every write: not kept.
            let modelled: Set = ["BEGIN", "END", "VERSION", "PRODID", "UID", "FN", "N", "NOTE", "BDAY", "CATEGORIES", "REV"]
            var firstNickname = true
            card.otherLines = props.compactMap { p in
                if p.name == "NICKNAME" && firstNickname { firstNickname = false; return nil }
                return modelled.contains(p.name) ? nil : String(validating: p.raw, as: UTF8.self)
            }
            card.uid = first("UID")?.1.trimmingCharacters(in: .whitespaces)

            var nameLine = line
            var name: String? = nil
            if let hit = first("FN") {
                let (p, fn) = hit
                name = unescape(fn[...]).trimmingCharacters(in: .whitespacesAndNewlines)
                nameLine = p.line
            }
            if let hit = first("N") {
                let (p, n) = hit
                card.structuredName = structured(n, escaping)
                if name?.isEmpty ?? true {
                    name = nameFromParts(n, escaping)
                    nameLine = p.line
                }
            }
            if name?.isEmpty ?? true, let hit = first("NICKNAME") {
                let (p, nick) = hit
                name = split(nick, on: ",").first.map { unescape($0).trimmingCharacters(in: .whitespaces) }
                nameLine = p.line
            }
            guard let name, !name.isEmpty else {
                if first("ORG") != nil { return .notPerson }
                return .problem(nameProblem ?? "\(file):\(line): card has no name (neither FN nor N)")
            }
            do { card.name = try Names.validate(name) } catch let e as InputError {
                return .problem("\(file):\(nameLine): \(e.message)")
            }

            if let hit = first("NICKNAME"),
               case let (p, nick) = hit,
               let firstNick = split(nick, on: ",").map({ unescape($0).trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }),
               firstNick != card.name {
                do { card.nickname = try Names.validate(firstNick, what: "nickname") } catch let e as InputError {
                    return .problem("\(file):\(p.line): \(e.message)")
                }
            }

            var notes: [String] = []
            if let hit = first("BDAY") {
                let (p, bday) = hit
                let isText = p.param("VALUE")?.lowercased() == "text"
                // A date no calendar has, or one kith refuses, costs the birthday, not the
                // person: its text goes to the notes like a birthday in words.
                let keep = { (why: String) in
                    notes.append("Birthday: \(unescape(bday.trimmingCharacters(in: .whitespaces)[...]))")
                    warnings.append((p.line, "\(file):\(p.line): BDAY \"\(bday)\" \(why): kept in the notes, not as the birthday"))
                }
                switch try birthday(bday, omitYear: p.param("X-APPLE-OMIT-YEAR"), isText: isText, today: today, escaping: escaping) {
                case .date(let b): card.birthday = b
                case .text(let t): notes.append("Birthday: \(t)")
                case .impossible: keep("is not a real date")
                case .refused(let why): keep(why)
                }
            }
            for p in props where p.name == "NOTE" {
                // Escaping at most doubles the text: a value over twice the limit is over
                // it however it reads, and is refused before it is decoded.
                let over = "\(file):\(p.line): NOTE is over 10 MB; a note is text, not a file"
                guard p.value.count <= 2 * Parse.noteLimit else { return .problem(over) }
                guard let value = text(p) else { continue }
                let text = unescape(value[...])
                    .replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                guard text.utf8.count <= Parse.noteLimit else { return .problem(over) }
                if !text.isEmpty { notes.append(text) }
            }
            card.note = notes.joined(separator: "\n\n")
            guard card.note.utf8.count <= Parse.noteLimit else {
                return .problem("\(file):\(line): the card's notes together are over 10 MB; a note is text, not a file")
            }

            var seen = Set<String>()
            for p in props where p.name == "CATEGORIES" {
                for piece in split(text(p) ?? "", on: ",") {
                    let g = unescape(piece).trimmingCharacters(in: .whitespaces)
                    guard !g.isEmpty, seen.insert(Folding.fold(g)).inserted else { continue }
                    // A category kith cannot use as a group name is left out, with a note for
                    // --groups; it never costs the person.
                    do { card.categories.append(try Names.validate(g, what: "group name")) } catch let e as InputError {
                        card.droppedCategories.append("\(file):\(p.line): CATEGORIES: left out: \(e.message)")
                    }
                }
            }
            return .person(card, warnings: warnings)
        } catch let e as InputError {
            return .problem(e.message)
        } catch {
            return .problem("\(file):\(line): \(error)")
        }
    }

    /// A display name from `N` (family;given;additional;prefix;suffix). Names in Han,
    /// kana or Hangul read family name first and without a space (山田太郎); others
    /// read given, additional, family.
    /// In 2.1 a comma is part of the name; in 3.0 and 4.0 it separates several.
    static func nameFromParts(_ n: String, _ escaping: Escaping = .rfc) -> String {
        let parts = split(n, on: ";", escaping).map { part in
            let names = escaping == .v21 ? [part] : split(String(part), on: ",")
            return names.map { unescape($0, escaping).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
        func at(_ i: Int) -> String { i < parts.count ? parts[i] : "" }
        let family = at(0), given = at(1), additional = at(2)
        if isEastAsian(family) || isEastAsian(given) { return family + given }
        return [given, additional, family].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func isEastAsian(_ s: String) -> Bool {
        s.unicodeScalars.contains { u in
            switch u.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x20000...0x2FFFF: true
            default: false
            }
        }
    }

    enum BirthdayValue: Equatable {
        case date(Birthday)
        case text(String)
        case impossible
        /// A real date the CLI would refuse as a birthday (in the future, before 1850): why.
        case refused(String)
    }

    /// Apple writes this year for a birthday without one (with X-APPLE-OMIT-YEAR, or,
    /// from some versions and converters, without it).
    static let appleNoYear = 1604

    /// `1990-04-15`, `19900415`, `--0415`, `--04-15`, each with or without a time
    /// after `T`; Apple's year 1604 (with or without X-APPLE-OMIT-YEAR) and year 0000
    /// mean "no year". A year the CLI would refuse (after today, before 1850) is
    /// `.refused`. Anything else is free text ("spring 1990"), which kith keeps in the notes.
    static func birthday(_ raw: String, omitYear: String?, isText: Bool, today: Day, escaping: Escaping = .rfc) throws -> BirthdayValue {
        let text = unescape(raw.trimmingCharacters(in: .whitespaces)[...], escaping)
        if isText { return .text(text) }
        var s = Substring(text)
        if let t = s.firstIndex(of: "T"), s[..<t].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) { s = s[..<t] }
        let digits = s.filter { $0 != "-" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .text(text) }
        let year: Int?, month: Int, day: Int
        let dashes = s.filter { $0 == "-" }.count
        if s.hasPrefix("--"), digits.count == 4, dashes == 2 || (dashes == 3 && s.count == 7 && s[s.index(s.startIndex, offsetBy: 4)] == "-") {
            year = nil
            month = Int(digits.prefix(2))!
            day = Int(digits.suffix(2))!
        } else if !s.hasPrefix("-"), digits.count == 8, dashes == 0 || (dashes == 2 && s.count == 10 && s[s.index(s.startIndex, offsetBy: 4)] == "-" && s[s.index(s.startIndex, offsetBy: 7)] == "-") {
            let y = Int(digits.prefix(4))!
            year = (y == 0 || y == appleNoYear || (omitYear != nil && Int(omitYear!) == y)) ? nil : y
            month = Int(digits.dropFirst(4).prefix(2))!
            day = Int(digits.suffix(2))!
        } else {
            return .text(text)
        }
        guard let b = Birthday(month: month, day: day, year: year) else { return .impossible }
        if let year, let d = Day(year: year, month: month, day: day), let why = Parse.birthdayProblem(d, today: today) {
            return .refused(why)
        }
        return .date(b)
    }

    // MARK: writing

    public enum Version: String, Sendable, CaseIterable {
        case v4 = "4.0"
        case v3 = "3.0"
    }

    /// One card. Folded at 75 octets with CRLF line ends, as both RFCs ask.
    /// `otherLines`: the card's lines kith keeps without modelling (phones, emails…),
    /// written back as they came, so the export is the whole card.
    public static func write(_ p: Person, groups: [String], version: Version, otherLines: [String] = []) -> String {
        var lines = ["BEGIN:VCARD", "VERSION:\(version.rawValue)", "PRODID:-//kith//kith//EN"]
        if let uid = p.uid { lines.append("UID:\(ContentLine.escape(uid))") }
        // A card's own name goes back out unless the user renamed the person in kith: the
        // "(2)" that tells namesakes apart in kith is kith's, not the address book's.
        let origin = p.card.flatMap { $0.isCalled(p.name) ? $0 : nil }
        lines.append("FN:\(ContentLine.escape(origin?.name ?? p.name))")
        lines.append("N:\(origin?.structuredName.map(cleanStructured) ?? structuredName(origin?.name ?? p.name))")
        if let nick = p.nickname { lines.append("NICKNAME:\(ContentLine.escape(nick))") }
        if let b = p.birthday {
            let md = version == .v4 ? "\(two(b.month))\(two(b.day))" : "\(two(b.month))-\(two(b.day))"
            if let y = b.year {
                let year = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
                lines.append("BDAY:\(year)\(version == .v4 ? "" : "-")\(md)")
            } else {
                lines.append("BDAY:--\(md)")
            }
        }
        if !groups.isEmpty { lines.append("CATEGORIES:\(groups.map(ContentLine.escape).joined(separator: ","))") }
        if !p.notes.isEmpty { lines.append("NOTE:\(ContentLine.escape(p.notes))") }
        lines += otherLines.filter { !$0.isEmpty }
        lines.append("END:VCARD")
        return lines.map(ContentLine.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The properties kith reads: a line that cannot be read after one of these costs only
    /// that line (see `Splitter`).
    static let readHere: Set<String> = ["VERSION", "UID", "FN", "N", "NICKNAME", "BDAY", "NOTE", "CATEGORIES", "KIND",
                                        "X-ADDRESSBOOKSERVER-KIND", "X-ABSHOWAS", "ORG"]

    /// Properties whose values are data, never text, whatever their bytes.
    static let binary: Set<String> = ["PHOTO", "LOGO", "SOUND", "KEY"]

    /// The properties kith writes; every other line of a card is the address book's own.
    static let managed: Set<String> = ["VERSION", "PRODID", "UID", "FN", "N", "NICKNAME", "BDAY", "CATEGORIES", "NOTE", "REV"]

    /// The card in `existing` brought up to date with `p`, keeping every line kith does
    /// not manage (phones, emails, addresses, photos, X- properties) exactly as they were
    /// and the categories kith does not know of; written in the card's own version.
    /// The kept lines go back byte for byte, folded as they were (only their line ends
    /// become CRLF), whatever their encoding: a Latin-1 address or a binary photo is
    /// never re-encoded. Nil when the file is not one vCard 3.0 or 4.0 card of the same
    /// UID, which kith then leaves untouched rather than guess.
    public static func merge(_ existing: Data, with p: Person, groups: [String]) -> [UInt8]? {
        let physical = physicalLines([UInt8](existing))
        let lines = logicalLines(physical)
        var props: [(Property, [UInt8])] = []
        var begins = 0, ends = 0
        for line in lines where !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            guard let prop = Property(line) else { return nil }
            if prop.name == "BEGIN" { begins += 1; if prop.asciiValue.uppercased() != "VCARD" { return nil }; continue }
            if prop.name == "END" { ends += 1; continue }
            let raw = physical[(line.number - 1)..<line.last].map(Array.init).joined(separator: [0x0D, 0x0A])
            props.append((prop, Array(raw)))
        }
        guard begins == 1, ends == 1 else { return nil }
        guard let versionText = props.first(where: { $0.0.name == "VERSION" })?.0.asciiValue,
              let version = Version(rawValue: versionText) else { return nil }
        if let uid = props.first(where: { $0.0.name == "UID" })?.0.asciiValue, uid != p.uid { return nil }
        var known = Set(groups.map(Folding.fold))
        var categories = groups
        for (prop, _) in props where prop.name == "CATEGORIES" {
            guard let text = try? prop.text(file: "") else { continue }
            for piece in split(text, on: ",") {
                let name = unescape(piece).trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, known.insert(Folding.fold(name)).inserted { categories.append(name) }
            }
        }
        let end = Array("END:VCARD\r\n".utf8)
        var card = Array(write(p, groups: categories, version: version).utf8).dropLast(end.count)
        for (prop, bytes) in props where !managed.contains(prop.name) {
            card += bytes
            card += [0x0D, 0x0A]
        }
        card += end
        return Array(card)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A kept `N` value, with any control characters an old card carried taken out.
    private static func cleanStructured(_ n: String) -> String {
        String(String.UnicodeScalarView(n.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }))
    }

    /// `N` for someone kith named itself: the last word is taken as the family name
    /// ("Ana María López" → López; Ana María), a name without spaces as the given name.
    /// After a comma comes either a suffix ("Ana López, MD") or, in "Smith, Jo", the
    /// given name of a name written family name first.
    public static func structuredName(_ name: String) -> String {
        if let comma = name.firstIndex(of: ",") {
            let before = String(name[..<comma]).trimmingCharacters(in: .whitespaces)
            let after = String(name[name.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
            let suffixes: Set = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "md", "m.d.", "phd", "ph.d.", "esq", "esq.", "dds", "rn"]
            if !suffixes.contains(after.lowercased()) && !before.contains(" ") && !after.isEmpty {
                return [before, after, "", "", ""].map(ContentLine.escape).joined(separator: ";")
            }
            return parts(before, suffix: after)
        }
        return parts(name, suffix: "")
    }

    /// Words without a letter (an emoji, a dash) are left out of the parts: "Ben 🎸" once
    /// had 🎸 as its family name. East Asian names are written family name first.
    private static func parts(_ base: String, suffix: String) -> String {
        let words = base.split(separator: " ").map(String.init).filter { $0.contains { $0.isLetter } }
        guard words.count > 1 else { return ["", words.first ?? base, "", "", suffix].map(ContentLine.escape).joined(separator: ";") }
        let (family, given) = isEastAsian(base) ? (words[0], words.dropFirst().joined(separator: " "))
            : (words.last!, words.dropLast().joined(separator: " "))
        return [family, given, "", "", suffix].map(ContentLine.escape).joined(separator: ";")
    }
}
