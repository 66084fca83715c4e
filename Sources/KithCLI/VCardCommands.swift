import ArgumentParser
import Foundation
import KithCore
import KithInterop
import KithStore
import KithSync

/// `kith import vcard PATH...`: people from an address book, as often as it changes.
struct ImportVCard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcard",
        abstract: "Bring people in from vCard files or a vdir (khard, vdirsyncer, a phone's export).",
        discussion: """
            Each PATH is a .vcf file (one card or many) or a directory of them, read with its subdirectories. \
            vCard 2.1, 3.0 and 4.0 are read; kith takes the name, nickname, birthday, note and UID, and with --groups \
            the categories.

            Importing again updates instead of duplicating: a card is matched by its UID, or by name to someone added \
            in kith. An update takes the card's name, nickname and birthday; notes only when kith's are empty, so what \
            you wrote in kith stays. Circles, cadences and moments are never touched.

            A card kith cannot read is reported as file:line: reason and skipped; the others are imported, all in one \
            transaction. Exit status 1 when any card was skipped that way, 0 otherwise. A field that cannot be read \
            (an impossible birthday, a garbled line) costs only itself, said as file:line: what was left out. Text \
            that is not UTF-8 and names no CHARSET is read in the Windows code page it fits (1252, 1251, 1253 or \
            1255), and the file's first such line says which.
            """)
    @Argument(help: ArgumentHelp("vCard files or directories; - reads standard input.", valueName: "path"), completion: .file())
    var paths: [String]
    @Flag(help: "Show what would be added, updated and skipped, and write nothing.") var dryRun = false
    @Flag(help: "Make each card's CATEGORIES groups, with the person a member (created when missing).") var groups = false
    @Option(help: ArgumentHelp("The circle for people new to kith: inner, close, friends or wider.", valueName: "circle"), completion: .list(["inner", "close", "friends", "wider"]))
    var circle: String = Circle.wider.rawValue
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        let circle: Circle = try parseChoice(circle, as: "circle")
        let files = try VCardFiles.collect(paths)
        var cards: [ContactCard] = []
        var problems: [String] = []
        var warnings: [String] = []
        var notPeople = 0
        for file in files {
            let data: Data
            switch VCardFiles.read(file) {
            case .success(let d): data = d
            case .failure(let why):
                problems.append("\(file): cannot be read: \(why.message)")
                continue
            }
            let reading = VCard.read(data, file: file, today: ctx.today)
            cards += reading.cards
            problems += reading.problems
            warnings += reading.warnings
            notPeople += reading.notPeople.count
        }
        let store = try ctx.openStore(creating: !dryRun)
        var report = try store.importContacts(cards, circle: circle, joinGroups: groups, today: ctx.today, dryRun: dryRun)
        report.problems = problems + report.problems
        report.warnings = warnings + report.warnings

        let would = dryRun ? "would be " : ""
        if dryRun {
            for name in report.added { Output.line("add     \(name)") }
            for name in report.updated { Output.line("update  \(name)") }
            for name in report.groupsCreated { Output.line("group   \(name) (new)") }
        }
        Output.line("From \(Count.of(files.count, "file")): "
                    + "\(report.added.count) \(would)added, \(report.updated.count) \(would)updated, \(report.unchanged.count) unchanged"
                    + (notPeople > 0 ? ", \(notPeople) not people (groups or organisations)" : "")
                    + (report.problems.isEmpty ? "" : ", \(report.problems.count) skipped")
                    + (report.groupsCreated.isEmpty ? "" : "; \(Count.of(report.groupsCreated.count, "new group"))")
                    + (report.namesakes.first.map { "; \(report.namesakes.count) \(would)numbered apart from a namesake, like \"\($0)\"" } ?? "")
                    + (dryRun ? ". Dry run: nothing was written." : "."))
        Output.flush()
        for line in FileProblems.capped(report.warnings + report.problems, files: files) { Output.error(line) }
        if !report.problems.isEmpty { throw ExitCode(Exit.failure) }
    }
}

