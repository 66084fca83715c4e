import Foundation
import Synchronization
import KithCore
import KithInsights
import KithStore
import KithTerminal
import KithSettings
import KithUI
import KithRunner
import KithSyncFolder

/// Runs the full-screen app: the loop that draws the state, reads a key, updates, and
/// performs the effects update asks for against the store.
struct TUI {
    let ctx: Context
    /// `--theme`, else the config file's `theme`, else the default.
    let themeName: String?
    /// Opened once the terminal is known to work, so that an unusable terminal never
    /// leaves a new store behind.
    let openStore: () throws -> Store

    func run() throws {
        // A parent may have left signals blocked (some process spawners do); the TUI
        // needs SIGWINCH for resizes and SIGTERM/SIGINT/SIGTSTP to behave as usual.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGWINCH, SIGINT, SIGTERM, SIGTSTP, SIGCONT, SIGHUP] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        let (theme, themeWarning) = ThemeLoader.load(themeName, environment: ctx.environment)
        let terminal: Terminal
        do { terminal = try Terminal(theme: theme) } catch let e as TerminalError { throw CLIError.usage(e.description) }
        // The store's warnings (a loose file mode) are shown on the screen, and again
        // on the shell once the screen is gone: written to the terminal now they would
        // land in the middle of the full screen and be wiped by its first frame.
        var warnings: [String] = []
        defer {
            terminal.end()
            for w in warnings { Output.error(w, prefix: "kith: ") }
        }
        var runner = Runner(store: try openStore(), today: ctx.today, rules: Rules.current, catalog: .current)
        warnings = runner.store.warnings
        let size = terminal.size
        var state = AppState(today: ctx.today, width: size.width, height: size.height, rules: runner.rules)
        if let warning = ([themeWarning] + warnings).compactMap({ $0 }).first {
            state.message = warning
            state.messageIsError = true
        }
        var effects: [Effect] = [.loadRoster, .promptSelf(manual: false)]
        let sync = backgroundSync()
        sync?.start()
        var lastDraw = 0
        var backedUp = false
        let daily = BackgroundDaily()
        // The clock is an input like a key: read where the loop waits, handed to update
        // as a message when the day has changed (idle past midnight, or just before a key).
        func noticeNewDay() -> [Effect] {
            let day = Context.today(environment: ctx.environment)
            guard day != runner.today else { return [] }
            runner.today = day
            // The new day's copy of the store comes before its first change, as at launch.
            runner.store.backUpDailyBeforeFirstWrite(today: day, keep: Rules.current.dailyBackups)
            daily.start(runner.store)
            return Update.update(&state, .newDay(day))
        }
        while true {
            if let failure = daily.takeFailure() { effects += Update.update(&state, .failed(failure)) }
            // Perform effects until none are left; each answer may ask for more.
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                switch effect {
                case .quit: return
                case .redraw: terminal.invalidate()
                case .suspend: terminal.suspend()
                default:
                    guard let answer = runner.perform(effect) else { break }
                    if TUI.isSave(answer) { sync?.start() }
                    effects += Update.update(&state, answer)
                }
            }
            // With keys already waiting (a held j), handle them first: drawing every
            // intermediate frame would make the screen lag behind the keyboard. A frame
            // still goes out at least every tenth of a second.
            let now = milliseconds()
            if !terminal.inputPending || now - lastDraw >= 100 {
                terminal.draw(Screen.render(state))
                lastDraw = now
                if !backedUp {
                    // The day's copy of the store, checked, once the first screen is up: in
                    // the background, so that keys never wait for it (a heavy store takes
                    // a second to check). A save meanwhile waits for the check: what it
                    // finds decides whether anything may be written.
                    backedUp = true
                    daily.start(runner.store)
                }
            }
            // With the frame out and no key waiting, the neighbours' first pages are read
            // ahead: moving to one then costs no query. A key arriving meanwhile waits
            // for one page at most.
            var answered = false
            for effect in Update.prefetches(state) where !terminal.inputPending {
                if let answer = runner.perform(effect) {
                    effects += Update.update(&state, answer)
                    answered = true
                }
            }
            // A count came in: it is drawn before the loop waits for a key.
            if answered { continue }
            // Idle, it looks twice a second whether another kith wrote to the store, so
            // a moment logged from cron or another shell shows within about a second.
            var event = terminal.next(timeout: 500)
            while case .idle = event {
                let turned = noticeNewDay()
                if !turned.isEmpty {
                    effects = turned
                    break
                }
                if let failure = daily.takeFailure() {
                    effects = Update.update(&state, .failed(failure))
                    break
                }
                if let outcome = sync?.take() {
                    effects = Update.update(&state, TUI.message(outcome))
                    if !effects.isEmpty || state.message != nil { break }
                }
                if let changed = runner.perform(.checkForChanges) {
                    effects = Update.update(&state, changed)
                    break
                }
                event = terminal.next(timeout: 500)
            }
            switch event {
            case .end: return
            case .idle: break
            case let .resize(w, h): effects = Update.update(&state, .resize(width: w, height: h))
            case .paste(let text): effects = noticeNewDay() + Update.update(&state, .paste(text))
            case .key(let k):
                // A key pressed just after midnight (before the idle check saw it) meets
                // the new day first: a save goes on the day it is made.
                effects = noticeNewDay()
                effects += Update.update(&state, .key(k))
            }
        }
    }
}

/// A monotonic clock for pacing frames.
func milliseconds() -> Int {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
}

extension TUI {
    /// The background sync, when the config asks for it (`[sync] auto = true` and an
    /// engine); nil otherwise.
    func backgroundSync() -> BackgroundSync? {
        let settings = SyncCommand.settings
        guard settings.auto, let engine: SyncEngine = settings.git ? .git : settings.command.map(SyncEngine.command) else { return nil }
        return BackgroundSync(storePath: ctx.storePath, folder: SyncCommand.folder(ctx), engine: engine,
                              kith: SyncMergeCommand.selfPath(), environment: ctx.environment)
    }

    /// Answers that mean something was written: a sync follows.
    static func isSave(_ msg: Msg) -> Bool {
        switch msg {
        case .momentSaved, .momentDeleted, .personSaved, .groupSaved, .groupRemoved, .archived, .snoozed, .reminderSet, .selfSaved: true
        default: false
        }
    }

    static func message(_ outcome: BackgroundSync.Outcome) -> Msg {
        switch outcome {
        case .done(let r): .synced(sent: r.sent, received: r.received + r.deletedHere, merged: r.merged, problems: r.problems)
        case .failed(let why): .syncFailed(why)
        }
    }
}
