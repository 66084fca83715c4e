import Foundation
import Testing
import KithTestSupport

/// The sync stories with the real engines: a Radicale server and vdirsyncer started by
/// the script on 127.0.0.1 (a free port, stopped by its PID), and git with a local bare
/// repository. Two devices, two stores, two folders.
@Suite(.serialized) struct SyncEndToEndTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("e2e")

    func runScript(_ name: String, needs tools: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for tool in tools {
            guard Self.onPath(tool) else {
                Issue.record("\(tool) is not installed: run the tests with Tests/run.sh, which installs the pinned engines",
                             sourceLocation: sourceLocation)
                return
            }
        }
        let tmp = TempDir()
        let log = tmp.file("log")
        let status = spawnAndWait("/bin/bash", [Self.scripts.appendingPathComponent(name).path, Sandbox.binary, tmp.path], log: log)
        let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        #expect(status == 0, "\(name) failed:\n\(text)", sourceLocation: sourceLocation)
        #expect(!text.contains("FAIL"), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("PASS"), "\(text)", sourceLocation: sourceLocation)
    }

    static func onPath(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    @Test func twoDevicesThroughRadicaleAndVdirsyncer() { runScript("sync_dav.sh", needs: ["radicale", "vdirsyncer", "python3"]) }
    @Test func twoDevicesThroughGit() { runScript("sync_git.sh", needs: ["git", "python3"]) }
}
