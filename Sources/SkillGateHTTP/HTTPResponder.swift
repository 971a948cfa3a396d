/// Turns a request into a response; the server calls it once per request.
///
/// Requests on different connections are answered concurrently; requests on one connection are
/// answered in order. Each call runs as its own task on the global concurrent executor, never on
/// an I/O thread, so a handler that blocks its thread holds up only its own connection.
public protocol HTTPResponder: Sendable {
    /// Produces the response for `request`.
    /// - Parameters:
    ///   - request: the complete request, body included.
    ///   - deadline: when the server gives up and answers 503 itself; the task is also cancelled then.
    /// - Returns: the response to send.
    func respond(to request: HTTPRequest, deadline: ContinuousClock.Instant) async -> HTTPResponse

    /// The response sent when ``respond(to:deadline:)`` misses the handler deadline; the
    /// connection closes after it. The default is a 503 with a JSON error body.
    /// - Parameters:
    ///   - request: the request whose handler timed out.
    ///   - deadline: the deadline that passed.
    /// - Returns: the response to send instead.
    func timeoutResponse(for request: HTTPRequest, deadline: Duration) -> HTTPResponse
}

extension HTTPResponder {
    /// A 503 naming the deadline.
    public func timeoutResponse(for request: HTTPRequest, deadline: Duration) -> HTTPResponse {
        .error(status: 503, message: "the server did not produce a response within \(deadline)")
    }
}

/// An ``HTTPResponder`` backed by a closure; handy for tests and small tools.
public struct HTTPClosureResponder: HTTPResponder {
    private let handler: @Sendable (HTTPRequest, ContinuousClock.Instant) async -> HTTPResponse

    /// Creates a responder from a closure.
    /// - Parameter handler: called with each request and its deadline.
    public init(_ handler: @escaping @Sendable (HTTPRequest, ContinuousClock.Instant) async -> HTTPResponse) {
        self.handler = handler
    }

    /// Calls the closure.
    /// - Parameters:
    ///   - request: the request.
    ///   - deadline: the handler deadline.
    /// - Returns: the closure's response.
    public func respond(to request: HTTPRequest, deadline: ContinuousClock.Instant) async -> HTTPResponse {
        await handler(request, deadline)
    }
}
