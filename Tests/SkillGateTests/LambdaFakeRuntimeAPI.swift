import SkillGateHTTP
import SkillGateTestSupport
import Synchronization
import SkillGateLogging

/// A fake AWS Lambda Runtime API (2018-06-01) on loopback port 0 for driving `lambda` mode in-process:
/// `GET /runtime/invocation/next` long-polls until an event is queued; `POST
/// /runtime/invocation/{id}/response|error` and `/runtime/init/error` answer 202 and are recorded.
final class LambdaFakeRuntimeAPI: Sendable {
    /// One report the runtime posted.
    struct Report: Sendable {
        /// `response`, `error` or `init/error`.
        var endpoint: String
        var requestID: String?
        var headers: HTTPHeaders
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private struct State {
        var queue: [(id: String, body: [UInt8])] = []
        var pollers: [CheckedContinuation<(id: String, body: [UInt8])?, Never>] = []
        var reports: [Report] = []
        var remoteAddresses: Set<String> = []
        var closed = false
    }

    private final class Shared: Sendable {
        let state = Mutex(State())
    }

    private let shared = Shared()
    private let server: HTTPServer
    /// The bound port.
    let port: Int

    init() throws {
        let shared = self.shared
        let configuration = HTTPServerConfiguration(
            port: 0, drainTimeout: .milliseconds(300), accessLog: false, eventLoopCount: 1,
            eventBackend: .fromTestEnvironment)
        server = HTTPServer(
            configuration: configuration,
            responder: HTTPClosureResponder { request in await Self.respond(to: request, shared: shared) },
            logger: .disabled)
        port = try server.start()
    }

    /// `AWS_LAMBDA_RUNTIME_API` for this fake.
    var address: String { "127.0.0.1:\(port)" }

    /// Queues an event for `/next`.
    func enqueue(id: String, body: [UInt8]) {
        let poller = shared.state.withLock { state -> CheckedContinuation<(id: String, body: [UInt8])?, Never>? in
            guard !state.pollers.isEmpty else {
                state.queue.append((id, body))
                return nil
            }
            return state.pollers.removeFirst()
        }
        poller?.resume(returning: (id, body))
    }

    /// Every report so far.
    var reports: [Report] { shared.state.withLock { $0.reports } }
    /// The distinct client addresses seen (one per connection).
    var remoteAddresses: Set<String> { shared.state.withLock { $0.remoteAddresses } }
    /// How many `/next` polls are waiting.
    var waitingPolls: Int { shared.state.withLock { $0.pollers.count } }

    /// Waits until at least `count` reports have arrived (or 20 s pass); returns them.
    func reports(count: Int) async -> [Report] {
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while reports.count < count && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return reports
    }

    /// Stops the server; pending polls are released afterwards.
    func shutdown() async {
        shared.state.withLock { $0.closed = true }
        await server.shutdown()
        let pollers = shared.state.withLock { state in
            defer { state.pollers.removeAll() }
            return state.pollers
        }
        for poller in pollers { poller.resume(returning: nil) }
    }

    private static func respond(to request: HTTPRequest, shared: Shared) async -> HTTPResponse {
        shared.state.withLock { _ = $0.remoteAddresses.insert(request.remoteAddress) }
        let accepted = HTTPResponse.json(status: 202, Array(#"{"status":"OK"}"#.utf8))
        let parts = request.path.split(separator: "/").map(String.init)
        let invocation = parts.count == 5 && parts[0...2] == ["2018-06-01", "runtime", "invocation"] ? parts[3...4] : nil
        switch (request.method, request.path) {
        case ("GET", "/2018-06-01/runtime/invocation/next"):
            let event = await withCheckedContinuation { continuation in
                let ready = shared.state.withLock { state -> (id: String, body: [UInt8])?? in
                    if state.closed { return .some(nil) }
                    if !state.queue.isEmpty { return .some(state.queue.removeFirst()) }
                    state.pollers.append(continuation)
                    return .none
                }
                if let ready { continuation.resume(returning: ready) }
            }
            guard let event else { return .error(status: 500, message: "shutting down") }
            let headers: HTTPHeaders = [
                "Lambda-Runtime-Aws-Request-Id": event.id, "Lambda-Runtime-Deadline-Ms": "\(Int64.max / 2)",
                "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:123456789012:function:skill",
            ]
            return HTTPResponse(status: 200, headers: headers, body: event.body)
        case ("POST", _) where invocation?.last == "response" || invocation?.last == "error":
            shared.state.withLock {
                $0.reports.append(
                    Report(endpoint: parts[4], requestID: parts[3], headers: request.headers, body: request.body))
            }
            return accepted
        case ("POST", "/2018-06-01/runtime/init/error"):
            shared.state.withLock {
                $0.reports.append(Report(endpoint: "init/error", headers: request.headers, body: request.body))
            }
            return accepted
        default:
            return .error(status: 404, message: "no such Runtime API path: \(request.method) \(request.path)")
        }
    }
}
