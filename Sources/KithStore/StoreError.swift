/// What can go wrong with the store, each as one line a person can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotCreate(String, String)
    case cannotOpen(String, String)
    case notAStore(String, String)
    case newerStore(String)
    case conflict(String)
    case notFound(String)
    case database(String)
    /// The store opens but SQLite finds damage inside it: (path, what SQLite said).
    case damaged(String, String)
    /// A reader found no store (nothing there, or an empty file): the caller answers as
    /// an empty store would.
    case absent(String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, why): "cannot create store at \(path): \(why)"
        case let .cannotOpen(path, why): "cannot open store \(path): \(why)"
        case let .notAStore(path, why):
            "\(path) is not a kith store (\(why)); it was left untouched. Point --store or KITH_STORE elsewhere"
        case let .newerStore(path):
            "\(path) was written by a newer version of kith; upgrade kith to use it (the file was left untouched)"
        case let .conflict(why): why
        case let .notFound(why): why
        case let .database(why): "store error: \(why)"
        case let .absent(path): "there is no store at \(path)"
        case let .damaged(path, why):
            "the store \(path) is damaged (\(why)); nothing more is written to it and no daily copy was made, so the "
                + "older ones are kept. kith check says what is wrong; kith restore FILE puts a backup back "
                + "(daily ones are in \(Backups.directory(for: path)))"
        }
    }
}
