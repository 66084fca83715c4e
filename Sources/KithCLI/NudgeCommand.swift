import ArgumentParser
import Foundation
import KithCore
import KithScheduler
import KithStore

/// `kith nudge`: one gentle notification a day about who is due.
struct NudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nudge",
        abstract: "Send one desktop notification about who is due (for cron or a systemd timer).",
        discussion: """
            Uses notify-send when it is installed and a desktop session bus is reachable; otherwise prints
            the same text. At most once a day unless --force. Nothing is sent when nobody is due.
            """)

    @Flag(help: "Show what would be sent, without sending or counting it.") var dryRun = false
    @Flag(help: "Send even if a nudge went out today already.") var force = false
    @OptionGroup var global: GlobalOptions

    static let lastKey = "nudge.last-day"

    func run() throws {
        let ctx = global.context()
        let store = try ctx.openStore()
        let (nudges, total, birthdays) = try Due.today(store: store, today: ctx.today, all: false)
        let reminders = try store.reminders().filter { $0.on <= ctx.today }
        let todaysBirthdays = birthdays.filter { $0.on == ctx.today }
        guard total > 0 || !reminders.isEmpty || !todaysBirthdays.isEmpty else {
            Output.line("Nobody is due today; no nudge.")
            return
        }
        if !dryRun && !force, try store.setting(NudgeCommand.lastKey) == ctx.today.iso {
            Output.line("Already nudged today (kith nudge --force sends again).")
            return
        }
        let (title, body) = NudgeCommand.message(nudges: nudges, total: total, reminders: reminders.count, birthdays: todaysBirthdays.map(\.name))
        if dryRun {
            Output.line("Would send: \(title)")
            for line in body.split(separator: "\n") { Output.line("  " + line) }
            return
        }
        if NudgeCommand.notify(title: title, body: body, environment: ctx.environment) {
            Output.line("Sent a notification: \(TerminalText.sanitize(title))")
        } else {
            Output.line(TerminalText.sanitize(title))
            for line in body.split(separator: "\n") { Output.line("  " + TerminalText.sanitize(String(line))) }
        }
        try store.setSetting(NudgeCommand.lastKey, ctx.today.iso)
    }

    /// A title that counts and a body with the first few, each with its small step.
    static func message(nudges: [KithScheduler.Nudge], total: Int, reminders: Int, birthdays: [String]) -> (String, String) {
        var parts: [String] = []
        if total > 0 { parts.append(total == 1 ? "1 bond is due" : "\(total) bonds are due") }
        if reminders > 0 { parts.append(reminders == 1 ? "1 reminder" : "\(reminders) reminders") }
        if !birthdays.isEmpty { parts.append("a birthday today") }
        let title = "kith: " + parts.joined(separator: ", ")
        var lines = nudges.prefix(3).map { n in
            "\(n.bond.name) (\(n.state == .overdue ? "overdue" : "due"), \(n.daysSince) days): \(n.suggestion)"
        }
        for name in birthdays { lines.append("It is \(name)'s birthday.") }
        if total > 3 { lines.append("…and \(total - 3) more: kith due --all") }
        return (title, lines.joined(separator: "\n"))
    }

    /// Runs notify-send when it exists and a session bus is reachable. False otherwise,
    /// or when it fails: the caller then prints the text instead.
    static func notify(title: String, body: String, environment: [String: String]) -> Bool {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/notify-send" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let notifySend = path else { return false }
        let bus = environment["DBUS_SESSION_BUS_ADDRESS"].map { !$0.isEmpty } ?? false
            || environment["XDG_RUNTIME_DIR"].map { FileManager.default.fileExists(atPath: $0 + "/bus") } ?? false
        guard bus else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: notifySend)
        p.arguments = ["--app-name=kith", title, body]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
