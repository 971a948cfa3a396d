import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A small HTTP/1.1 client for plain `http://` servers over one persistent keep-alive connection.
///
/// Requests are serialized (one at a time, in call order). The connection is reused while the
/// server keeps it open and re-established when the server has closed it; a request that fails
/// on a reused connection before any response byte arrives is retried once on a fresh one.
/// Socket waits happen on a private dispatch queue, never on the Swift concurrency pool, so a
/// long poll (`timeout: nil`) does not hold a cooperative thread. Task cancellation and
/// ``close()`` interrupt a waiting request.
public final class HTTPClient: Sendable {
    private struct State {
        var connection: ClientConnection?
        var closed = false
        var nextID: UInt64 = 0
        var activeID: UInt64?
        var cancelledIDs: Set<UInt64> = []
    }

    /// The server's host name or address.
    public let host: String
    /// The server's port.
    public let port: Int
    private let queue: DispatchQueue
    private let state = Mutex(State())
    private let interruptReadFD: Int32
    private let interruptWriteFD: Int32

    /// Creates a client for `http://host:port`; nothing connects until the first request.
    /// - Parameters:
    ///   - host: a name or address, e.g. `127.0.0.1`, `localhost` or `::1`.
    ///   - port: the TCP port.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
        self.queue = DispatchQueue(label: "SkillGateHTTP.HTTPClient")
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            Socket.makeNonBlocking(fds[0])
            Socket.makeNonBlocking(fds[1])
        }
        interruptReadFD = fds[0]
        interruptWriteFD = fds[1]
    }

    deinit {
        state.withLock { $0.connection?.close() }
        if interruptReadFD >= 0 { Platform.closeDescriptor(interruptReadFD) }
        if interruptWriteFD >= 0 { Platform.closeDescriptor(interruptWriteFD) }
    }

    /// Sends a request and waits for the complete response.
    /// - Parameters:
    ///   - method: e.g. `GET` or `POST`.
    ///   - path: the request-target, e.g. `/2018-06-01/runtime/invocation/next`.
    ///   - headers: extra header fields (`Host` and `Content-Length` are added when missing).
    ///   - body: the body bytes.
    ///   - timeout: the longest to wait for the whole exchange; nil waits forever (long polls).
    /// - Returns: the response.
    /// - Throws: ``HTTPClientError`` (or `CancellationError` when the task is cancelled).
    public func send(
        method: String, path: String, headers: HTTPHeaders = [:], body: [UInt8] = [], timeout: Duration?
    ) async throws -> HTTPClientResponse {
        let deadline = timeout.map { MonotonicClock.now() &+ $0.nanoseconds }
        let bytes = try ClientRequestWriter.serialize(
            method: method, path: path, headers: headers, body: body, host: host, port: port
        )
        let id = state.withLock { state -> UInt64 in
            state.nextID &+= 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<HTTPClientResponse, any Error>) in
                queue.async {
                    continuation.resume(
                        with: Result {
                            try self.perform(id: id, method: method, request: bytes, deadline: deadline)
                        })
                }
            }
        } onCancel: {
            self.interrupt(cancelling: id)
        }
    }

    /// Closes the connection; a request in progress fails with ``HTTPClientError/Kind/clientClosed``,
    /// and later requests fail the same way.
    public func close() {
        let signal = state.withLock { state -> Bool in
            state.closed = true
            if state.activeID != nil { return true }
            state.connection?.close()
            state.connection = nil
            return false
        }
        if signal { wakeInterrupt() }
    }

    private func interrupt(cancelling id: UInt64) {
        let signal = state.withLock { state -> Bool in
            state.cancelledIDs.insert(id)
            return state.activeID == id
        }
        if signal { wakeInterrupt() }
    }

    private func wakeInterrupt() {
        var byte: UInt8 = 1
        _ = write(interruptWriteFD, &byte, 1)
    }

    private func drainInterrupt() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(interruptReadFD, &scratch, scratch.count) > 0 {}
    }

    /// Runs one exchange on the client's queue.
    private func perform(id: UInt64, method: String, request: [UInt8], deadline: UInt64?) throws -> HTTPClientResponse {
        drainInterrupt()
        let start = state.withLock { state -> Result<ClientConnection?, any Error> in
            if state.closed { return .failure(Self.closedError) }
            if state.cancelledIDs.remove(id) != nil { return .failure(CancellationError()) }
            state.activeID = id
            defer { state.connection = nil }
            return .success(state.connection)
        }
        var connection = try start.get()
        var outcome: Result<HTTPClientResponse, any Error>
        var retried = false
        while true {
            let reused = connection != nil
            do {
                let current = try connection ?? openConnection(deadline: deadline)
                connection = current
                if reused && !current.isReusable { throw ClientIOError.closed(receivedResponseBytes: false) }
                try current.writeAll(request, deadline: deadline, interruptFD: interruptReadFD)
                let (response, reusable) = try ClientResponseReader.read(
                    from: current, method: method, deadline: deadline, interruptFD: interruptReadFD
                )
                if !reusable {
                    current.close()
                    connection = nil
                }
                outcome = .success(response)
            } catch let error as ClientIOError {
                connection?.close()
                connection = nil
                if reused && !retried, case .closed(receivedResponseBytes: false) = error {
                    retried = true
                    continue
                }
                outcome = .failure(mapError(error, id: id))
            } catch {
                connection?.close()
                connection = nil
                outcome = .failure(error)
            }
            break
        }
        let keep = connection
        state.withLock { state in
            state.activeID = nil
            state.cancelledIDs.remove(id)
            if state.closed {
                keep?.close()
            } else {
                state.connection = keep
            }
        }
        return try outcome.get()
    }

    private func openConnection(deadline: UInt64?) throws(ClientIOError) -> ClientConnection {
        try ClientConnection.connect(host: host, port: port, deadline: deadline, interruptFD: interruptReadFD)
    }

    private static var closedError: HTTPClientError {
        HTTPClientError(kind: .clientClosed, description: "the HTTP client was closed")
    }

    private func mapError(_ error: ClientIOError, id: UInt64) -> any Error {
        let target = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        switch error {
        case .interrupted:
            let closed = state.withLock { $0.closed }
            return closed ? Self.closedError : CancellationError()
        case .timedOut:
            return HTTPClientError(
                kind: .timedOut, description: "no complete response from \(target) within the timeout")
        case .closed:
            return HTTPClientError(
                kind: .connectionClosed,
                description: "\(target) closed the connection before sending a complete response"
            )
        case .connectFailed(let reason):
            return HTTPClientError(kind: .connectionFailed, description: "\(reason); is the server running?")
        case .system(let call, let code):
            return HTTPClientError(
                kind: .connectionFailed, description: "\(call) to \(target) failed: \(SystemError.message(code))"
            )
        case .malformed(let reason):
            return HTTPClientError(
                kind: .malformedResponse, description: "malformed response from \(target): \(reason)")
        case .tooLarge:
            return HTTPClientError(
                kind: .responseTooLarge,
                description: "response from \(target) is larger than \(ClientResponseReader.maxBodyBytes) bytes"
            )
        }
    }
}
