import Foundation
import Synchronization
import KithStore

/// The day's copy of the store, made on a thread of its own; its failure, if any, is
/// picked up by the loop.
public final class BackgroundDaily: Sendable {
    public init() {}

    private let failure = Mutex<String?>(nil)

    public func start(_ store: Store) {
        Thread.detachNewThread { [self] in
            guard let error = store.runPlannedDailyBackup() else { return }
            let line: String
            if case .damaged = error { line = error.description } else { line = "The daily backup was not made: \(error)" }
            failure.withLock { $0 = line }
        }
    }

    public func takeFailure() -> String? {
        failure.withLock { f in defer { f = nil }; return f }
    }
}
