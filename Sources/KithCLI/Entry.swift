import ArgumentParser
import Foundation
import KithCore
import KithStore

/// Exit codes, documented in the README: 0 ok, 1 a failure (unknown name, store
/// problem), 2 a usage error (bad flag or value).
enum Exit {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
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
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses and runs one command; every error becomes one line on stderr and an exit code.
    public static func run(_ arguments: [String]) -> Int32 {
        var args = arguments
        // `kith --store PATH <command>`: a leading --store applies to whichever command follows.
        var leadingStore: String?
        if let first = args.first {
            if first == "--store", args.count >= 2 {
                leadingStore = args[1]
                args.removeFirst(2)
            } else if first.hasPrefix("--store=") {
                leadingStore = String(first.dropFirst("--store=".count))
                args.removeFirst()
            }
        }
        if let leadingStore { GlobalOptions.leadingStore = leadingStore }
        do {
            var command = try Kith.parseAsRoot(args)
            try command.run()
            Output.flush()
            return Exit.ok
        } catch let e as CLIError {
            Output.flush()
            Output.error(e.message)
            return e.code
        } catch let e as InputError {
            Output.flush()
            Output.error(e.message)
            return Exit.usage
        } catch let e as StoreError {
            Output.flush()
            Output.error(e.description)
            return Exit.failure
        } catch {
            Output.flush()
            let code = Kith.exitCode(for: error)
            if code == .success {
                // --help, --version and the like.
                print(Kith.fullMessage(for: error))
                return Exit.ok
            }
            let message = Kith.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            Output.error("\(text) (see kith --help)")
            return code == .validationFailure ? Exit.usage : (code.rawValue == 0 ? Exit.failure : Exit.usage)
        }
    }
}

struct Kith: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kith",
        abstract: "Tend the relationships that matter: your people, your moments of connection, gentle nudges.",
        discussion: """
            Your store is one SQLite file, by default $XDG_DATA_HOME/kith/kith.sqlite \
            (~/.local/share/kith/kith.sqlite); --store PATH or KITH_STORE point elsewhere.
            Exit codes: 0 ok, 1 failure (unknown name, store problem), 2 usage error.
            """,
        version: "0.1.0",
        subcommands: [
            Add.self, Edit.self, Archive.self, Unarchive.self, PeopleCommand.self, Show.self,
            GroupCommand.self, Log.self, History.self, Emotions.self,
        ]
    )

    func run() throws {
        Output.line("kith's full-screen view is not here yet. Meanwhile the command line does it all:")
        Output.line("  kith add NAME, kith log NAME, kith history NAME, kith people ... see `kith --help`.")
    }
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    /// Set from a `--store` given before the command name.
    nonisolated(unsafe) static var leadingStore: String?

    @Option(name: .long, help: ArgumentHelp("The store file to use (else KITH_STORE, else the XDG data dir).", valueName: "path"))
    var store: String?

    func context() -> Context {
        Context(storeOption: store ?? GlobalOptions.leadingStore)
    }
}
