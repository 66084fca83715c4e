import ArgumentParser
import Foundation
import KithCore
import KithInterop
import KithStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring data in: people from vCards, or a JSON backup.",
        subcommands: [ImportVCard.self, ImportJSON.self])
}

/// `kith import json FILE`: restores a backup into an empty store.
struct ImportJSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Restore a kith export json backup into an empty store.",
        discussion: "The store must be empty (a new --store path, say): restoring never mixes a backup into other data.")
    @Argument(help: "The backup file.") var file: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ctx = global.context()
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.failure("cannot read \(file)")
        }
        let backup = try Backup.read(data, file: file)
        let store = try ctx.openStore(creating: true)
        var snoozes = Snoozes()
        for (subject, until) in backup.snoozes {
            switch subject {
            case .person(let id): snoozes.people[id] = until
            case .group(let id): snoozes.groups[id] = until
            }
        }
        try store.insertAll(people: backup.people, groups: backup.groups, moments: backup.moments,
                            reminders: backup.reminders, snoozes: snoozes, settings: backup.settings,
                            createdAt: Int(time(nil)))
        Output.line("Restored \(backup.people.count) people, \(backup.groups.count) groups and \(backup.moments.count) moments into \(store.path).")
    }
}
