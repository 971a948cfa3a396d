/// A response received by ``HTTPClient``.
public struct HTTPClientResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The response header fields in the order received.
    public var headers: HTTPHeaders
    /// The body, de-chunked if it was sent chunked.
    public var body: [UInt8]

    /// Creates a response.
    /// - Parameters:
    ///   - status: the status code.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why an ``HTTPClient`` request failed, with a message a person can act on.
public struct HTTPClientError: Error, CustomStringConvertible, Sendable {
    /// The broad kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached (refused, unreachable, unresolvable).
        case connectionFailed
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
        /// The request itself was invalid (bad method, path or header).
        case invalidRequest
    }

    /// The broad kind of failure.
    public var kind: Kind
    /// The full explanation.
    public var description: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of failure.
    ///   - description: the actionable message.
    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }
}
