import Foundation

/// A lock-protected box for handing a value across threads in tests.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` goes through `lock`.
    private var value: Value
    private let lock = NSLock()

    /// Creates a box.
    /// - Parameter value: the first value.
    public init(_ value: Value) { self.value = value }

    /// Replaces the value.
    /// - Parameter newValue: the new value.
    public func set(_ newValue: Value) { lock.withLock { value = newValue } }

    /// The current value.
    public func get() -> Value { lock.withLock { value } }

    /// Changes the value in place.
    /// - Parameter change: the change, run under the lock.
    public func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}
