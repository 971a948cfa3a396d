/// A response received by ``HTTPClient``.
public struct HTTPClientResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The reason phrase, e.g. `Not Found` (printable ASCII only, shortened to 60 characters).
    public var reason: String
    /// The response header fields in the order received.
    public var headers: HTTPHeaders
    /// The body, de-chunked if it was sent chunked.
    public var body: [UInt8]

    /// Creates a response.
    /// - Parameters:
    ///   - status: the status code.
    ///   - reason: the reason phrase.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    public init(status: Int, reason: String = "", headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }
}

/// Why an ``HTTPClient`` request failed, with a message a person can act on.
public struct HTTPClientError: Error, CustomStringConvertible, Sendable {
    /// The broad kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached (refused, unreachable).
        case connectionFailed
        /// The host name could not be resolved.
        case hostNotFound
        /// No complete response arrived within the timeout.
        case timedOut
        /// The server closed the connection before a complete response.
        case connectionClosed
        /// The response was not valid HTTP/1.x.
        case malformedResponse
        /// The response was larger than the client accepts.
        case responseTooLarge
        /// ``HTTPClient/close()`` was called.
        case clientClosed
        /// The request itself was invalid (bad URL, method, path or header).
        case invalidRequest
        /// An `https://` request on a client created without TLS (see ``HTTPClientTLS``).
        case tlsUnavailable
        /// TLS could not be set up (for example the trust roots cannot be read).
        case tlsSetupFailed
        /// The server's TLS certificate does not lead to a trusted root (or is out of date).
        case untrustedCertificate
        /// The server's TLS certificate does not name the host in the URL.
        case hostnameMismatch
        /// TLS failed for another reason (protocol version, alert, a server that does not speak TLS).
        case tlsFailed
    }

    /// The broad kind of failure.
    public var kind: Kind
    /// The full explanation.
    public var description: String
    /// The `errno` of the system call that failed, when one did (e.g. `ECONNREFUSED`).
    public var systemErrorCode: Int32?
    /// Whether the request had begun to go out on a connection when it failed. `false` means the
    /// server never saw it (no connection could be made, or the request was refused before it
    /// was written), so sending it again cannot make it arrive twice; `true` means it may have
    /// arrived, and even been acted on.
    public var requestSent: Bool
    /// The head of a response whose body did not arrive whole (the connection closed, timed
    /// out or broke the body's framing): its status, reason and header fields, with an empty
    /// body. Nil when no complete head arrived.
    public var partialResponse: HTTPClientResponse?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of failure.
    ///   - description: the actionable message.
    ///   - systemErrorCode: the `errno` behind it, if any.
    ///   - requestSent: whether the request may have reached the server.
    ///   - partialResponse: the head of a response cut off in its body, if any.
    public init(
        kind: Kind, description: String, systemErrorCode: Int32? = nil, requestSent: Bool = false,
        partialResponse: HTTPClientResponse? = nil
    ) {
        self.kind = kind
        self.description = description
        self.systemErrorCode = systemErrorCode
        self.requestSent = requestSent
        self.partialResponse = partialResponse
    }
}
