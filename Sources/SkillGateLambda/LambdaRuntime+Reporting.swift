import SkillGateHTTP
import SkillGateLogging

extension LambdaRuntime {
    /// Reports a failure during start-up to `/2018-06-01/runtime/init/error`; Lambda then logs it
    /// and discards the execution environment. Call it before (instead of) ``run(_:)``.
    /// - Parameter error: what went wrong, e.g. `Runtime.ConfigInvalid`.
    /// - Throws: ``LambdaRuntimeError`` when the Runtime API cannot be reached or refuses the report.
    public func reportInitError(_ error: LambdaFunctionError) async throws(LambdaRuntimeError) {
        logger.error("initialization failed: \(error)")
        try await post(
            path: RuntimeAPI.initError, headers: RuntimeAPI.errorHeaders(error), body: error.jsonBytes,
            what: "init error", requestID: nil, strict: true)
    }

    /// Posts a handler's outcome to the response or error endpoint.
    func report(_ outcome: LambdaOutcome, for context: LambdaInvocationContext) async throws(LambdaRuntimeError) {
        switch outcome {
        case .response(let payload):
            let delivered = try await post(
                path: RuntimeAPI.response(context.requestID), headers: [:], body: payload, what: "response",
                requestID: context.requestID)
            if delivered { logger.debug("invocation answered", metadata: ["awsRequestId": context.requestID]) }
        case .failure(let error):
            logger.warning("invocation failed: \(error)", metadata: ["awsRequestId": context.requestID])
            try await post(
                path: RuntimeAPI.error(context.requestID), headers: RuntimeAPI.errorHeaders(error), body: error.jsonBytes,
                what: "error report", requestID: context.requestID)
        }
    }

    /// POSTs to the Runtime API, at most once unless it certainly did not arrive.
    ///
    /// 2xx is success. A 5xx is non-recoverable (AWS: "runtime should exit promptly") and throws;
    /// any other status is logged and the loop goes on, unless `strict`. The request is sent again
    /// (with the backoff) only when no connection could be made; once it may have reached Lambda
    /// (the connection broke after sending, timed out, or the answer was malformed) it is never
    /// resent, since that could answer the invocation twice: the failure is logged and the loop
    /// goes on to the next event.
    /// - Returns: whether Lambda accepted it.
    @discardableResult
    private func post(
        path: String, headers: HTTPHeaders, body: [UInt8], what: String, requestID: String?, strict: Bool = false
    ) async throws(LambdaRuntimeError) -> Bool {
        let call = "POST \(path)"
        let metadata = requestID.map { ["awsRequestId": $0] } ?? [:]
        var failures = 0
        while true {
            let result: Result<HTTPClientResponse, any Error>
            do {
                result = .success(
                    try await client.send(
                        method: "POST", path: path, headers: headers, body: body, timeout: retryPolicy.requestTimeout,
                        retryOnStaleConnection: false))
            } catch {
                result = .failure(error)
            }
            let problem: String
            switch result {
            case .success(let response) where (200..<300).contains(response.status):
                return true
            case .success(let response) where response.status >= 500 || strict:
                throw Self.apiFailure(response, call: call)
            case .success(let response):
                logger.error(
                    "the Runtime API refused the \(what) with status \(response.status): \(Self.snippet(response.body))",
                    metadata: metadata)
                return false
            case .failure(let error):
                if Self.isStop(error) && isStopping { return false }
                guard Self.certainlyNotSent(error) else {
                    logger.error(
                        "the connection to the Runtime API failed after the \(what) was sent (\(error)); it may not have "
                            + "arrived, but it is not sent again, which could answer the invocation twice",
                        metadata: metadata)
                    return false
                }
                problem = "\(error)"
            }
            failures += 1
            guard failures < retryPolicy.maxAttempts else {
                throw Self.gaveUp(call: call, failures: failures, lastProblem: problem, kind: .unreachable, endpoint: endpoint)
            }
            let delay = retryPolicy.delay(afterFailure: failures)
            logger.warning(
                "sending the \(what) failed before it reached the Runtime API: \(problem); trying again in \(delay.logText)",
                metadata: metadata.merging(["attempt": "\(failures)"]) { _, new in new })
            guard await pause(for: delay) else { return false }
        }
    }

    /// Whether a failed request certainly never reached the server, so sending it again is safe:
    /// no connection could be made (refused, unreachable, unresolvable, or timed out connecting).
    static func certainlyNotSent(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError, !error.requestSent else { return false }
        return error.kind == .connectionFailed || error.kind == .hostNotFound || error.kind == .timedOut
    }

    /// Sleeps the backoff before another attempt; false when the loop was told to end meanwhile.
    func pause(for delay: Duration) async -> Bool {
        try? await Task.sleep(for: delay)
        return !isStopping
    }

    /// The error once every attempt of a call has failed.
    static func gaveUp(
        call: String, failures: Int, lastProblem: String, kind: LambdaRuntimeError.Kind, endpoint: LambdaRuntimeEndpoint
    ) -> LambdaRuntimeError {
        let what = kind == .unreachable ? "did not answer \(call)" : "kept failing \(call)"
        return LambdaRuntimeError(
            kind: kind,
            description: "the Lambda Runtime API at \(endpoint) \(what) after \(failures) attempts (last: \(lastProblem)); "
                + "the runtime exits so Lambda can start a fresh environment")
    }

    /// Whether a client error means the loop was stopped (closed client or cancelled task).
    static func isStop(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        if let error = error as? HTTPClientError, error.kind == .clientClosed { return true }
        return false
    }

    /// The error for a status AWS documents as non-recoverable.
    static func apiFailure(_ response: HTTPClientResponse, call: String) -> LambdaRuntimeError {
        LambdaRuntimeError(
            kind: .runtimeAPIFailure,
            description: "the Lambda Runtime API answered \(call) with status \(response.status) "
                + "(\(snippet(response.body))); the runtime exits so Lambda can start a fresh environment")
    }

    /// The start of a response body for a log line.
    static func snippet(_ body: [UInt8]) -> String {
        guard !body.isEmpty else { return "empty body" }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return body.count > 200 ? text + "…" : text
    }
}
