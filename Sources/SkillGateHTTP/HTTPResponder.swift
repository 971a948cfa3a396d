/// Turns a request into a response; the server calls it once per request.
///
/// Requests on different connections are answered concurrently; requests on one connection are
/// answered in order. Each call runs as its own task, never on an I/O thread: the task prefers a
/// handler thread (one per event loop), and a handler that blocks that thread keeps it while the
/// requests queued behind it move to a new one within milliseconds, so it holds up only its own
/// connection. The server sets no deadline: the task is cancelled only when the client goes away,
/// a drain times out, or the responder has replied (through ``respond(to:reply:)``) before
/// returning, so a responder that must answer in time enforces its own deadline.
public protocol HTTPResponder: Sendable {
    /// Produces the response for `request`.
    /// - Parameter request: the complete request, body included.
    /// - Returns: the response to send.
    func respond(to request: HTTPRequest) async -> HTTPResponse

    /// Produces the response for `request` and hands it to `reply`; the server calls this one.
    ///
    /// A responder that enforces a deadline can reply before its work is done, with no task of its
    /// own to race the work: the server sends the first reply and cancels the task. The default
    /// replies with what ``respond(to:)`` returns.
    /// - Parameters:
    ///   - request: the complete request, body included.
    ///   - reply: takes the response; only the first call counts.
    func respond(to request: HTTPRequest, reply: HTTPReply) async
}

extension HTTPResponder {
    /// Replies with what ``respond(to:)`` returns.
    /// - Parameters:
    ///   - request: the complete request, body included.
    ///   - reply: takes the response.
    public func respond(to request: HTTPRequest, reply: HTTPReply) async {
        reply(await respond(to: request))
    }
}

/// Hands a responder's answer to the connection it came from; only the first call counts.
public struct HTTPReply: Sendable {
    private let deliver: @Sendable (HTTPResponse) -> Void

    /// A reply that passes the response to `deliver` (the server makes one per request).
    /// - Parameter deliver: takes the response.
    public init(_ deliver: @escaping @Sendable (HTTPResponse) -> Void) {
        self.deliver = deliver
    }

    /// Sends `response` as the answer to the request; safe from any thread.
    /// - Parameter response: the answer.
    public func callAsFunction(_ response: HTTPResponse) {
        deliver(response)
    }
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
