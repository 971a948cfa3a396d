/// What a runner gives each request beyond the envelope: when the handler must have answered,
/// and how to reach the Alexa APIs. One shared, immutable box per request.
final class RequestServices: Sendable {
    /// The transport and call limits.
    let alexaAPI: AlexaAPIOptions
    /// When the handler's time is up.
    let deadline: ContinuousClock.Instant

    init(alexaAPI: AlexaAPIOptions, deadline: ContinuousClock.Instant) {
        self.alexaAPI = alexaAPI
        self.deadline = deadline
    }
}

extension SkillRunner {
    /// The services for a request starting now: the deadline is `handlerTimeout` from now, or the
    /// assumed deadline when the runner has none.
    func requestServices() -> RequestServices {
        let budget = options.handlerTimeout ?? options.alexaAPI.deadlineWithoutHandlerTimeout
        return RequestServices(alexaAPI: options.alexaAPI, deadline: .now + budget)
    }
}
