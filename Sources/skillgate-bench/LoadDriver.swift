import Foundation
import Synchronization

/// Keep-alive load from in-process threads: each thread holds one connection and sends the next
/// request as soon as the answer to the last one arrives, and counts what became of each.
final class LoadDriver: Sendable {
    /// What happened to the requests, summed over the threads.
    struct Counts: Sendable {
        /// Requests of which at least one byte reached the socket.
        var written = 0
        /// Answered with a 2xx status.
        var answered = 0
        /// Answered with another status (e.g. 503 at the connection cap).
        var errorStatus = 0
        /// Written, but no complete answer came (EOF, reset, or no answer within the timeout).
        var lost = 0
        /// Connections found closed by the server before the next request was written.
        var notWritten = 0
        /// Connection attempts that failed.
        var connectFailures = 0

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                written: lhs.written + rhs.written, answered: lhs.answered + rhs.answered,
                errorStatus: lhs.errorStatus + rhs.errorStatus, lost: lhs.lost + rhs.lost,
                notWritten: lhs.notWritten + rhs.notWritten, connectFailures: lhs.connectFailures + rhs.connectFailures)
        }
    }

    /// What a thread does when it cannot connect.
    enum Refusal: Sendable {
        /// Stop: the server is going away (the SIGTERM runs).
        case stop
        /// Try again shortly, until told to stop.
        case retry
    }

    private let port: Int
    private let connections: Int
    private let request: [UInt8]
    private let refusal: Refusal
    private let thinkMicroseconds: UInt32
    private let stopping = Atomic<Bool>(false)
    /// 2xx answers so far, for throughput over a window (``answeredCount``).
    private let answeredSoFar = Atomic<Int>(0)
    private let totals = Mutex(Counts())
    private let running = Mutex(0)
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - port: the server's port on 127.0.0.1.
    ///   - connections: how many threads, one connection each.
    ///   - request: the complete request, sent again and again.
    ///   - refusal: what a thread does when a connection attempt fails.
    ///   - thinkMilliseconds: the pause after each answer before the next request (0: none).
    init(port: Int, connections: Int, request: [UInt8], refusal: Refusal, thinkMilliseconds: Int = 0) {
        self.port = port
        self.connections = connections
        self.request = request
        self.refusal = refusal
        self.thinkMicroseconds = UInt32(max(0, thinkMilliseconds) * 1000)
    }

    /// 2xx answers since ``start()``; cheap enough to sample while the load runs.
    var answeredCount: Int { answeredSoFar.load(ordering: .relaxed) }

    /// Starts the threads.
    func start() {
        running.withLock { $0 = connections }
        for _ in 0..<connections {
            Thread.detachNewThread { self.drive() }
        }
    }

    /// Tells the threads to finish the request they are on and end.
    func stop() {
        stopping.store(true, ordering: .relaxed)
    }

    /// Waits until every thread has ended (they end on ``stop()``, or with ``Refusal/stop`` once
    /// the server refuses them).
    /// - Parameter timeout: the longest wait.
    /// - Returns: false if some thread was still running at the timeout.
    func wait(timeout: Duration) -> Bool {
        let deadline = DispatchTime.now() + timeout.seconds
        while running.withLock({ $0 }) > 0 {
            if finished.wait(timeout: deadline) == .timedOut { return running.withLock { $0 } == 0 }
        }
        return true
    }

    /// The counts so far (complete once ``wait(timeout:)`` returned true).
    var counts: Counts { totals.withLock { $0 } }

    private func drive() {
        var counts = Counts()
        var connection: BenchConnection?
        while !stopping.load(ordering: .relaxed) {
            guard let open = connection ?? BenchConnection.open(port: port) else {
                counts.connectFailures += 1
                if refusal == .stop { break }
                usleep(10_000)
                continue
            }
            connection = open
            switch open.exchange(request) {
            case .answered(let status, let close):
                counts.written += 1
                if (200..<300).contains(status) {
                    counts.answered += 1
                    answeredSoFar.add(1, ordering: .relaxed)
                } else {
                    counts.errorStatus += 1
                }
                if close { connection = nil }
                if thinkMicroseconds > 0 { usleep(thinkMicroseconds) }
            case .notWritten:
                counts.notWritten += 1
                connection = nil
            case .unanswered:
                counts.written += 1
                counts.lost += 1
                connection = nil
            }
        }
        let total = counts
        totals.withLock { $0 = $0 + total }
        running.withLock { $0 -= 1 }
        finished.signal()
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
