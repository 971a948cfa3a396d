import Foundation
import Synchronization

/// A clock tests can move; until set, it follows the real time.
final class TestClock: Sendable {
    private let current: Mutex<Date?>
    init(_ start: Date? = nil) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } ?? Date() }
    func set(_ date: Date) { current.withLock { $0 = date } }
}
