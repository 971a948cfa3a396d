#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable byte region a connection reads into; requests are parsed from it in place.
///
/// Manually managed (one allocation reused for the connection's life) so reads go straight into
/// it with no intermediate copies. The owner must call ``deallocate()`` exactly once.
struct InputBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    /// Start of unconsumed bytes.
    private(set) var start = 0
    /// End of received bytes.
    private(set) var end = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        self.base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    /// The bytes received but not yet consumed.
    var readable: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + start, count: end - start)
    }

    var readableCount: Int { end - start }
    var isEmpty: Bool { start == end }

    /// Free space after the received bytes.
    var freeCount: Int { capacity - end }

    /// Where the next read should write.
    var writePointer: UnsafeMutableRawPointer { base + end }

    /// Records `count` bytes written at ``writePointer``.
    mutating func didWrite(_ count: Int) {
        end += count
    }

    /// Marks `count` bytes at the front as used.
    mutating func consume(_ count: Int) {
        start += count
        if start >= end {
            start = 0
            end = 0
        }
    }

    /// Drops every unconsumed byte.
    mutating func clear() {
        start = 0
        end = 0
    }

    /// Makes room for more bytes by compacting and, if needed, growing up to `limit`.
    /// - Returns: false when the buffer is full and already at `limit`.
    mutating func makeRoom(limit: Int) -> Bool {
        if freeCount > 0 { return true }
        if start > 0 {
            let count = end - start
            memmove(base, base + start, count)
            start = 0
            end = count
            return true
        }
        guard capacity < limit else { return false }
        let newCapacity = min(capacity * 2, limit)
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBase.copyMemory(from: base, byteCount: end)
        base.deallocate()
        base = newBase
        capacity = newCapacity
        return true
    }

    /// Releases the memory.
    func deallocate() {
        base.deallocate()
    }
}
