import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A small HTTP/1.1 client for `http://` and `https://` servers over one persistent keep-alive connection.
///
/// Requests are serialized (one at a time, in call order). The connection is reused while the
/// server keeps it open and requests go to the same origin, and re-established otherwise; a request
/// that fails on a reused connection before any response byte arrives is retried once on a fresh one
/// (unless the caller says it must not arrive twice). A failure tells whether the request may have
/// reached the server (``HTTPClientError/requestSent``) and carries the head of a response cut off
/// in its body (``HTTPClientError/partialResponse``).
/// Socket waits (and name lookups, which run on a resolver queue) happen off the Swift concurrency
/// pool, so a long poll (`timeout: nil`) does not hold a cooperative thread. Task cancellation and
/// ``close()`` interrupt a waiting request. The timeout covers name resolution, connecting, the TLS
/// handshake and the exchange.
///
/// `https://` needs a TLS implementation (``HTTPClientTLS``): `SkillGateHTTPS` provides one backed by
/// OpenSSL, so a program that only speaks plain HTTP links no TLS library.
public final class HTTPClient: Sendable {
    /// The URL schemes the client speaks.
    public enum Scheme: String, Sendable {
        /// Plain HTTP, port 80 by default.
        case http
        /// HTTP over TLS, port 443 by default; needs an ``HTTPClientTLS``.
        case https

        /// 80 or 443.
        public var defaultPort: Int { self == .http ? 80 : 443 }
    }

    struct State {
        var connection: ClientConnection?
        var closed = false
        var nextID: UInt64 = 0
        var activeID: UInt64?
        var cancelledIDs: Set<UInt64> = []
    }

    /// The default server's host name or address.
    public let host: String
    /// The default server's port.
    public let port: Int
    /// The default server's scheme.
    public let scheme: Scheme
    /// The largest response body accepted when a request sets no limit of its own.
    public let maximumResponseBodySize: Int
    /// The TLS implementation for `https`, if any.
    let tls: (any HTTPClientTLS)?
    let queue: DispatchQueue
    let state = Mutex(State())
    let interruptReadFD: Int32
    private let interruptWriteFD: Int32

    /// The default response body limit: 64 MiB.
    public static let defaultMaximumResponseBodySize = 64 * 1024 * 1024

