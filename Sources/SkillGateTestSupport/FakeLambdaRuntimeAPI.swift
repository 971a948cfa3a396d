public import SkillGateHTTP
import SkillGateLogging
import Synchronization

/// A fake AWS Lambda Runtime API (2018-06-01) on loopback port 0, following AWS's documented protocol:
/// `GET /runtime/invocation/next` long-polls until an event is queued and answers 200 with the
/// `Lambda-Runtime-*` headers; `POST /runtime/invocation/{id}/response|error` answers 202 for an
/// outstanding request ID and 400 otherwise; `POST /runtime/init/error` answers 202.
public final class FakeLambdaRuntimeAPI: Sendable {
    /// One queued event.
    public struct Event: Sendable {
        /// `Lambda-Runtime-Aws-Request-Id`.
        public var requestID: String
        /// The event's payload.
        public var body: [UInt8]
        /// `Lambda-Runtime-Deadline-Ms`; nil leaves the header out.
        public var deadlineMilliseconds: Int64?
        /// `Lambda-Runtime-Invoked-Function-Arn`; nil leaves the header out.
        public var functionARN: String?
        /// `Lambda-Runtime-Trace-Id`; nil leaves the header out.
        public var traceID: String?
        /// How long `/next` waits before answering with this event.
        public var delay: Duration?

        /// Creates an event.
        /// - Parameters:
        ///   - requestID: the request ID.
        ///   - body: the payload.
        ///   - deadlineMilliseconds: the deadline header's value, if any.
        ///   - functionARN: the function ARN header's value, if any.
        ///   - traceID: the trace ID header's value, if any.
        ///   - delay: how long `/next` waits before answering with it.
        public init(
            requestID: String, body: [UInt8], deadlineMilliseconds: Int64? = nil,
            functionARN: String? = "arn:aws:lambda:us-east-1:123456789012:function:skill", traceID: String? = nil, delay: Duration? = nil
        ) {
            self.requestID = requestID
            self.body = body
            self.deadlineMilliseconds = deadlineMilliseconds
            self.functionARN = functionARN
            self.traceID = traceID
            self.delay = delay
        }
    }

    /// One request the runtime sent.
    public struct Call: Sendable {
        /// `GET` or `POST`.
        public var method: String
        /// The request target.
        public var path: String
        /// The request's headers.
        public var headers: HTTPHeaders
        /// The request's body.
        public var body: [UInt8]
        /// The client's address and port: one per connection.
        public var remoteAddress: String
    }

    /// One report the runtime posted.
    public struct Report: Sendable {
        /// Which endpoint it went to.
        public enum Kind: Sendable, Equatable {
            /// `/runtime/invocation/{id}/response`.
            case response
            /// `/runtime/invocation/{id}/error`.
            case error
            /// `/runtime/init/error`.
            case initError
        }

        /// Which endpoint it went to.
        public var kind: Kind
        /// The invocation's request ID; nil for ``Kind/initError``.
        public var requestID: String?
        /// The report's headers.
        public var headers: HTTPHeaders
        /// The report's body.
        public var body: [UInt8]
        /// When the fake received it.
        public var receivedAt = ContinuousClock.now
        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    private struct State {
        var queue: [Event] = []
        var pollers: [CheckedContinuation<Event?, Never>] = []
        var outstanding: Set<String> = []
        public var calls: [Call] = []
        public var reports: [Report] = []
        var nextStatus: [Int] = []
        var closed = false
    }

    /// The state shared with the server's responder.
    private final class Shared: Sendable {
        let state = Mutex(State())
    }

    private let shared = Shared()
    private let server: HTTPServer
    /// The bound port.
    public let port: Int

    /// Starts the fake; `port` 0 picks a free one.
    /// - Parameter port: the port to listen on.
    /// - Throws: ``SkillGateHTTP/HTTPServerError`` when the port cannot be bound.
    public init(port: Int = 0) throws {
        let shared = self.shared
        let configuration = HTTPServerConfiguration(
            port: port, drainTimeout: .milliseconds(300), accessLog: false,
            eventLoopCount: 1, eventBackend: .fromTestEnvironment)
        server = HTTPServer(
            configuration: configuration,
            responder: HTTPClosureResponder { request in await Self.respond(to: request, shared: shared) },
            logger: .disabled)
        self.port = try server.start()
    }

    /// `host:port`, the value of `AWS_LAMBDA_RUNTIME_API` for this fake.
    public var address: String { "127.0.0.1:\(port)" }

    /// Queues an event for `/next`.
    /// - Parameter event: the event.
    public func enqueue(_ event: Event) {
        let poller = shared.state.withLock { state -> CheckedContinuation<Event?, Never>? in
            guard !state.pollers.isEmpty else {
                state.queue.append(event)
                return nil
            }
            return state.pollers.removeFirst()
        }
        poller?.resume(returning: event)
    }

