/// Why the Lambda runtime loop could not start or had to stop, with a message a person can act on.
public struct LambdaRuntimeError: Error, Sendable, CustomStringConvertible {
    /// The broad kind of failure.
    public enum Kind: Sendable, Equatable {
        /// `AWS_LAMBDA_RUNTIME_API` is missing or is not `host:port`.
        case invalidEndpoint
        /// The Runtime API stayed unreachable after every retry.
        case unreachable
        /// The Runtime API answered with a status that AWS documents as non-recoverable (such as
        /// 500 "container error"); the runtime must exit so Lambda can start a fresh one.
        case runtimeAPIFailure
        /// ``LambdaRuntime/run(_:)`` was called on a runtime that had already run.
        case alreadyRunning
    }

    /// The broad kind of failure.
    public let kind: Kind
    /// The full explanation.
    public let description: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of failure.
    ///   - description: the actionable message.
    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }
}
