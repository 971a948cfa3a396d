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
            what: "init error", strict: true)
    }

    /// Posts a handler's outcome to the response or error endpoint.
    func report(_ outcome: LambdaOutcome, for context: LambdaInvocationContext) async throws(LambdaRuntimeError) {
        switch outcome {
        case .response(let payload):
            try await post(path: RuntimeAPI.response(context.requestID), headers: [:], body: payload, what: "response")
            logger.debug("invocation answered", metadata: ["awsRequestId": context.requestID])
        case .failure(let error):
            logger.warning("invocation failed: \(error)", metadata: ["awsRequestId": context.requestID])
            try await post(
                path: RuntimeAPI.error(context.requestID), headers: RuntimeAPI.errorHeaders(error), body: error.jsonBytes,
                what: "error report")
        }
    }

    /// POSTs to the Runtime API, retrying lost connections with the backoff.
    ///
    /// 2xx is success. A 5xx is non-recoverable (AWS: "runtime should exit promptly") and throws;
    /// any other status is logged and the loop goes on, unless `strict`.
    private func post(
        path: String, headers: HTTPHeaders, body: [UInt8], what: String, strict: Bool = false
    ) async throws(LambdaRuntimeError) {
        var failures = 0
        while true {
            let result: Result<HTTPClientResponse, any Error>
            do {
                result = .success(
                    try await client.send(
                        method: "POST", path: path, headers: headers, body: body, timeout: retryPolicy.requestTimeout))
            } catch {
                result = .failure(error)
            }
            switch result {
            case .success(let response) where (200..<300).contains(response.status):
                return
            case .success(let response) where response.status >= 500 || strict:
                throw Self.apiFailure(response, call: "POST \(path)")
            case .success(let response):
                logger.error(
                    "the Runtime API refused the \(what) with status \(response.status): \(Self.snippet(response.body))")
                return
            case .failure(let error):
                if Self.isStop(error) && isStopping { return }
                logger.warning("sending the \(what) failed: \(error)", metadata: ["attempt": "\(failures + 1)"])
            }
            failures += 1
            guard try await pause(afterFailure: failures, call: "POST \(path)") else { return }
        }
    }

    /// Sleeps the backoff after a failure; throws when the attempts are used up, returns false
    /// when the loop was told to end meanwhile.
    func pause(afterFailure failures: Int, call: String) async throws(LambdaRuntimeError) -> Bool {
        guard failures < retryPolicy.maxAttempts else {
            throw LambdaRuntimeError(
                kind: .unreachable,
                description: "the Lambda Runtime API at \(endpoint) did not answer \(call) after \(failures) attempts; "
                    + "the runtime exits so Lambda can start a fresh environment")
        }
        try? await Task.sleep(for: retryPolicy.delay(afterFailure: failures))
        return !isStopping
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
