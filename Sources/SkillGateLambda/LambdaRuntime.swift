import Glibc
public import SkillGateLogging
import SkillGateHTTP
import Synchronization

/// An AWS Lambda custom runtime (`provided.al2023`): polls the Runtime API for events, hands each
/// to a handler, and posts the handler's answer back. It knows nothing about what the events mean.
///
/// Everything goes over one persistent keep-alive connection to the Runtime API, and the long poll
/// for the next event has no client timeout. A failed invocation is reported to the error endpoint
/// and the loop goes on; a lost connection is retried with a short bounded backoff
/// (``LambdaRetryPolicy``). The loop ends when ``stop()`` is called, when the calling task is
/// cancelled, or when the Runtime API reports a non-recoverable state (then ``run(_:)`` throws
/// and the process should exit so Lambda can start a fresh environment).
///
/// ```swift
/// let runtime = LambdaRuntime(endpoint: try LambdaRuntimeEndpoint(environment: environment), logger: logger)
/// try await runtime.run { event, context in .response(event) }
/// ```
public final class LambdaRuntime: Sendable {
    /// Answers one invocation: the event payload and its context in, the outcome out.
    public typealias Handler = @Sendable (_ event: [UInt8], _ context: LambdaInvocationContext) async -> LambdaOutcome

    private struct State {
        var started = false
        var stopRequested = false
        /// The long poll in progress, cancelled by ``stop()``.
        var poll: Task<HTTPClientResponse, any Error>?
    }

    /// The Runtime API this runtime talks to.
    public let endpoint: LambdaRuntimeEndpoint
    /// How lost connections are retried.
    public let retryPolicy: LambdaRetryPolicy
    let logger: Logger
    let client: HTTPClient
    private let state = Mutex(State())
    private let handled = Atomic<Int>(0)

    /// Creates a runtime; nothing connects until ``run(_:)`` or ``reportInitError(_:)``.
    /// - Parameters:
    ///   - endpoint: the Runtime API address (from `AWS_LAMBDA_RUNTIME_API`).
    ///   - retryPolicy: how lost connections are retried.
    ///   - logger: receives failures and, at debug level, one line per invocation (never payloads).
    public init(endpoint: LambdaRuntimeEndpoint, retryPolicy: LambdaRetryPolicy = LambdaRetryPolicy(), logger: Logger) {
        self.endpoint = endpoint
        self.retryPolicy = retryPolicy
        self.logger = logger
        self.client = HTTPClient(host: endpoint.host, port: endpoint.port)
    }

    /// The number of invocations answered so far (on either endpoint).
    public var invocationsHandled: Int { handled.load(ordering: .relaxed) }

    /// Runs the loop: next event → `handler` → response or error `POST`, until stopped.
    ///
    /// Returns normally after ``stop()`` or task cancellation; the connection is closed on return.
    /// - Parameter handler: answers each invocation; it runs on the calling task.
    /// - Throws: ``LambdaRuntimeError`` when the Runtime API stays unreachable after the retries,
    ///   answers with a non-recoverable status, or the runtime has already run.
    public func run(_ handler: Handler) async throws(LambdaRuntimeError) {
        let alreadyStarted = state.withLock { state -> Bool in
            defer { state.started = true }
            return state.started
        }
        guard !alreadyStarted else {
            throw LambdaRuntimeError(kind: .alreadyRunning, description: "this LambdaRuntime has already run; create a new one")
        }
        defer { client.close() }
        logger.debug("polling the Lambda Runtime API at \(endpoint)")
        while let invocation = try await nextInvocation() {
            let context = invocation.context
            Self.exportTraceID(context.traceID)
            let outcome = await handler(invocation.event, context)
            try await report(outcome, for: context)
            handled.add(1, ordering: .relaxed)
        }
        logger.debug("Lambda runtime loop stopped after \(invocationsHandled) invocation(s)")
    }

    /// Asks the loop to end: a long poll in progress is interrupted at once; an invocation in
    /// progress is answered first. Safe to call from any thread, any number of times.
    public func stop() {
        let poll = state.withLock { state -> Task<HTTPClientResponse, any Error>? in
            state.stopRequested = true
            return state.poll
        }
        poll?.cancel()
    }

    /// The lifecycle name of ``stop()``: `main()` calls it on SIGTERM/SIGINT through a
    /// graceful-shutdown trigger; the library installs no signal handlers itself.
    public func triggerGracefulShutdown() {
        stop()
    }

    /// Waits for the next invocation; nil when the loop should end.
    private func nextInvocation() async throws(LambdaRuntimeError) -> Invocation? {
        var failures = 0
        while true {
            guard let result = await longPoll() else { return nil }
            switch result {
            case .success(let response) where response.status == 200:
                if let invocation = Invocation(response) {
                    logger.debug("invocation received", metadata: ["awsRequestId": invocation.context.requestID])
                    return invocation
                }
                logger.error("the Runtime API sent an event without \(RuntimeAPI.requestIDHeader); it cannot be answered")
            case .success(let response):
                throw Self.apiFailure(response, call: "GET \(RuntimeAPI.next)")
            case .failure(let error):
                if Self.isStop(error) && isStopping { return nil }
                logger.warning("waiting for the next event failed: \(error)", metadata: ["attempt": "\(failures + 1)"])
            }
            failures += 1
            guard try await pause(afterFailure: failures, call: "GET \(RuntimeAPI.next)") else { return nil }
        }
    }

    /// One `GET invocation/next` with no timeout, in a task ``stop()`` can cancel; nil when the
    /// loop was told to end before it began.
    private func longPoll() async -> Result<HTTPClientResponse, any Error>? {
        if Task.isCancelled { return nil }
        let client = self.client
        let poll = state.withLock { state -> Task<HTTPClientResponse, any Error>? in
            guard !state.stopRequested else { return nil }
            let task = Task { try await client.send(method: "GET", path: RuntimeAPI.next, timeout: nil) }
            state.poll = task
            return task
        }
        guard let poll else { return nil }
        let result = await withTaskCancellationHandler {
            await poll.result
        } onCancel: {
            poll.cancel()
        }
        state.withLock { $0.poll = nil }
        return result
    }

    /// Whether the loop has been told to end (by ``stop()`` or task cancellation).
    var isStopping: Bool {
        Task.isCancelled || state.withLock { $0.stopRequested }
    }

    /// Sets or clears `_X_AMZN_TRACE_ID` for the invocation about to run.
    private static func exportTraceID(_ traceID: String?) {
        if let traceID {
            setenv(RuntimeAPI.traceEnvironmentVariable, traceID, 1)
        } else {
            unsetenv(RuntimeAPI.traceEnvironmentVariable)
        }
    }
}
