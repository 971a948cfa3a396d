#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `poll(2)` with the edge semantics ``EventBackend`` promises, for every platform.
///
/// Level-triggered `poll` would report a readable socket on every wait while its connection is
/// busy answering, and a writable one whenever nothing is pending. So a ``Watch/connection``
/// entry asks only for what its connection re-armed: input from registration on, output only
/// after a write hit `EAGAIN`. What is reported is dropped from the entry until re-armed. An
/// error or hang-up (which `poll` reports whatever is asked) is reported once, then the entry
/// is parked (its `fd` set to -1, which `poll` skips) until the connection re-arms it.
/// ``Watch/input`` entries stay level-triggered: their owners always drain them.
final class PollBackend: EventBackend {
    private var entries: [pollfd] = []
    /// The real descriptor of each entry (the entry's own `fd` is -1 while parked).
    private var descriptors: [Int32] = []
    private var tokens: [UInt64] = []
    private var edge: [Bool] = []
    /// Entry index + 1 for each descriptor number; 0 when not registered.
    private var slots: [Int] = []
    private var ready: [ReadyEvent] = []

    private static let input = Int16(POLLIN)
    private static let output = Int16(POLLOUT)

    var name: String { "poll" }

    var needsRearm: Bool { true }

    func register(fd: Int32, token: UInt64, watch: Watch) -> Int32 {
        guard fd >= 0 else { return EBADF }
        let number = Int(fd)
        if number >= slots.count {
            slots.append(contentsOf: repeatElement(0, count: number + 1 - slots.count))
        }
        guard slots[number] == 0 else { return EEXIST }
        entries.append(pollfd(fd: fd, events: Self.input, revents: 0))
        descriptors.append(fd)
        tokens.append(token)
        edge.append(watch == .connection)
        slots[number] = entries.count
        return 0
    }

    func rearm(fd: Int32, for interest: Interest) {
        guard let index = index(of: fd) else { return }
        var events: Int16 = 0
        if interest.contains(.read) { events |= Self.input }
        if interest.contains(.write) { events |= Self.output }
        entries[index].events |= events
        entries[index].fd = fd
    }

    func deregister(fd: Int32, closing: Bool) {
        guard let index = index(of: fd) else { return }
        let last = entries.count - 1
        if index != last {
            entries[index] = entries[last]
            descriptors[index] = descriptors[last]
            tokens[index] = tokens[last]
            edge[index] = edge[last]
            slots[Int(descriptors[index])] = index + 1
        }
        entries.removeLast()
        descriptors.removeLast()
        tokens.removeLast()
        edge.removeLast()
        slots[Int(fd)] = 0
    }

    func wait(timeoutMilliseconds: Int32) -> Int {
        ready.removeAll(keepingCapacity: true)
        let count = entries.withUnsafeMutableBufferPointer { buffer in
            poll(buffer.baseAddress, nfds_t(buffer.count), timeoutMilliseconds)
        }
        guard count > 0 else { return Int(count) }
        for index in entries.indices where entries[index].revents != 0 {
            let revents = entries[index].revents
            entries[index].revents = 0
            var flags: ReadyFlags = []
            if revents & Self.input != 0 { flags.insert(.readable) }
            if revents & Self.output != 0 { flags.insert(.writable) }
            if revents & Int16(POLLHUP) != 0 { flags.insert(.hangUp) }
            if revents & (Int16(POLLERR) | Int16(POLLNVAL)) != 0 { flags.insert(.error) }
            if edge[index] {
                if flags.contains(.readable) { entries[index].events &= ~Self.input }
                if flags.contains(.writable) { entries[index].events &= ~Self.output }
                if !flags.isDisjoint(with: [.hangUp, .error]) {
                    entries[index].events = 0
                    entries[index].fd = -1
                }
            }
            ready.append(ReadyEvent(token: tokens[index], flags: flags))
        }
        return ready.count
    }

    func event(at index: Int) -> ReadyEvent {
        ready[index]
    }

    func close() {
        entries.removeAll()
        descriptors.removeAll()
        tokens.removeAll()
        edge.removeAll()
        slots.removeAll()
    }

    private func index(of fd: Int32) -> Int? {
        let number = Int(fd)
        guard number >= 0, number < slots.count, slots[number] > 0 else { return nil }
        return slots[number] - 1
    }
}
