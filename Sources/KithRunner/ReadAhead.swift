import KithCore
import KithUI

/// First timeline pages read ahead for the selection's neighbours, kept as read: moving
/// to a neighbour then shows its page without a query. Only a few are kept (the pages
/// around the selection), and any write, here or by another kith, empties it.
final class ReadAhead {
    struct Key: Equatable {
        var scope: TimelineScope
        var filter: TimelineFilter
        var limit: Int
    }

    static let capacity = 8
    private var pages: [(key: Key, moments: [Moment])] = []

    func page(_ key: Key) -> [Moment]? {
        pages.first { $0.key == key }?.moments
    }

    func keep(_ key: Key, _ moments: [Moment]) {
        pages.removeAll { $0.key == key }
        pages.append((key, moments))
        if pages.count > ReadAhead.capacity { pages.removeFirst(pages.count - ReadAhead.capacity) }
    }

    func clear() { pages.removeAll() }
}
