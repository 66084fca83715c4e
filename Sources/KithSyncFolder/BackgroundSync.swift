import Foundation
import Synchronization
import KithStore

/// `[sync] auto = true`: the full screen syncs when it opens and after each save, on a
/// thread of its own with its own connection to the store, so a key never waits for an
/// engine (vdirsyncer talking to a server takes seconds). A save during a sync asks for
/// one more after it. What came of it is picked up by the loop, like the daily copy.
public final class BackgroundSync: Sendable {
    public enum Outcome: Sendable, Equatable {
        case done(SyncReport)
        case failed(String)
    }

    private struct State {
        var running = false
        var again = false
        var outcome: Outcome?
    }

    private let state = Mutex(State())
    let storePath: String
    let folder: String
    let engine: SyncEngine
    let kith: String
    let environment: [String: String]

    public init(storePath: String, folder: String, engine: SyncEngine, kith: String, environment: [String: String]) {
        self.storePath = storePath
        self.folder = folder
        self.engine = engine
        self.kith = kith
        self.environment = environment
    }

    /// Starts a sync, or asks for one more if one is running.
    public func start() {
        let idle = state.withLock { s -> Bool in
            if s.running { s.again = true; return false }
            s.running = true
            return true
        }
        guard idle else { return }
        Thread.detachNewThread { [self] in
            repeat {
                let outcome = runOnce()
                state.withLock { $0.outcome = outcome }
            } while state.withLock({ s -> Bool in
                if s.again { s.again = false; return true }
                s.running = false
                return false
            })
        }
    }

    /// What the last sync came to, once.
    public func take() -> Outcome? {
        state.withLock { s in defer { s.outcome = nil }; return s.outcome }
    }

    func runOnce() -> Outcome {
        do {
            let store = try Store(path: storePath)
            defer { store.closeConnection() }
            let f = SyncFolder(root: folder, store: store)
            var report = SyncReport()
            try f.checkNotEmptied(allowEmptying: false)
            try f.writeOut(&report)
            try engine.run(in: folder, kith: kith, environment: environment)
            report.merged += try f.takeMergeCount()
            try f.readIn(&report)
            return .done(report)
        } catch {
            return .failed("Sync: \(error)")
        }
    }
}
