import SkillGateHTTP
import SkillGateLogging
import Synchronization

extension LambdaRuntime {
    /// What one long poll of `invocation/next` delivered.
    enum NextEvent {
        /// A whole event to hand to the handler.
        case invocation(Invocation)
        /// An event whose head arrived but whose body was cut off: it cannot be handled, but its
        /// request ID is known, so it is answered with this error rather than left to time out.
        case truncated(LambdaInvocationContext, LambdaFunctionError)
    }

    /// The error type reported for an event cut off in its body.
    static let truncatedEventType = "Runtime.TruncatedEvent"

    /// Waits for the next event; nil when the loop should end.
    ///
    /// Lost connections, 5xx and 429 are retried with the backoff; any other status is
    /// non-recoverable, and a 200 without `Lambda-Runtime-Aws-Request-Id` breaks the contract:
    /// both throw, like swift-aws-lambda-runtime, rather than consume events silently.
    func nextEvent() async throws(LambdaRuntimeError) -> NextEvent? {
        let call = "GET \(RuntimeAPI.next)"
        var failures = 0
        while true {
            guard let result = await longPoll() else { return nil }
            let problem: String
            let giveUp: LambdaRuntimeError.Kind
            switch result {
            case .success(let response) where response.status == 200:
                guard let invocation = Invocation(response) else { throw Self.missingRequestID(call: call) }
                logger.debug("invocation received", metadata: ["awsRequestId": invocation.context.requestID])
                return .invocation(invocation)
            case .success(let response) where response.status >= 500 || response.status == 429:
                problem = "status \(response.status) (\(Self.snippet(response.body)))"
                giveUp = .runtimeAPIFailure
            case .success(let response):
                throw Self.apiFailure(response, call: call)
            case .failure(let error):
                if Self.isStop(error) && isStopping { return nil }
                if let truncated = try truncatedEvent(error, call: call) { return truncated }
                problem = "\(error)"
                giveUp = .unreachable
            }
            failures += 1
            guard failures < retryPolicy.maxAttempts else {
                throw Self.gaveUp(call: call, failures: failures, lastProblem: problem, kind: giveUp, endpoint: endpoint)
            }
            let delay = retryPolicy.delay(afterFailure: failures)
            logger.warning(
                "waiting for the next event failed: \(problem); trying again in \(delay.logText)",
                metadata: ["attempt": "\(failures)"])
            guard await pause(for: delay) else { return nil }
        }
    }

    /// The event to answer with an error when a long poll failed after a 200 head arrived; nil
    /// for any other failure (which is retried).
    private func truncatedEvent(_ error: any Error, call: String) throws(LambdaRuntimeError) -> NextEvent? {
        guard let error = error as? HTTPClientError, let head = error.partialResponse, head.status == 200 else { return nil }
        guard let context = Invocation.context(from: head.headers) else { throw Self.missingRequestID(call: call) }
        logger.error(
            "the event arrived incomplete (\(error)); answering it with \(Self.truncatedEventType)",
            metadata: ["awsRequestId": context.requestID])
        let failure = LambdaFunctionError(
            type: Self.truncatedEventType,
            message: "the runtime received this invocation's headers but not its whole event: \(error.description)")
        return .truncated(context, failure)
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

    /// The error for a 200 from `/next` without a request ID.
    static func missingRequestID(call: String) -> LambdaRuntimeError {
        LambdaRuntimeError(
            kind: .contractViolation,
            description: "the Lambda Runtime API answered \(call) with an event but no \(RuntimeAPI.requestIDHeader) header, "
                + "so the event cannot be answered; this breaks the Runtime API contract, and the runtime exits so Lambda "
                + "can start a fresh environment")
    }
}
