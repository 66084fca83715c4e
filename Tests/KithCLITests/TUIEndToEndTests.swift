import Foundation
import Testing
import KithTestSupport

/// The real binary under tmux, on a real ncurses screen, driven by the scripts in
/// Tests/e2e, spawned with a clean signal mask (see `spawnAndWait`).
@Suite(.serialized) struct TUIEndToEndTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("e2e")

    func runScript(_ name: String, with interpreter: String = "/bin/bash", sourceLocation: SourceLocation = #_sourceLocation) {
        guard FileManager.default.fileExists(atPath: "/usr/bin/tmux") else {
            Issue.record("tmux is not installed: apt-get install -y tmux", sourceLocation: sourceLocation)
            return
        }
        let tmp = TempDir()
        let log = tmp.file("log")
        let status = spawnAndWait(interpreter, [Self.scripts.appendingPathComponent(name).path, Sandbox.binary, tmp.path], log: log)
        let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        #expect(status == 0, "\(name) failed:\n\(text)", sourceLocation: sourceLocation)
        #expect(!text.contains("FAIL"), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("PASS"), "\(text)", sourceLocation: sourceLocation)
    }

    @Test func browsing() { runScript("browse.sh") }
    @Test func dailyCheckIn() { runScript("checkin.sh") }
    @Test func dailySelfCheckIn() { runScript("self.sh") }
    @Test func twoProcessesAndAStoreThatStopsTakingWrites() { runScript("together.sh") }
    @Test func hostileTextNeverReachesTheTerminalRaw() { runScript("hostile.sh") }
    /// The Today view, its header and `kith due` agree on who is due and what to do.
    @Test func todayAgreesWithKithDue() { runScript("today.sh") }
    /// SIGTERM, SIGHUP and SIGINT: the terminal restored, a demo store removed.
    @Test func signalsEndTheFullScreenCleanly() { runScript("signals.sh") }
    /// Traced with strace: each key is answered by a single write of its frame.
    @Test func aFrameIsOneWrite() { runScript("frames.sh") }
    /// Midnight under faketime: the header turns, check-ins land on the day they are made.
    @Test func theFullScreenNoticesANewDay() { runScript("midnight.sh") }
    /// Bracketed paste: text, never keys, taken whole; Ctrl-Z and fg.
    @Test func pastesAreTextAndCtrlZSuspends() { runScript("paste.sh") }
    /// Groups added, edited and removed in the full screen; a group check-in's who.
    @Test func groupsInTheFullScreen() { runScript("groups.sh") }
    /// [sync] auto: a sync when the full screen opens and after each save, in the background.
    @Test func theFullScreenSyncsInTheBackground() { runScript("autosync.sh") }
    /// SIGKILL at random moments, 210 times: during kith log, bulk imports and saves in
    /// the full-screen view (see faults.py).
    @Test func pullingThePlugNeverCostsASavedMoment() { runScript("faults.py", with: "/usr/bin/python3") }
}