/// Which files a list of paths names: files as given, directories walked for .vcf and
/// .vcard files (hidden ones skipped, as vdirsyncer keeps its state there), in a
/// stable order so that reports read the same each time.
enum VCardFiles {
    /// A file's bytes; "-" is standard input. Only regular files (and stdin) are read,
    /// opened without blocking, so a FIFO or a device named .vcf cannot hang the import.
    static func read(_ path: String) -> Result<Data, InputError> {
        if path == "-" { return .success(FileHandle.standardInput.readDataToEndOfFile()) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(InputError(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(InputError(String(cString: strerror(errno)))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(InputError("not a regular file")) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(InputError(String(cString: strerror(errno)))) }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return .success(data)
    }

    static func collect(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            if path == "-" { out.append(path); continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw CLIError.failure("cannot read \(path): no such file or directory")
            }
            guard isDir.boolValue else { out.append(path); continue }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                throw CLIError.failure("cannot read the directory \(path)")
            }
            var found: [String] = []
            while let rel = walker.nextObject() as? String {
                let name = (rel as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                let ext = (name as NSString).pathExtension.lowercased()
                guard ext == "vcf" || ext == "vcard" else { continue }
                found.append((path as NSString).appendingPathComponent(rel))
            }
            if found.isEmpty { throw CLIError.failure("no .vcf files in \(path)") }
            out += found.sorted()
        }
        return out
    }
}

/// `kith export vcard`: people as vCards for khard, vdirsyncer or a phone.
struct ExportVCard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcard",
        abstract: "People as vCards: one file, or a vdir with a file per person (khard, vdirsyncer).",
        discussion: """
            --out DIR (an existing directory, or a new path without .vcf) writes one UID.vcf per person, as khard and \
            vdirsyncer keep them; --out FILE.vcf writes every card into one file; no --out writes to standard output. \
            Cards carry the name, structured name, nickname, birthday, groups (as CATEGORIES) and notes, in vCard 4.0 \
            (--v3 for 3.0). Files are created readable by you only.

            Exporting into the vdir you imported from updates each card in place: the lines kith does not keep \
            (phones, emails, addresses, photos) stay exactly as they were, and so do categories kith does not know. \
            A file that is not a single vCard 3.0 or 4.0 of that person is left untouched and reported. Each person \
            keeps their UID, so an address book that imports the export again updates instead of duplicating.
            """)
    @Option(help: ArgumentHelp("A directory (a vdir) or a .vcf file.", valueName: "dir|file"), completion: .file())
    var out: String?
    @Flag(help: "Write vCard 3.0 instead of 4.0.") var v3 = false
    @Flag(help: "Include archived people.") var archived = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let version: VCard.Version = v3 ? .v3 : .v4
        let store = try global.context().openExisting(for: "export")
        let people = try store.people(includeArchived: archived)
        let groups = try store.groupNamesByPerson()
        let cards = try people.map { (person: $0, text: VCard.write($0, groups: groups[$0.id] ?? [], version: version,
                                                                     otherLines: try store.cardLines(person: $0.id))) }
        let noun = cards.count == 1 ? "vCard" : "vCards"

        var isDir: ObjCBool = false
        let exists = out.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) } ?? false
        guard let out, (exists && isDir.boolValue) || (!exists && !out.lowercased().hasSuffix(".vcf") && !out.lowercased().hasSuffix(".vcard")) else {
            if let out { try Export.checkReplaceable(out, writtenBy: "PRODID:-//kith//kith//EN", what: "a vCard file") }
            try Export.emit(cards.map(\.text).joined(), to: out, saying: "\(cards.count) \(noun)")
            return
        }
        if !exists, mkdir(out, 0o700) != 0 {
            throw CLIError.failure("cannot create the directory \(out): \(String(cString: strerror(errno)))")
        }
        var written = 0, updated = 0
        var kept: [String] = []
        // A card is found by the UID inside it, whatever its file is called: DAVx5 and
        // vdirsyncer name files otherwise, and each such card once got a duplicate.
        let byUID = VCardFiles.indexByUID(out)
        for card in cards {
            let named = (out as NSString).appendingPathComponent(VCardFiles.fileName(card.person))
            let path = FileManager.default.fileExists(atPath: named) ? named : card.person.uid.flatMap { byUID[$0] } ?? named
            var text = Array(card.text.utf8)
            if FileManager.default.fileExists(atPath: path) {
                guard let data = FileManager.default.contents(atPath: path),
                      let merged = VCard.merge(data, with: card.person, groups: groups[card.person.id] ?? []) else {
                    kept.append(path)
                    continue
                }
                text = merged
                updated += 1
            }
            try ExportICS.writePrivately(text, to: path)
            written += 1
        }
        let dir = out.hasSuffix("/") ? out : out + "/"
        Output.line("Wrote \(written) \(written == 1 ? "vCard" : "vCards") to \(dir)"
                    + (updated > 0 ? " (\(updated) updated in place, their other lines kept)" : "") + ".")
        Output.flush()
        for path in kept {
            Output.error("\(path): left as it is: not a single vCard 3.0 or 4.0 of this person, so kith will not rewrite it")
        }
        if !kept.isEmpty { throw ExitCode(Exit.failure) }
    }
}

extension VCardFiles {
    /// The vCard files of a folder by the UID each holds (the first card's), read as the
    /// sync folder reads its cards.
    static func indexByUID(_ dir: String) -> [String: String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [:] }
        var out: [String: String] = [:]
        for name in names.sorted() where !name.hasPrefix(".") && (name.lowercased().hasSuffix(".vcf") || name.lowercased().hasSuffix(".vcard")) {
            let path = (dir as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            if let uid = SyncCodec.firstUID(String(decoding: data, as: UTF8.self)), out[uid] == nil { out[uid] = path }
        }
        return out
    }

    /// A card's file name in a vdir: its UID when that is a safe file name, as khard and
    /// vdirsyncer do; otherwise the UID with unsafe characters replaced and a hash of the
    /// UID added, so that every export names the same person's file the same way.
    static func fileName(_ p: Person) -> String {
        let uid = p.uid ?? "kith-person-\(p.id)"
        func safe(_ u: Unicode.Scalar) -> Bool {
            u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || "-_.@".unicodeScalars.contains(u))
        }
        if uid.unicodeScalars.allSatisfy(safe), !uid.hasPrefix("."), uid.utf8.count <= 200 { return uid + ".vcf" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in uid.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let cleaned = String(String.UnicodeScalarView(uid.unicodeScalars.prefix(100).map { safe($0) ? $0 : "_" }))
        return cleaned.trimmingCharacters(in: CharacterSet(charactersIn: ".")) + "-" + String(hash, radix: 16) + ".vcf"
    }
}
