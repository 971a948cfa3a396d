import SkillGateHTTP
import SkillGateLambda
import SkillGateLogging
import Synchronization
import SkillGateTestSupport

/// A fake AWS Lambda Runtime API (2018-06-01) on loopback port 0, following AWS's documented protocol:
/// `GET /runtime/invocation/next` long-polls until an event is queued and answers 200 with the
/// `Lambda-Runtime-*` headers; `POST /runtime/invocation/{id}/response|error` answers 202 for an
/// outstanding request ID and 400 otherwise; `POST /runtime/init/error` answers 202.
final class FakeRuntimeAPI: Sendable {
    /// One queued event.
    struct Event: Sendable {
        var requestID: String
        var body: [UInt8]
        var deadlineMilliseconds: Int64?
        var functionARN: String? = "arn:aws:lambda:us-east-1:123456789012:function:skill"
        var traceID: String?
        /// How long `/next` waits before answering with this event.
        var delay: Duration?
    }

    /// One request the runtime sent.
    struct Call: Sendable {
        var method: String
        var path: String
        var headers: HTTPHeaders
        var body: [UInt8]
        var remoteAddress: String
    }

    /// One report the runtime posted.
    struct Report: Sendable {
        enum Kind: Sendable, Equatable { case response, error, initError }
        var kind: Kind
        var requestID: String?
        var headers: HTTPHeaders
        var body: [UInt8]
        /// When the fake received it.
        var receivedAt = ContinuousClock.now
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private struct State {
        var queue: [Event] = []
        var pollers: [CheckedContinuation<Event?, Never>] = []
        var outstanding: Set<String> = []
        var calls: [Call] = []
        var reports: [Report] = []
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
    let port: Int

    /// Starts the fake; `port` 0 picks a free one.
    init(port: Int = 0) throws {
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

    /// The endpoint to give the runtime.
    var endpoint: LambdaRuntimeEndpoint { LambdaRuntimeEndpoint(host: "127.0.0.1", port: port) }

    /// Queues an event for `/next`.
    func enqueue(_ event: Event) {
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
    func failNextPolls(with statuses: [Int]) {
        shared.state.withLock { $0.nextStatus.append(contentsOf: statuses) }
    }

    /// Every request so far.
    var calls: [Call] { shared.state.withLock { $0.calls } }
    /// Every report so far.
    var reports: [Report] { shared.state.withLock { $0.reports } }
    /// How many `/next` polls are waiting for an event.
    var waitingPolls: Int { shared.state.withLock { $0.pollers.count } }

    /// Waits until at least `count` reports have arrived (or 20 s pass); returns them.
    func reports(count: Int) async -> [Report] {
        _ = await eventually { self.reports.count >= count }
        return reports
    }

    /// Stops the server; pending polls are answered after the connections are gone.
    func shutdown() async {
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

    private static func awsError(_ status: Int, _ type: String, _ message: String) -> HTTPResponse {
        HTTPResponse.json(status: status, LambdaFunctionError(type: type, message: message).jsonBytes)
    }
}

/// Polls `condition` every 5 ms for up to `seconds`; returns whether it became true.
func eventually(within seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
