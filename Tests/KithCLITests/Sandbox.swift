import Foundation
import Testing
import KithTestSupport

/// What one run of the real `kith` binary did.
struct Run {
    let out: String
    let err: String
    let code: Int32

    var errLines: [Substring] { err.split(separator: "\n") }
}

/// A temp HOME with its own store, and the real `kith` binary run as a subprocess in it.
final class Sandbox {
    let tmp = TempDir()
    var store: String { tmp.file("data/kith/kith.sqlite") }
    var home: String { tmp.path }

    /// The `kith` executable sits beside the test bundle in the build directory.
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("kith").path
    }()

    /// Runs kith with a clean environment: HOME and XDG_DATA_HOME inside the sandbox,
    /// the date pinned to Sunday 2026-11-22.
    @discardableResult
    func run(_ args: [String], stdin: String? = nil, env extra: [String: String] = [:]) -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Sandbox.binary)
        p.arguments = args
        var env = ["HOME": home, "XDG_DATA_HOME": tmp.file("data"), "KITH_TODAY": "2026-11-22",
                   "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"]
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let outPath = tmp.file(".out"), errPath = tmp.file(".err"), inPath = tmp.file(".in")
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))
        let outH = FileHandle(forWritingAtPath: outPath)!, errH = FileHandle(forWritingAtPath: errPath)!
        p.standardOutput = outH
        p.standardError = errH
        p.standardInput = FileHandle(forReadingAtPath: inPath)!
        do { try p.run() } catch { Issue.record("cannot run \(Sandbox.binary): \(error)") ; return Run(out: "", err: "", code: -1) }
        p.waitUntilExit()
        try? outH.close()
        try? errH.close()
        let out = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let err = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Run(out: out, err: err, code: p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus)
    }

    /// Runs and expects success, recording what went wrong otherwise.
    @discardableResult
    func ok(_ args: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Run {
        let r = run(args, stdin: stdin)
        #expect(r.code == 0, "kith \(args.joined(separator: " ")) failed: \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.isEmpty, "unexpected stderr: \(r.err)", sourceLocation: sourceLocation)
        return r
    }

    /// The store's files as bytes, to prove a failed command left them as they were.
    func snapshot() -> [String: Data] {
        var out: [String: Data] = [:]
        for suffix in ["", "-wal", "-journal"] {
            // An empty WAL holds nothing: SQLite makes one for a reader and removes it
            // when the last connection closes.
            if let d = FileManager.default.contents(atPath: store + suffix), !(suffix == "-wal" && d.isEmpty) { out[suffix] = d }
        }
        return out
    }

    /// Runs a command that must fail: one line on stderr, nothing on stdout, the given
    /// exit code, and the store's bytes unchanged.
    @discardableResult
    func fails(_ args: [String], code: Int32, saying text: String, stdin: String? = nil,
               sourceLocation: SourceLocation = #_sourceLocation) -> Run {
        let before = snapshot()
        let r = run(args, stdin: stdin)
        let cmd = "kith " + args.joined(separator: " ")
        #expect(r.code == code, "\(cmd): exit \(r.code), stderr \(r.err)", sourceLocation: sourceLocation)
        #expect(r.errLines.count == 1, "\(cmd): stderr should be one line: \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.hasPrefix("kith: "), "\(cmd): \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(text), "\(cmd): \(r.err) lacks \(text)", sourceLocation: sourceLocation)
        #expect(r.out.isEmpty, "\(cmd): stdout \(r.out)", sourceLocation: sourceLocation)
        #expect(snapshot() == before, "\(cmd) changed the store", sourceLocation: sourceLocation)
        return r
    }

    func json(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Any? {
        let r = ok(args, sourceLocation: sourceLocation)
        return try? JSONSerialization.jsonObject(with: Data(r.out.utf8))
    }
}

/// Runs one of the Python checkers in Tests/e2e on something kith wrote, reading it as
/// another program would; returns its output lines, and records an issue naming
/// `reader` when the checker fails.
func readBack(with script: String, _ path: String, reader: String,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
    let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("e2e/\(script)").path
    let errors = TempDir()
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", checker, path]
    let out = Pipe()
    p.standardOutput = out
    FileManager.default.createFile(atPath: errors.file("err"), contents: nil)
    p.standardError = FileHandle(forWritingAtPath: errors.file("err"))
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let problem = String(decoding: FileManager.default.contents(atPath: errors.file("err")) ?? Data(), as: UTF8.self)
    if let missing = missingModule(in: problem) {
        throw MissingTool(what: "\(reader) (Python module \(missing))", how: "run the tests with Tests/run.sh, which installs the pinned readers")
    }
    #expect(p.terminationStatus == 0, "\(reader) could not read the export: \(problem)", sourceLocation: sourceLocation)
    return text.split(separator: "\n").map(String.init)
}

/// A reader the tests need is not installed: the test stops with one line saying how to
/// get it, never skipped in silence.
struct MissingTool: Error, CustomStringConvertible {
    let what: String, how: String
    var description: String { "\(what) is not here: \(how)" }
}

/// Stops a test that drives a system program which is missing, naming its package.
func requireTool(_ path: String, package: String) throws {
    guard FileManager.default.isExecutableFile(atPath: path) else {
        throw MissingTool(what: path, how: "apt-get install -y \(package)")
    }
}

/// The module a Python checker could not import, from its traceback's last line.
private func missingModule(in stderr: String) -> String? {
    guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("ModuleNotFoundError") }),
          let open = line.firstIndex(of: "'"), let close = line.lastIndex(of: "'"), open < close
    else { return nil }
    return String(line[line.index(after: open)..<close])
}
