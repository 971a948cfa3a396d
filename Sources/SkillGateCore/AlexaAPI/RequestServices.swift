/// What a runner gives each request beyond the envelope: when the handler must have answered,
/// and how to reach the Alexa APIs. Held in the context's shared storage.
struct RequestServices: Sendable {
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
    /// The context of a request starting now, with the runner's services: the deadline is
    /// `handlerTimeout` from now, or the assumed deadline when the runner has none.
    ///
    /// Synchronous and never inlined on purpose: `ContinuousClock.Instant` has a resilient layout,
    /// so every temporary of it in an async function is a task allocation.
    @inline(never)
    func makeContext(for envelope: consuming RequestEnvelope) -> RequestContext {
        let budget = options.handlerTimeout ?? options.alexaAPI.deadlineWithoutHandlerTimeout
        let services = RequestServices(alexaAPI: options.alexaAPI, deadline: .now + budget)
        return RequestContext(envelope: envelope, logger: logger, skillName: configuration.name, services: services)
    }
}
