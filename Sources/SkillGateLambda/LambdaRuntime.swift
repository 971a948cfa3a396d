#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
public import SkillGateLogging
import SkillGateHTTP
import Synchronization

/// An AWS Lambda custom runtime (`provided.al2023`): polls the Runtime API for events, hands each
/// to a handler, and posts the handler's answer back. It knows nothing about what the events mean.
///
/// Everything goes over one persistent keep-alive connection to the Runtime API, and the long poll
/// for the next event has no client timeout. A failed invocation is reported to the error endpoint
/// and the loop goes on. A lost connection, and a 5xx or 429 on the long poll, are retried with a
/// short bounded backoff (``LambdaRetryPolicy``). An answer is sent again only when it certainly
/// did not reach Lambda (no connection could be made): once it may have arrived, it is never
/// resent, so no invocation is answered twice. An event cut off in its body is answered with a
/// `Runtime.TruncatedEvent` error. The loop ends when ``stop()`` is called, when the calling task
/// is cancelled, or when the Runtime API reports a non-recoverable state or breaks its contract
/// (then ``run(_:)`` throws and the process should exit so Lambda can start a fresh environment).
///
/// ```swift
/// let runtime = LambdaRuntime(endpoint: try LambdaRuntimeEndpoint(environment: environment), logger: logger)
/// try await runtime.run { event, context in .response(event) }
/// ```
public final class LambdaRuntime: Sendable {
    /// Answers one invocation: the event payload and its context in, the outcome out.
    public typealias Handler = @Sendable (_ event: [UInt8], _ context: LambdaInvocationContext) async -> LambdaOutcome

    /// The loop's lifecycle, shared with ``stop()``.
    struct State {
        var started = false
        var stopRequested = false
        /// The long poll in progress, cancelled by ``stop()``.
        var poll: Task<HTTPClientResponse, any Error>?
    }

    /// The Runtime API this runtime talks to.
    public let endpoint: LambdaRuntimeEndpoint
    /// How lost connections and failing long polls are retried.
    public let retryPolicy: LambdaRetryPolicy
    let logger: Logger
    let client: HTTPClient
    let state = Mutex(State())
    private let handled = Atomic<Int>(0)

    /// Creates a runtime; nothing connects until ``run(_:)`` or ``reportInitError(_:)``.
    /// - Parameters:
    ///   - endpoint: the Runtime API address (from `AWS_LAMBDA_RUNTIME_API`).
    ///   - retryPolicy: how lost connections and failing long polls are retried.
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
    /// - Throws: ``LambdaRuntimeError`` when the Runtime API stays unreachable or failing after the
    ///   retries, answers with a non-recoverable status, sends an event without a request ID, or
    ///   the runtime has already run.
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
        while let next = try await nextEvent() {
            switch next {
            case .invocation(let invocation):
                let context = invocation.context
                Self.exportTraceID(context.traceID)
                let outcome = await handler(invocation.event, context)
                try await report(outcome, for: context)
            case .truncated(let context, let failure):
                try await report(.failure(failure), for: context)
            }
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

    /// Sets or clears `_X_AMZN_TRACE_ID` for the invocation about to run.
    private static func exportTraceID(_ traceID: String?) {
        if let traceID {
            setenv(RuntimeAPI.traceEnvironmentVariable, traceID, 1)
        } else {
            unsetenv(RuntimeAPI.traceEnvironmentVariable)
        }
    }
}