    /// Makes the next `/next` calls answer with these statuses (e.g. 500) instead of an event.
    /// - Parameter statuses: one status per poll.
    public func failNextPolls(with statuses: [Int]) {
        shared.state.withLock { $0.nextStatus.append(contentsOf: statuses) }
    }

    /// Every request so far.
    public var calls: [Call] { shared.state.withLock { $0.calls } }
    /// Every report so far.
    public var reports: [Report] { shared.state.withLock { $0.reports } }
    /// How many `/next` polls are waiting for an event.
    public var waitingPolls: Int { shared.state.withLock { $0.pollers.count } }

    /// Waits until at least `count` reports have arrived (or 20 s pass); returns them.
    /// - Parameter count: how many reports to wait for.
    /// - Returns: every report so far.
    public func reports(count: Int) async -> [Report] {
        _ = await eventually { self.reports.count >= count }
        return reports
    }

    /// Stops the server; pending polls are answered after the connections are gone.
    public func shutdown() async {
        shared.state.withLock { $0.closed = true }
        await server.shutdown()
        let pollers = shared.state.withLock { state -> [CheckedContinuation<Event?, Never>] in
            defer { state.pollers.removeAll() }
            return state.pollers
        }
        for poller in pollers { poller.resume(returning: nil) }
    }

    private static func respond(to request: HTTPRequest, shared: Shared) async -> HTTPResponse {
        shared.state.withLock {
            $0.calls.append(
                Call(
                    method: request.method, path: request.path, headers: request.headers, body: request.body,
                    remoteAddress: request.remoteAddress))
        }
        let prefix = "/2018-06-01/runtime/"
        guard request.path.hasPrefix(prefix) else { return awsError(404, "UnknownPath", request.path) }
        let rest = request.path.dropFirst(prefix.count)
        switch (request.method, rest) {
        case ("GET", "invocation/next"):
            return await next(shared: shared)
        case ("POST", "init/error"):
            shared.state.withLock { $0.reports.append(Report(kind: .initError, headers: request.headers, body: request.body)) }
            return HTTPResponse.json(status: 202, Array(#"{"status":"OK"}"#.utf8))
        case ("POST", _) where rest.hasPrefix("invocation/"):
            let parts = rest.split(separator: "/")
            guard parts.count == 3, parts[2] == "response" || parts[2] == "error" else {
                return awsError(404, "UnknownPath", request.path)
            }
            let id = String(parts[1])
            let kind: Report.Kind = parts[2] == "response" ? .response : .error
            let known = shared.state.withLock { state -> Bool in
                guard state.outstanding.remove(id) != nil else { return false }
                state.reports.append(Report(kind: kind, requestID: id, headers: request.headers, body: request.body))
                return true
            }
            guard known else { return awsError(400, "InvalidRequestID", "unknown or already answered request ID \(id)") }
            return HTTPResponse.json(status: 202, Array(#"{"status":"OK"}"#.utf8))
        default:
            return awsError(405, "MethodNotAllowed", "\(request.method) \(request.path)")
        }
    }

    private static func next(shared: Shared) async -> HTTPResponse {
        if let status = shared.state.withLock({ $0.nextStatus.isEmpty ? nil : $0.nextStatus.removeFirst() }) {
            return awsError(status, "ContainerError", "scripted failure")
        }
        let event = await withCheckedContinuation { (continuation: CheckedContinuation<Event?, Never>) in
            let ready = shared.state.withLock { state -> Event?? in
                if state.closed { return .some(nil) }
                if !state.queue.isEmpty { return .some(state.queue.removeFirst()) }
                state.pollers.append(continuation)
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
        guard let event else { return awsError(500, "ShuttingDown", "the fake is shutting down") }
        if let delay = event.delay { try? await Task.sleep(for: delay) }
        shared.state.withLock { _ = $0.outstanding.insert(event.requestID) }
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Lambda-Runtime-Aws-Request-Id": event.requestID]
        if let deadline = event.deadlineMilliseconds { headers.add(name: "Lambda-Runtime-Deadline-Ms", value: "\(deadline)") }
        if let arn = event.functionARN { headers.add(name: "Lambda-Runtime-Invoked-Function-Arn", value: arn) }
        if let trace = event.traceID { headers.add(name: "Lambda-Runtime-Trace-Id", value: trace) }
        return HTTPResponse(status: 200, headers: headers, body: event.body)
    }

    /// An error body as the Runtime API sends one: `{"errorMessage":…,"errorType":…}`.
    private static func awsError(_ status: Int, _ type: String, _ message: String) -> HTTPResponse {
        var body = Array(#"{"errorMessage":""#.utf8)
        JSONString.appendEscaped(message, to: &body)
        body += Array(#"","errorType":""#.utf8)
        JSONString.appendEscaped(type, to: &body)
        body += Array(#""}"#.utf8)
        return HTTPResponse.json(status: status, body)
    }
}
