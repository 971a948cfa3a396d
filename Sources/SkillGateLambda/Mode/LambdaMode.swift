package import SkillGateCore
package import SkillGateLogging
import SkillGateSystem

/// `lambda`: the skill as an AWS Lambda custom runtime (`provided.al2023`, the binary zipped as
/// `bootstrap`). Chosen automatically when `AWS_LAMBDA_RUNTIME_API` is set.
///
/// Every event is a request envelope from Alexa's Lambda trigger, which checks the skill ID
/// before invoking, so there is no signature to verify here; the runner still checks the
/// applicationId. A response (including the spoken apology for a handler that failed) goes to
/// the response endpoint; a request the runner rejects (malformed, wrong skill) goes to the
/// error endpoint as `SkillGate.<code>`.
package struct LambdaMode: ContextMode {
    package let context: ModeContext

    package init(_ context: ModeContext) { self.context = context }

    /// Exit code 78 (EX_CONFIG): `AWS_LAMBDA_RUNTIME_API` is missing or malformed.
    package static let configurationExitCode: Int32 = 78
    /// Exit code 70 (EX_SOFTWARE): the Runtime API failed or stayed unreachable.
    package static let runtimeFailureExitCode: Int32 = 70

    package func run() async -> Int32 {
        let endpoint: LambdaRuntimeEndpoint
        do {
            endpoint = try LambdaRuntimeEndpoint(environment: environment)
        } catch {
            logger.reportFailure("\(error)")
            return Self.configurationExitCode
        }
        let runtime = LambdaRuntime(endpoint: endpoint, logger: logger)
        shutdown.onTrigger { [logger] reason in
            logger.notice("\(reason); stopping the Lambda runtime")
            runtime.triggerGracefulShutdown()
        }
        let runner = self.runner
        let timeoutCheck = HandlerTimeoutCheck(handlerTimeout: runner.options.handlerTimeout, logger: logger)
        logger.info(
            "\(runner.configuration.name) is running as a Lambda custom runtime (Runtime API \(endpoint))", metadata: skillFacts)
        do {
            try await runtime.run { event, context in
                timeoutCheck.warnOnce(remaining: context.remainingTime)
                return await Self.answer(event, runner: runner)
            }
            logger.info("the Lambda runtime stopped after \(runtime.invocationsHandled) invocation(s)")
            return 0
        } catch {
            logger.reportFailure("\(error)")
            return Self.runtimeFailureExitCode
        }
    }

    /// Runs one event through the runner: a response envelope for the response endpoint, or a
    /// rejection for the error endpoint.
    package static func answer(_ event: [UInt8], runner: SkillRunner) async -> LambdaOutcome {
        let result = await runner.handle(body: event)
        if let error = result.error {
            return .failure(functionError(for: error))
        }
        return .response(result.body)
    }

    /// The Lambda error for a rejected request: `SkillGate.<code>` and the runner's message.
    package static func functionError(for error: SkillError) -> LambdaFunctionError {
        LambdaFunctionError(type: "SkillGate.\(error.code.name)", message: error.message)
    }

    /// Reports a start-up failure (e.g. invalid routes) to the Runtime API's init error endpoint,
    /// when `AWS_LAMBDA_RUNTIME_API` is set; Lambda then shows it in the function's logs.
    /// - Parameters:
    ///   - error: what went wrong.
    ///   - environment: the process environment.
    ///   - logger: where a failure to report goes.
    package static func reportInitError(_ error: SkillError, environment: [String: String], logger: Logger) async {
        guard let endpoint = try? LambdaRuntimeEndpoint(environment: environment) else { return }
        let runtime = LambdaRuntime(
            endpoint: endpoint, retryPolicy: LambdaRetryPolicy(maxAttempts: 3, requestTimeout: .seconds(5)), logger: logger)
        let type = error.code == .duplicateRoute || error.code == .invalidConfiguration ? "Runtime.ConfigInvalid" : "Runtime.InitError"
        do {
            try await runtime.reportInitError(LambdaFunctionError(type: type, message: error.message))
        } catch {
            logger.error("could not report the start-up failure to the Runtime API: \(error)")
        }
    }
}