    /// Creates a client whose requests by path go to `scheme://host:port`; nothing connects until the
    /// first request.
    /// - Parameters:
    ///   - host: a name or address, e.g. `127.0.0.1`, `localhost` or `::1`.
    ///   - port: the TCP port.
    ///   - scheme: `.http` (default) or `.https`.
    ///   - tls: the TLS implementation `https` requests use; without one they fail with
    ///     ``HTTPClientError/Kind/tlsUnavailable``.
    ///   - maximumResponseBodySize: the largest response body accepted, in bytes.
    public init(
        host: String, port: Int, scheme: Scheme = .http, tls: (any HTTPClientTLS)? = nil,
        maximumResponseBodySize: Int = HTTPClient.defaultMaximumResponseBodySize
    ) {
        self.host = host
        self.port = port
        self.scheme = scheme
        self.tls = tls
        self.maximumResponseBodySize = max(0, maximumResponseBodySize)
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

    /// Sends a request to the default server and waits for the complete response.
    /// - Parameters:
    ///   - method: e.g. `GET` or `POST`.
    ///   - path: the request-target, e.g. `/2018-06-01/runtime/invocation/next`.
    ///   - headers: extra header fields (`Host` and `Content-Length` are added when missing).
    ///   - body: the body bytes.
    ///   - timeout: the longest to wait for the whole exchange; nil waits forever (long polls).
    ///   - maximumBodySize: this request's response body limit; nil uses ``maximumResponseBodySize``.
    ///   - retryOnStaleConnection: whether a request written to a reused keep-alive connection
    ///     that then closes before any response byte arrives is sent once more on a fresh one (the
    ///     usual keep-alive race). Pass false for a request that must never arrive twice: it then
    ///     fails with ``HTTPClientError/requestSent`` set instead. A kept-alive connection found
    ///     closed before anything is written is replaced either way.
    /// - Returns: the response.
    /// - Throws: ``HTTPClientError`` (or `CancellationError` when the task is cancelled).
    public func send(
        method: String, path: String, headers: HTTPHeaders = [:], body: [UInt8] = [], timeout: Duration?,
        maximumBodySize: Int? = nil, retryOnStaleConnection: Bool = true
    ) async throws -> HTTPClientResponse {
        let target = ClientTarget(origin: ClientOrigin(scheme: scheme, host: host, port: port), path: path)
        return try await exchange(
            target, method: method, headers: headers, body: body, timeout: timeout, limit: maximumBodySize,
            retryOnStaleConnection: retryOnStaleConnection)
    }

    /// Sends a request to an absolute URL and waits for the complete response.
    /// - Parameters:
    ///   - method: e.g. `GET` or `POST`.
    ///   - url: `http://` or `https://host[:port][/path][?query]`; a fragment is ignored.
    ///   - headers: extra header fields (`Host` and `Content-Length` are added when missing).
    ///   - body: the body bytes.
    ///   - timeout: the longest to wait for the whole exchange; nil waits forever.
    ///   - maximumBodySize: this request's response body limit; nil uses ``maximumResponseBodySize``.
    /// - Returns: the response.
    /// - Throws: ``HTTPClientError`` (kind `.invalidRequest` for a URL it cannot use), or
    ///   `CancellationError` when the task is cancelled.
    public func send(
        method: String, url: String, headers: HTTPHeaders = [:], body: [UInt8] = [], timeout: Duration?,
        maximumBodySize: Int? = nil
    ) async throws -> HTTPClientResponse {
        let target = try ClientTarget(url: url)
        return try await exchange(target, method: method, headers: headers, body: body, timeout: timeout, limit: maximumBodySize)
    }

    /// Sends a request to the server at `scheme://host:port` and waits for the complete response.
    /// - Parameters:
    ///   - method: e.g. `GET` or `POST`.
    ///   - scheme: `.http` or `.https`.
    ///   - host: a name or address (IPv6 with or without brackets).
    ///   - port: the TCP port.
    ///   - path: the request-target, e.g. `/token`.
    ///   - headers: extra header fields (`Host` and `Content-Length` are added when missing).
    ///   - body: the body bytes.
    ///   - timeout: the longest to wait for the whole exchange; nil waits forever.
    ///   - maximumBodySize: this request's response body limit; nil uses ``maximumResponseBodySize``.
    /// - Returns: the response.
    /// - Throws: ``HTTPClientError`` (or `CancellationError` when the task is cancelled).
    public func send(
        method: String, scheme: Scheme, host: String, port: Int, path: String, headers: HTTPHeaders = [:],
        body: [UInt8] = [], timeout: Duration?, maximumBodySize: Int? = nil
    ) async throws -> HTTPClientResponse {
        let target = ClientTarget(origin: ClientOrigin(scheme: scheme, host: host, port: port), path: path)
        return try await exchange(target, method: method, headers: headers, body: body, timeout: timeout, limit: maximumBodySize)
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

    /// Serializes the request and runs it on the client's queue.
    private func exchange(
        _ target: ClientTarget, method: String, headers: HTTPHeaders, body: [UInt8], timeout: Duration?, limit: Int?,
        retryOnStaleConnection: Bool = true
    ) async throws -> HTTPClientResponse {
        let deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
        let bytes = try ClientRequestWriter.serialize(
            method: method, path: target.path, headers: headers, body: body, hostHeader: target.origin.hostHeader
        )
        let exchange = Exchange(
            target: target, method: method, request: bytes, deadline: deadline,
            maxBodyBytes: max(0, limit ?? maximumResponseBodySize), retryOnStaleConnection: retryOnStaleConnection)
        let id = state.withLock { state -> UInt64 in
            state.nextID &+= 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPClientResponse, any Error>) in
                queue.async {
                    continuation.resume(with: Result { try self.perform(exchange, id: id) })
                }
            }
        } onCancel: {
            self.interrupt(cancelling: id)
        }
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

    /// Empties the interrupt pipe before a new exchange.
    func drainInterrupt() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(interruptReadFD, &scratch, scratch.count) > 0 {}
    }
}
