/// The handler's deadline and the Alexa service APIs, as handlers see them.
extension RequestContext {
    /// Creates a context the way a runner does, with a deadline and a way to call the Alexa APIs
    /// (for tests that call a handler directly).
    /// - Parameters:
    ///   - envelope: the request.
    ///   - logger: the skill's logger.
    ///   - skillName: the skill's name.
    ///   - deadline: when the handler must have answered.
    ///   - alexaAPI: the transport and call limits.
    public init(
        envelope: RequestEnvelope, logger: Logger, skillName: String, deadline: ContinuousClock.Instant,
        alexaAPI: AlexaAPIOptions = AlexaAPIOptions()
    ) {
        self.init(
            envelope: envelope, logger: logger, skillName: skillName, services: RequestServices(alexaAPI: alexaAPI, deadline: deadline))
    }

    /// When the handler must have answered: the runner's `handlerTimeout` after the request
    /// arrived, or ``AlexaAPIOptions/deadlineWithoutHandlerTimeout`` (7 s) when it has none. A
    /// context made with ``init(envelope:logger:skillName:)`` has no deadline of its own and
    /// reports that default from now.
    public var deadline: ContinuousClock.Instant {
        services?.deadline ?? .now + AlexaAPIOptions().deadlineWithoutHandlerTimeout
    }

    /// The time left before ``deadline``; zero once it has passed.
    public var remainingTime: Duration { max(.zero, deadline - .now) }

    /// The Alexa service APIs for this request's user and device: `try await
    /// context.alexa.deviceAddress()`, `.email()`, `.sendProgressiveResponse(…)`.
    public var alexa: AlexaAPIClient { AlexaAPIClient(context: self) }

    /// Speaks `speech` now, while the handler goes on working (a progressive response through
    /// the Directive API), e.g. "Looking up your ride…".
    /// - Parameter speech: plain text.
    /// - Throws: ``AlexaAPIError``; a failed progressive response should not fail the request, so
    ///   most handlers catch it, log it and carry on.
    public func sendProgressiveResponse(_ speech: String) async throws(AlexaAPIError) {
        try await alexa.sendProgressiveResponse(speech)
    }
}
