import SkillGateLogging
import Synchronization

/// Warns once when Lambda's remaining time is shorter than the runner's handler timeout: the
/// function timeout is then too short for SkillGate's spoken error reply to arrive in time.
final class HandlerTimeoutCheck: Sendable {
    private let handlerTimeout: Duration?
    private let logger: Logger
    private let checked = Atomic<Bool>(false)

    /// Creates a check.
    /// - Parameters:
    ///   - handlerTimeout: how long the runner lets a handler run; nil turns the check off.
    ///   - logger: where the warning goes.
    init(handlerTimeout: Duration?, logger: Logger) {
        self.handlerTimeout = handlerTimeout
        self.logger = logger
    }

    /// Checks the first invocation's remaining time; later calls do nothing.
    /// - Parameter remaining: the time left until the invocation's deadline; nil without one.
    func warnOnce(remaining: Duration?) {
        guard let handlerTimeout, let remaining, !checked.exchange(true, ordering: .relaxed) else { return }
        if let warning = Self.warning(remaining: remaining, handlerTimeout: handlerTimeout) {
            logger.warning(warning)
        }
    }

    /// The warning for an invocation with `remaining` time left, or nil when that is enough.
    /// A deadline already past is said so, with how long ago, never as a negative duration.
    /// - Parameters:
    ///   - remaining: the time left until the deadline (negative once it has passed).
    ///   - handlerTimeout: how long a handler may take.
    static func warning(remaining: Duration, handlerTimeout: Duration) -> String? {
        guard remaining < handlerTimeout + .milliseconds(500) else { return nil }
        let advice = "handlers may take \(handlerTimeout.logText); set the function timeout to at least 8 seconds"
        guard remaining > .zero else {
            return "the invocation's Lambda deadline had already passed when it started (\(remaining.magnitude.logText) ago); "
                + advice + ", and check the clock if the timeout is already long enough"
        }
        return "the Lambda function timeout leaves \(remaining.logText), but " + advice
    }
}
