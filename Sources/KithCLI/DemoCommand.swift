import ArgumentParser
import Foundation
import KithCore
import KithDemo
import KithStore

/// `kith demo --out PATH`: writes a made-up store, for trying kith or benchmarking it.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a store of made-up people and moments (to look around, or to benchmark).",
        discussion: "Sizes: small (36 people, 2 years), heavy (1,000 people, 100,000 moments over 20 years), huge (1,000,000 moments). The same size and day always give the same store. `kith --demo` opens a small one in a throwaway place.")

    @Option(help: ArgumentHelp("Where to write it; must not exist yet.", valueName: "path"), completion: .file()) var out: String
    @Option(help: ArgumentHelp("small, heavy or huge.", valueName: "size"), completion: .list(["small", "heavy", "huge"])) var size = "small"

    func run() throws {
        let ctx = Context(storeOption: nil)
        let s: DemoWorld.Size
        switch size {
        case "small": s = .small
        case "heavy": s = .heavy
        case "huge": s = .huge
        default: throw InputError("unknown size \"\(size)\": use small, heavy or huge")
        }
        let path = StoreLocation.resolve(explicit: out, environment: ctx.environment)
        guard StoreLocation.isAbsent(path) else { throw CLIError.failure("\(path) already exists; give a new path") }
        let store = try Demo.write(s, to: path, today: ctx.today)
        let counts = try store.people(includeArchived: true).count
        Output.line("Wrote \(counts) people and their moments to \(path). Open it: kith --store '\(path)'")
    }

    static func write(_ size: DemoWorld.Size, to path: String, today: Day) throws -> Store {
        let world = DemoWorld.generate(size, today: today)
        let store = try Store(path: path)
        let snoozes = Snoozes(world.snoozes)
        try store.insertAll(people: world.people, groups: world.groups, moments: world.moments, reminders: world.reminders,
                            snoozes: snoozes, createdAt: Int(time(nil)))
        return store
    }

    /// A private directory for a throwaway store, removed when kith ends.
    static func temporaryDirectory() throws -> String {
        var base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        while base.hasSuffix("/") && base.count > 1 { base.removeLast() }
        var template = Array((base + "/kith-demo-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CLIError.failure("cannot make a temporary directory in \(base)")
        }
        return String(cString: made)
    }
}
