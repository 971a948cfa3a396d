/// Turns a request into a response; the server calls it once per request.
///
/// Requests on different connections are answered concurrently; requests on one connection are
/// answered in order. Each call runs as its own task on the global concurrent executor, never on
/// an I/O thread, so a handler that blocks its thread holds up only its own connection. The
/// server sets no deadline: the task is cancelled only when the client goes away or a drain
/// times out, so a responder that must answer in time enforces its own deadline.
public protocol HTTPResponder: Sendable {
    /// Produces the response for `request`.
    /// - Parameter request: the complete request, body included.
    /// - Returns: the response to send.
    func respond(to request: HTTPRequest) async -> HTTPResponse
}

/// An ``HTTPResponder`` backed by a closure; handy for tests and small tools.
public struct HTTPClosureResponder: HTTPResponder {
    private let handler: @Sendable (HTTPRequest) async -> HTTPResponse

    /// Creates a responder from a closure.
    /// - Parameter handler: called with each request.
    public init(_ handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        self.handler = handler
    }

    /// Calls the closure.
    /// - Parameter request: the request.
    /// - Returns: the closure's response.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await handler(request)
    }
}
