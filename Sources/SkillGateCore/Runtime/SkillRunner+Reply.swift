extension SkillRunner {
    /// Handles a request body and hands the result to `reply` exactly once: the handler's, or, when
    /// the handler misses ``RunnerOptions/handlerTimeout``, the spoken apology at the deadline, while
    /// the handler may still be running.
    ///
    /// Unlike ``handle(body:)``, the handler runs in the calling task, with no task of its own to
    /// race the deadline: a caller that delivers the result by callback (the HTTP endpoint) saves a
    /// task and two thread hops per request. After an early reply the handler is not cancelled
    /// here; the caller cancels its task (the HTTP server does).
    /// - Parameters:
    ///   - body: the UTF-8 JSON request envelope.
    ///   - reply: receives the response, or the rejection with its JSON error body.
    package func handle(body: some Collection<UInt8>, reply: @escaping @Sendable (SkillResult) -> Void) async {
        switch admit(body: body) {
        case .rejected(let rejection): reply(rejection)
        case .admitted(let envelope): await handle(admitted: envelope, reply: reply)
        }
    }

    /// Handles a request that ``admit(body:)`` let through, like ``handle(admitted:)``, but hands
    /// the result to `reply` (see ``handle(body:reply:)``). The handler deadline starts now.
    /// - Parameters:
    ///   - envelope: the admitted envelope.
    ///   - reply: receives the response.
    package func handle(admitted envelope: consuming RequestEnvelope, reply: @escaping @Sendable (SkillResult) -> Void) async {
        let summary = RequestSummary(envelope: envelope)
        let context = makeContext(for: envelope)
        guard let timeout = options.handlerTimeout else {
            return reply(finish(await dispatchThroughMiddleware(context), context: context, summary: summary))
        }
        let race = DeadlineRace<SkillResult>(reply: reply) {
            context.log(.error, "the handler did not answer within \(timeout); sent the error reply")
            return self.finish(self.safeReply(for: context), context: context, summary: summary)
        }
        DeadlineWatch.shared.watch(race, until: ContinuousClock.now.advanced(by: timeout))
        let response = await dispatchThroughMiddleware(context)
        // nil when the deadline has answered already.
        guard let reply = race.claim() else { return }
        reply(finish(response, context: context, summary: summary))
    }
}
