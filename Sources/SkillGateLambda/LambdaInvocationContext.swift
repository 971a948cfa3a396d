#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the Runtime API says about one invocation, from the headers of `invocation/next`.
public struct LambdaInvocationContext: Sendable {
    /// `Lambda-Runtime-Aws-Request-Id`: identifies the invocation in the response and error paths.
    public var requestID: String
    /// `Lambda-Runtime-Deadline-Ms`: when Lambda stops the function, in milliseconds since 1970.
    public var deadlineMillisecondsSince1970: Int64?
    /// The same deadline on the monotonic clock, fixed when the event arrived; nil without the header.
    public var deadline: ContinuousClock.Instant?
    /// `Lambda-Runtime-Invoked-Function-Arn`: the function (with version or alias) that was invoked.
    public var invokedFunctionARN: String?
    /// `Lambda-Runtime-Trace-Id`: the X-Ray trace header, also exported as `_X_AMZN_TRACE_ID`.
    public var traceID: String?
    /// `Lambda-Runtime-Client-Context`: the mobile SDK client context, when there is one.
    public var clientContext: String?
    /// `Lambda-Runtime-Cognito-Identity`: the mobile SDK Cognito identity, when there is one.
    public var cognitoIdentity: String?

    /// Creates a context.
    /// - Parameters:
    ///   - requestID: the invocation's request ID.
    ///   - deadlineMillisecondsSince1970: the wall-clock deadline.
    ///   - deadline: the monotonic deadline; derived from the wall-clock one when nil.
    ///   - invokedFunctionARN: the invoked function's ARN.
    ///   - traceID: the X-Ray trace header.
    ///   - clientContext: the client context.
    ///   - cognitoIdentity: the Cognito identity.
    public init(
        requestID: String, deadlineMillisecondsSince1970: Int64? = nil, deadline: ContinuousClock.Instant? = nil,
        invokedFunctionARN: String? = nil, traceID: String? = nil, clientContext: String? = nil,
        cognitoIdentity: String? = nil
    ) {
        self.requestID = requestID
        self.deadlineMillisecondsSince1970 = deadlineMillisecondsSince1970
        self.deadline = deadline ?? deadlineMillisecondsSince1970.map(Self.monotonicInstant(forWallClockMilliseconds:))
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
    }

    /// How long until the deadline (negative once it has passed); nil without a deadline.
    public var remainingTime: Duration? {
        deadline.map { ContinuousClock.now.duration(to: $0) }
    }

    /// The current wall-clock time in milliseconds since 1970.
    public static func wallClockMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    /// Maps a wall-clock deadline onto the monotonic clock, as seen from now.
    private static func monotonicInstant(forWallClockMilliseconds milliseconds: Int64) -> ContinuousClock.Instant {
        ContinuousClock.now.advanced(by: .milliseconds(milliseconds &- wallClockMilliseconds()))
    }
}
