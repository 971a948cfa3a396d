/// How handlers reach the Alexa service APIs (`context.alexa`): the transport, and how long a
/// call may take.
///
/// Every call is bounded twice: by ``callTimeout``, and by the time left before the handler's
/// deadline (the runner's `handlerTimeout`, or ``deadlineWithoutHandlerTimeout`` when it has none),
/// less ``answerReserve`` so the handler can still answer when a call times out.
public struct AlexaAPIOptions: Sendable {
    /// Sends the calls; nil makes every call fail with ``AlexaAPIError/Kind/transportUnavailable``.
    /// `SkillMain.run` (in `import SkillGate`) sets one for `stdio`, `serve` and `lambda`.
    public var transport: (any AlexaAPITransport)?
    /// The longest one call may take, however much time the handler has left.
    public var callTimeout: Duration
    /// The handler deadline calls assume when the runner has no `handlerTimeout` (in `serve` the
    /// HTTP server enforces its own 7 s deadline).
    public var deadlineWithoutHandlerTimeout: Duration
    /// Time kept back from each call for the handler to answer after a call times out.
    public var answerReserve: Duration

    /// Creates options.
    /// - Parameters:
    ///   - transport: the transport; nil for none.
    ///   - callTimeout: the cap per call; 3 s by default.
    ///   - deadlineWithoutHandlerTimeout: the assumed handler deadline; 7 s by default.
    ///   - answerReserve: time kept back for the answer; 250 ms by default.
    public init(
        transport: (any AlexaAPITransport)? = nil, callTimeout: Duration = .seconds(3),
        deadlineWithoutHandlerTimeout: Duration = .seconds(7), answerReserve: Duration = .milliseconds(250)
    ) {
        self.transport = transport
        self.callTimeout = callTimeout
        self.deadlineWithoutHandlerTimeout = deadlineWithoutHandlerTimeout
        self.answerReserve = answerReserve
    }
}
