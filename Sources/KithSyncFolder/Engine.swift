import Foundation

/// What carries the sync folder between devices: a command the user names (vdirsyncer),
/// or git, which kith drives itself. kith never speaks a network protocol of its own.
public enum SyncEngine: Equatable, Sendable {
    case command(String)
    case git

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Runs the engine in the folder. Its output is shown only when it fails (its last
    /// lines), so a sync that works prints kith's one line and nothing else.
    /// `kith`: this program's path, for git's merge driver.
    public func run(in folder: String, kith: String, environment: [String: String]) throws(Failure) {
        switch self {
        case .command(let c):
            let r = Self.shell(c, in: folder, environment: environment)
            guard r.status == 0 else {
                if r.status == 127 { throw Failure(message: "the sync command was not found: \(c) (check [sync] command in the config)") }
                throw Failure(message: "the sync command `\(c)` failed (exit \(r.status))\(Self.tail(r.output)); the next sync picks up from here")
            }
        case .git:
            try Git(folder: folder, kith: kith, environment: environment).sync()
        }
    }

    struct Result {
        let status: Int32
        let output: String
    }

    static func shell(_ command: String, in folder: String, environment: [String: String]) -> Result {
        run(["/bin/sh", "-c", command], in: folder, environment: environment)
    }

    /// Runs a program with stdin closed (an engine must never wait for a password or a
    /// question) and its output collected.
    static func run(_ argv: [String], in folder: String, environment: [String: String]) -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { return Result(status: 127, output: "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Why an engine failed, on one line: its error lines (vdirsyncer's `error:` and
    /// `critical:`, git's `fatal:` and `error:`), else its last lines. The last two lines
    /// alone once left out the one that named the refused record.
    static func tail(_ output: String) -> String {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return "" }
        let errors = lines.filter { l in ["error:", "critical:", "fatal:"].contains { l.lowercased().hasPrefix($0) } }
            .filter { !$0.contains("Use -vdebug") }
        return ": " + (errors.isEmpty ? Array(lines.suffix(2)) : Array(errors.prefix(2))).joined(separator: " / ")
    }
}

/// git as the engine: commit what kith wrote, pull the other devices' commits (merging
/// records with kith's own driver, set up in this repository only), push.
struct Git {
    let folder: String
    let kith: String
    let environment: [String: String]

    func git(_ args: String...) -> SyncEngine.Result { git(args) }

    func git(_ args: [String]) -> SyncEngine.Result {
        SyncEngine.run(["/usr/bin/env", "git"] + args, in: folder, environment: environment)
    }

    func must(_ what: String, _ r: SyncEngine.Result) throws(SyncEngine.Failure) {
        guard r.status == 0 else {
            throw SyncEngine.Failure(message: "git \(what) failed in \(folder)\(SyncEngine.tail(r.output)); the next sync picks up from here")
        }
    }

    func sync() throws(SyncEngine.Failure) {
        guard git("rev-parse", "--git-dir").status == 0 else {
            throw SyncEngine.Failure(message: "the sync folder \(folder) is not a git repository: `git clone REMOTE \(folder)` "
                                     + "(or `git init` there and add a remote), then sync again")
        }
        try setUp()
        // Only kith's two folders: a stray file or folder beside them is the user's.
        try must("add", git("add", "-A", "--", "contacts", "journal"))
        if git("diff", "--cached", "--quiet").status != 0 {
            try must("commit", git("commit", "-q", "-m", "kith sync"))
        }
        guard !git("remote").output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        // Histories may be unrelated: two devices that each cloned the empty repository
        // and committed their own first records. They are kith's files either way, and
        // git merges them (a file both added goes to kith's driver).
        let pullOptions = ["pull", "-q", "--no-rebase", "--no-edit", "--allow-unrelated-histories"]
        if git("rev-parse", "--abbrev-ref", "@{upstream}").status == 0 {
            let pull = git(pullOptions)
            if pull.status != 0 { try resolve(pull) }
            try must("push", git("push", "-q"))
        } else if let branch = remoteBranch() {
            // Cloned while the remote was empty, now someone has pushed: take their branch.
            let pull = git(pullOptions + ["origin", branch])
            if pull.status != 0 { try resolve(pull) }
            try must("push", git("push", "-q", "-u", "origin", "HEAD:" + branch))
        } else if git("rev-parse", "-q", "--verify", "HEAD").status == 0 {
            try must("push", git("push", "-q", "-u", "origin", "HEAD"))
        }
    }

    /// The remote's default branch, once it has one (`ls-remote --symref origin HEAD`).
    func remoteBranch() -> String? {
        let out = git("ls-remote", "--symref", "origin", "HEAD").output
        for line in out.split(whereSeparator: \.isNewline) where line.hasPrefix("ref: refs/heads/") {
            return line.dropFirst("ref: refs/heads/".count).split(separator: "\t").first.map(String.init)
        }
        let heads = git("ls-remote", "--heads", "origin").output.split(whereSeparator: \.isNewline)
        return heads.first.flatMap { $0.split(separator: "\t").last }.map { String($0.dropFirst("refs/heads/".count)) }
    }

    /// The merge driver and the attributes that send records to it, in this repository's
    /// own config (never the user's global one); an identity only if none is set.
    func setUp() throws(SyncEngine.Failure) {
        try must("config", git("config", "merge.kith.name", "kith record merge"))
        try must("config", git("config", "merge.kith.driver", "'\(kith)' sync merge --base %O %A %B"))
        let dir = git("rev-parse", "--git-dir").output.trimmingCharacters(in: .whitespacesAndNewlines)
        let info = (dir.hasPrefix("/") ? dir : folder + "/" + dir) + "/info"
        try? FileManager.default.createDirectory(atPath: info, withIntermediateDirectories: true)
        let attributes = "*.ics merge=kith -text\n*.vcf merge=kith -text\n"
        if (try? String(contentsOfFile: info + "/attributes", encoding: .utf8)) != attributes {
            try? attributes.write(toFile: info + "/attributes", atomically: true, encoding: .utf8)
        }
        if git("config", "user.email").status != 0 {
            try must("config", git("config", "user.email", "kith@localhost"))
            try must("config", git("config", "user.name", "kith"))
        }
    }

    /// A pull that stopped: an edit against a delete (which git hands to no driver) keeps
    /// the edit; anything else is reported, the merge left for the user to see.
    func resolve(_ pull: SyncEngine.Result) throws(SyncEngine.Failure) {
        let unmerged = git("diff", "--name-only", "--diff-filter=U").output.split(whereSeparator: \.isNewline).map(String.init)
        guard !unmerged.isEmpty else { try must("pull", pull); return }
        for path in unmerged {
            if FileManager.default.fileExists(atPath: folder + "/" + path) {
                try must("add", git("add", "--", path))
            } else {
                try must("rm", git("rm", "-q", "--", path))
            }
        }
        try must("commit", git("commit", "-q", "--no-edit"))
    }
}
