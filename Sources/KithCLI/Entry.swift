import ArgumentParser
import Foundation
import KithCore
import KithSettings
import KithStore
import KithTerminal

/// Exit codes, documented in the README: 0 ok, 1 a failure (unknown name, store
/// problem), 2 a usage error (bad flag or value), 3 the change was saved but its
/// confirmation could not be written (a script must not retry: that would save it twice).
enum Exit {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let savedUnconfirmed: Int32 = 3
}

/// A failure to report in one line with its exit code.
struct CLIError: Error {
    let message: String
    let code: Int32
    static func failure(_ m: String) -> CLIError { CLIError(message: m, code: Exit.failure) }
    static func usage(_ m: String) -> CLIError { CLIError(message: m, code: Exit.usage) }
}

public enum KithCLI {
    public static func main() -> Never {
        // Over a file-size limit a write should fail (and be reported, with nothing
        // half-written), not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        // Every file kith makes is the user's alone, however it is reached: SQLite's WAL
        // and journal files, a store created through a symlink, a folder made on the way.
        umask(0o077)
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses and runs one command; every error becomes one line on stderr and an exit code.
    public static func run(_ arguments: [String]) -> Int32 {
        var args = arguments
        // `kith --store PATH <command>`: a leading --store applies to whichever command follows.
        if let first = args.first {
            if first == "--store", args.count >= 2 {
                GlobalOptions.leadingStore = args[1]
                args.removeFirst(2)
            } else if first.hasPrefix("--store=") {
                GlobalOptions.leadingStore = String(first.dropFirst("--store=".count))
                args.removeFirst()
            }
        }
        let code = execute(args)
        Output.flush()
        Context.reportDailyBackup()
        // The last connection closing folds the WAL into the store file.
        Context.opened?.closeConnection()
        if let e = Output.writeError, code == Exit.ok {
            let saved = Store.committedWrites > 0
            // A reader that went away (`kith history | head`) is not worth a message.
            if e != EPIPE {
                Output.error("cannot write output: \(String(cString: strerror(e)))\(saved ? "; the change itself was saved" : "")")
            }
            return saved ? Exit.savedUnconfirmed : Exit.failure
        }
        return code
    }

    private static func execute(_ args: [String]) -> Int32 {
        do {
            // The config file's rules hold for everything this run does (help is always available).
            let askingForHelp = args.contains { ["--help", "-h", "help", "--version"].contains($0) }
            // `kith config path` finds the file, even one that cannot be read.
            let askingWhere = args.first == "config" && args.dropFirst().first == "path"
            if !askingForHelp && !askingWhere {
                let settings = try Settings.load(environment: ProcessInfo.processInfo.environment)
                Rules.current = settings.rules
                SyncCommand.settings = settings.sync
                for w in settings.warnings { Output.error(w) }
            }
            if args.count >= 2, args[0] == "help", !Kith.commandNames.contains(args[1]) {
                throw CLIError.usage("unknown command \"\(args[1])\"; `kith --help` lists them")
            }
            if GlobalOptions.leadingStore?.trimmingCharacters(in: .whitespaces).isEmpty == true { throw GlobalOptions.emptyStore }
            try Context.checkPretendedDay(ProcessInfo.processInfo.environment)
            // A bare `kith` (or `kith --store PATH`) opens the full-screen view straight away:
            // building the argument parser's tree of every command costs more than the first
            // frame itself, and there is nothing to parse.
            if args.isEmpty {
                try Kith.openFullScreen(ctx: Context(storeOption: GlobalOptions.leadingStore), theme: nil, demo: false)
                return Exit.ok
            }
            // A command named first is parsed by its own type: building the parser's tree of
            // every command cost more than `kith due` itself (reflection over thirty
            // commands' options). Commands name themselves in their configuration, since
            // working a name out of the type's name costs a runtime lookup per command.
            // What this cannot parse goes through the whole tree below, which words the
            // error as usual.
            if !askingForHelp, let name = args.first,
               let type = Kith.configuration.subcommands.first(where: { $0.configuration.commandName == name }),
               var command = try? type.parseAsRoot(Array(args.dropFirst())) {
                try command.run()
                return Exit.ok
            }
            var command = try Kith.parseAsRoot(args)
            try command.run()
            return Exit.ok
        } catch {
            Output.flush()
            switch error {
            case let e as ExitCode:
                return e.rawValue   // a quiet answer, like `due --check`
            case let e as CLIError:
                Output.error(e.message)
                return e.code
            case let e as InputError:
                Output.error(e.message)
                return Exit.usage
            case is StoreError, is ConfigError:
                Output.error(String(describing: error))
                return Exit.failure
            default:
                let code = Kith.exitCode(for: error)
                if code == .success {
                    // --help, --version and the like.
                    Output.line(Kith.fullMessage(for: error))
                    return Exit.ok
                }
                let message = Kith.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
                var text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
                if let first = text.first, first.isUppercase { text = first.lowercased() + text.dropFirst() }
                if let word = args.first, !word.hasPrefix("-"), !Kith.commandNames.contains(word), word != "help" {
                    let hint = Fuzzy.closest(to: word, among: Kith.commandNames).map { " (did you mean \"\($0)\"?)" } ?? ""
                    Output.error("unknown command \"\(word)\"\(hint); `kith --help` lists them")
                    return Exit.usage
                }
                if code == .validationFailure {
                    Output.error("\(text) (see \(helpCommand(for: args)))")
                    return Exit.usage
                }
                Output.error(text)
                return Exit.failure
            }
        }
    }

    /// `kith log --help` for an error in `kith log …`: the help that would have helped.
    static func helpCommand(for args: [String]) -> String {
        var path = ["kith"]
        var commands: [any ParsableCommand.Type] = Kith.configuration.subcommands
        for arg in args where !arg.hasPrefix("-") {
            guard let sub = commands.first(where: { $0._commandName == arg }) else { break }
            path.append(arg)
            commands = sub.configuration.subcommands
        }
        return path.joined(separator: " ") + " --help"
    }
}

struct Kith: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kith",
        abstract: "Tend the relationships that matter: your people, your moments of connection, gentle nudges.",
        discussion: """
            Plain `kith` opens the full-screen view (`kith --demo` to look around first).
            Your store is one SQLite file, by default $XDG_DATA_HOME/kith/kith.sqlite \
            (~/.local/share/kith/kith.sqlite); --store PATH or KITH_STORE point elsewhere.
            Exit codes: 0 ok, 1 failure (unknown name, store problem), 2 usage error, 3 saved but the confirmation could not be written (do not retry).
            """,
        version: "0.1.0",
        subcommands: [
            Add.self, Edit.self, Archive.self, Unarchive.self, PeopleCommand.self, Show.self,
            GroupCommand.self, Log.self, MomentCommand.self, History.self, InsightsCommand.self, SelfCheckinCommand.self, Due.self, NudgeCommand.self, Snooze.self, Remind.self, Export.self, Import.self, BackupCommand.self, RestoreCommand.self, CheckCommand.self, SyncCommand.self, TrashCommand.self, ConfigCommand.self, Emotions.self, Demo.self,
        ]
    )

    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Colour theme: dark, light, high-contrast, monochrome, or a file in ~/.config/kith/themes (NAME.toml) or a path.", valueName: "name"))
    var theme: String?
    @Flag(help: "Look around in a throwaway store of made-up people and moments (never your own store).")
    var demo = false

    /// A bare `kith` opens the full-screen view on the store (creating it on first run).
    func run() throws {
        try Kith.openFullScreen(ctx: global.context(), theme: theme, demo: demo)
    }

    static func openFullScreen(ctx: Context, theme: String?, demo: Bool) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw CLIError.usage("kith's full-screen view needs a terminal; for scripts use the commands (kith --help)")
        }
        let themeName = theme ?? Settings.theme(environment: ctx.environment)
        // Last of all, once the screen is restored and a demo store removed.
        defer { Terminal.endByStopSignal() }
        if demo {
            let dir = try Demo.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try TUI(ctx: ctx, themeName: themeName) { try Demo.write(.small, to: dir + "/kith.sqlite", today: ctx.today) }.run()
            return
        }
        try TUI(ctx: ctx, themeName: themeName) { try ctx.openStore(creating: true, quiet: true) }.run()
    }
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    /// Set from a `--store` given before the command name.
    nonisolated(unsafe) static var leadingStore: String?

    @Option(name: .long, help: ArgumentHelp("The store file to use (else KITH_STORE, else the XDG data dir).", valueName: "path"),
            completion: .file())
    var store: String?

    static let emptyStore = CLIError.usage("--store needs a path to the store file")

    func validate() throws {
        if store?.trimmingCharacters(in: .whitespaces).isEmpty == true { throw ValidationError("--store needs a path to the store file") }
    }

    func context() -> Context {
        Context(storeOption: store ?? GlobalOptions.leadingStore)
    }
}
