/// How the runtime copes with a lost connection to the Runtime API, and with a long poll answered
/// 5xx or 429: a short, bounded, doubling backoff, then it gives up so Lambda can replace the
/// execution environment. (An answer that may already have arrived is never sent again.)
public struct LambdaRetryPolicy: Sendable {
    /// How many consecutive failed attempts of one call are made before the runtime gives up.
    public var maxAttempts: Int
    /// The pause after the first failure; it doubles after each further failure.
    public var initialDelay: Duration
    /// The longest pause between attempts.
    public var maxDelay: Duration
    /// The longest a response or error `POST` may take (the long poll for the next event has no limit).
    public var requestTimeout: Duration

    /// Creates a policy; the defaults give up after about 2.5 s of failures.
    /// - Parameters:
    ///   - maxAttempts: attempts per call, at least 1; 10 by default.
    ///   - initialDelay: the first pause; 10 ms by default.
    ///   - maxDelay: the pause cap; 500 ms by default.
    ///   - requestTimeout: the limit for `POST`s; 30 s by default.
    public init(
        maxAttempts: Int = 10, initialDelay: Duration = .milliseconds(10), maxDelay: Duration = .milliseconds(500),
        requestTimeout: Duration = .seconds(30)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.requestTimeout = requestTimeout
    }

    /// The pause after the `failures`-th consecutive failure (1-based).
    /// - Parameter failures: how many attempts have failed so far.
    /// - Returns: `initialDelay × 2^(failures-1)`, capped at ``maxDelay``.
    public func delay(afterFailure failures: Int) -> Duration {
        var delay = initialDelay
        var step = 1
        while step < failures && delay < maxDelay {
            delay *= 2
            step += 1
        }
        return min(delay, maxDelay)
    }
}
