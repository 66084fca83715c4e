import ArgumentParser
import KithCore
import KithSettings

/// `kith config path|show`: where the config file is and what is in effect.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Where the config file is, and the settings in effect.",
        subcommands: [ConfigPath.self, ConfigShow.self],
        defaultSubcommand: ConfigShow.self)
}

struct ConfigPath: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the config file's path.")
    func run() throws {
        Output.line(Settings.path(environment: Context(storeOption: nil).environment))
    }
}

struct ConfigShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the settings in effect, as TOML.")
    func run() throws {
        let env = Context(storeOption: nil).environment
        let path = Settings.path(environment: env)
        let s = try Settings.load(environment: env)
        let r = s.rules
        Output.line("# settings in effect (from \(path), else the defaults)")
        Output.line("theme = \"\(s.theme ?? "dark")\"")
        Output.line("overdue_factor = \(r.overdueFactor)")
        Output.line("daily_cap = \(r.dailyCap)")
        Output.line("birthday_days = \(r.birthdayDays)")
        Output.line("self_checkin = \(r.askSelfCheckin)")
        Output.line("backups = \(r.dailyBackups)")
        Output.line("week_start = \"\(r.weekStart.rawValue)\"")
        Output.line(TerminalText.pad("date_format = \"\(r.dateStyle.rawValue)\"", to: 25) + " # \(r.dateStyle.example)")
        Output.line("[cadence]")
        for c in Circle.allCases { Output.line("\(c.rawValue) = \(r.cadence[c] ?? c.defaultCadenceDays)") }
        Output.line("group = \(r.groupCadence)")
        Output.line(TerminalText.pad("[emotions]", to: 25) + " # your own words; `kith emotions` lists them all")
        for e in r.emotions.ownWords {
            Output.line("\(Settings.keyName([e.word])) = { valence = \"\(e.valence.rawValue)\", energy = \"\(e.energy.rawValue)\" }")
        }
        Output.line("# store: \(Context(storeOption: nil).storePath)")
    }
}
