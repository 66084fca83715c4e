// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kith",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kith", targets: ["kith"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // The only C in the project: the system ncursesw, reached through shim.h.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Domain types and pure rules. No I/O, no database, no terminal.
        .target(name: "KithCore"),
        // Files kith writes for the user: private, whole or absent, never through a link.
        .target(name: "KithFiles"),
        // The local store: GRDB over one SQLite file. The only module that imports GRDB.
        .target(name: "KithStore", dependencies: [
            "KithCore", "KithFiles", "KithSync",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The reminder scheduler: who is due, in what order, with what suggestion. Pure.
        .target(name: "KithScheduler", dependencies: ["KithCore"]),
        // Insights: reciprocity, emotions, depth and safety, belonging, over a period. Pure.
        .target(name: "KithInsights", dependencies: ["KithCore"]),
        // App state, messages, the pure update, keymap and views rendering into a Grid.
        // No terminal here: it tests without one.
        .target(name: "KithUI", dependencies: ["KithCore", "KithScheduler", "KithInsights"]),
        // The ncurses backend: Grid → screen, key decoding, colours. The only importer of CNcursesw.
        .target(name: "KithTerminal", dependencies: ["CNcursesw", "KithUI"]),
        // A deterministic made-up world, for `kith --demo` and benchmarks. Pure.
        .target(name: "KithDemo", dependencies: ["KithCore"]),
        // Open formats in and out: iCalendar now; vCard, JSON and CSV later. Pure.
        .target(name: "KithInterop", dependencies: ["KithCore"]),
        // Sync records and their files (vCard, iCalendar VJOURNAL/VTODO), and the
        // three-way merge of two edits. Pure: the folder and the engines are elsewhere.
        .target(name: "KithSync", dependencies: ["KithCore", "KithInterop"]),
        // The sync folder: records written to and read from a vdir, and the engines that
        // carry it (any command, such as vdirsyncer; git).
        .target(name: "KithSyncFolder", dependencies: ["KithCore", "KithFiles", "KithStore", "KithSync"]),
        // The full screen's work against the store: performs the effects update asks for
        // and answers with messages, with the policies behind them (when to ask the self
        // check-in, what to read ahead). No terminal: it tests against a real store alone.
        .target(name: "KithRunner", dependencies: ["KithCore", "KithStore", "KithUI", "KithInsights"]),
        // The config file and theme files: TOML (read by its own small reader) in, plain values out.
        .target(name: "KithSettings", dependencies: ["KithUI"]),
        // The command line: argument parsing, human and JSON output, exit codes.
        .target(name: "KithCLI", dependencies: [
            "KithCore", "KithFiles", "KithStore", "KithUI", "KithTerminal", "KithSettings", "KithDemo", "KithScheduler", "KithInterop",
            "KithInsights", "KithRunner", "KithSync", "KithSyncFolder",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kith", dependencies: ["KithCLI"]),

        // Temp directories and file helpers shared by the test targets.
        .target(name: "KithTestSupport", dependencies: ["KithDemo"], path: "Tests/Support"),
        .testTarget(name: "KithCoreTests", dependencies: ["KithCore"]),
        .testTarget(name: "KithFilesTests", dependencies: ["KithFiles", "KithTestSupport"]),
        .testTarget(name: "KithUITests", dependencies: ["KithUI", "KithCore", "KithInsights"], exclude: ["Snapshots"]),
        .testTarget(name: "KithDemoTests", dependencies: ["KithDemo", "KithCore"]),
        .testTarget(name: "KithSchedulerTests", dependencies: ["KithScheduler", "KithCore"]),
        .testTarget(name: "KithInsightsTests", dependencies: ["KithInsights", "KithCore"]),
        .testTarget(name: "KithInteropTests", dependencies: ["KithInterop", "KithCore", "KithTestSupport"]),
        .testTarget(name: "KithSettingsTests", dependencies: ["KithSettings", "KithUI", "KithTestSupport"]),
        .testTarget(name: "KithSyncTests", dependencies: ["KithSync", "KithCore"]),
        .testTarget(name: "KithSyncFolderTests", dependencies: ["KithSyncFolder", "KithSync", "KithStore", "KithCore", "KithTestSupport"]),
        .testTarget(name: "KithRunnerTests", dependencies: ["KithRunner", "KithStore", "KithUI", "KithCore", "KithTestSupport"]),
        .testTarget(name: "KithStoreTests", dependencies: ["KithStore", "KithCore", "KithTestSupport"]),
        // Runs the real `kith` binary as a subprocess against temp stores.
        .testTarget(name: "KithCLITests", dependencies: ["kith", "KithCore", "KithTestSupport"]),
        .testTarget(name: "CNcurseswTests", dependencies: ["CNcursesw", "KithCore"]),
    ]
)
