#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateLogging

extension EventLoop {
    /// A connection that has sent nothing yet is not shed in its first second: its request is
    /// most likely on the way.
    static let freshConnectionGrace: UInt64 = 1_000_000_000

    /// At the connection cap: closes this loop's keep-alive connection that has been idle longest
    /// (between requests, nothing buffered either way, nothing waiting on its socket), so a new
    /// client is served while another holds idle slots.
    /// - Parameter newcomer: the address being admitted, for the log.
    /// - Returns: false when this loop has no idle connection to close.
    func shedLongestIdleConnection(for newcomer: String) -> Bool {
        var candidates: [(since: UInt64, connection: Connection)] = []
        for case let connection? in connections where connection.isIdleBetweenRequests {
            let acceptedAt = slots[Int(connection.fd)].acceptedAt
            if connection.requestStart == 0 && now &- acceptedAt < Self.freshConnectionGrace { continue }
            // The last request's start, or the accept for a connection that has sent none.
            candidates.append((max(connection.requestStart, acceptedAt), connection))
        }
        candidates.sort { $0.since < $1.since }
        for (_, victim) in candidates where !Self.hasPendingInput(victim.fd) {
            context.logger.info(
                "closing the connection idle longest to admit \(newcomer): at the limit of \(group.limits.maxConnections) connections",
                metadata: ["remote": victim.remoteAddress])
            victim.closeNow()
            return true
        }
        return false
    }

    /// Whether bytes wait on the socket that the loop has not read yet (a request arriving on an
    /// idle connection is not idle); an end of input counts as nothing pending.
    private static func hasPendingInput(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) > 0
    }
}

extension Connection {
    /// Whether the connection waits for a next request with nothing in flight: no request being
    /// read or answered, no unsent output, no unread input, no refusal.
    var isIdleBetweenRequests: Bool {
        phase == .idle && counted && !isRefusal && task == nil && outputOffset >= output.count && input.isEmpty
            && !mayHaveData && !flushScheduled
    }
}
