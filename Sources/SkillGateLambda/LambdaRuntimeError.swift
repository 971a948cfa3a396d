@_exported public import struct SkillGateSystem.KindedError

/// Why the Lambda runtime loop could not start or had to stop, with a message a person can act on.
public typealias LambdaRuntimeError = KindedError<LambdaRuntimeErrorKind>

/// The broad kind of ``LambdaRuntimeError``.
public enum LambdaRuntimeErrorKind: Sendable, Equatable {
    /// `AWS_LAMBDA_RUNTIME_API` is missing or is not `host:port`.
    case invalidEndpoint
    /// The Runtime API stayed unreachable after every retry.
    case unreachable
    /// The Runtime API answered with a status that AWS documents as non-recoverable (such as
    /// 403), or kept answering 5xx or 429 after every retry; the runtime must exit so Lambda
    /// can start a fresh one.
    case runtimeAPIFailure
    /// The Runtime API broke its contract, e.g. an event without `Lambda-Runtime-Aws-Request-Id`,
    /// which cannot be answered; the runtime exits rather than drop the event silently.
    case contractViolation
    /// ``LambdaRuntime/run(_:)`` was called on a runtime that had already run.
    case alreadyRunning
}
