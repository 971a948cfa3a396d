/// Routing: which route answers a request, and what answers when none does.
extension SkillRunner {
    /// The middleware chain around ``dispatch(_:)``, first outermost; a throw is answered like a
    /// handler error. Inlined: a skill without middleware pays no extra async frame.
    @inline(__always)
    func dispatchThroughMiddleware(_ context: RequestContext) async -> SkillResponse {
        guard !middleware.isEmpty else { return await dispatch(context) }
        do {
            return try await runMiddleware(from: 0, context.storage.envelope.request, context)
        } catch {
            return await reply(to: error, context: context)
        }
    }

    /// Layer `index` of the middleware, its `next` the layers after it and then ``dispatch(_:)``.
    /// `next` is passed straight into the call (it is not escaping), so walking the chain builds
    /// no closure on the heap.
    private func runMiddleware(from index: Int, _ request: Request, _ context: RequestContext) async throws -> SkillResponse {
        guard index < middleware.count else { return await dispatch(context) }
        return try await middleware[index].handle(request, context: context) { request, context in
            try await self.runMiddleware(from: index + 1, request, context)
        }
    }

    func dispatch(_ context: RequestContext) async -> SkillResponse {
        let request = context.storage.envelope.request
        switch request {
        case .launch:
            guard let route = table.launch else { return defaultWelcome(context) }
            return await run(route, request: request, context: context)
        case .intent(let intentRequest):
            guard let route = table.intents[intentRequest.intent.name] ?? table.fallback else {
                return defaultFallback(context)
            }
            return await run(route, request: request, context: context)
        case .sessionEnded:
            if let route = table.sessionEnded { _ = await run(route, request: request, context: context) }
            return .empty
        case .canFulfillIntent(let canFulfillRequest):
            guard let route = table.canFulfill else { return .canFulfill(answerFromTable(canFulfillRequest)) }
            return await run(route, request: request, context: context)
        case .event, .unknown:
            if case .event(let event) = request, let answer = VoiceConsent.answer(in: event) {
                return await resume(answer, header: event.header, context: context)
            }
            guard let route = table.requestTypes[request.type] else { return .empty }
            return await run(route, request: request, context: context)
        }
    }

    /// Gate, then handler; a handler error becomes a spoken reply.
    private func run(_ route: Route, request: Request, context: RequestContext) async -> SkillResponse {
        guard case .handler(let handler) = route.body else { return safeReply(for: context) }
        let identity: LinkedIdentity?
        switch await gate(route, context: context) {
        case .proceed(let granted): identity = granted
        case .respond(let reply): return reply
        }
        do {
            return try await handler(RouteInput(request: request, context: context, identity: identity))
        } catch {
            return await reply(to: error, context: context)
        }
    }

    /// A voice-consent answer to an `AskFor` SkillGate sent: accepted, the asking intent runs
    /// again (gate included, with the accepted scope counted as granted); otherwise the consent
    /// card for the route's permissions, so the user can still grant them in the Alexa app.
    private func resume(_ answer: VoiceConsent.Answer, header: RequestHeader, context: RequestContext) async -> SkillResponse {
        guard let route = table.intents[answer.intent.name] else { return defaultFallback(context) }
        guard answer.accepted else {
            context.log(.info, "voice consent not given; sent the consent card", metadata: ["scope": answer.scope])
            let requirement = route.requirements.lazy.compactMap { $0 as? PermissionRequirement }
                .first { $0.permissions.contains { $0.scope == answer.scope } }
            let permissions =
                requirement?.permissions ?? [Permission.named(answer.scope) ?? Permission(cardName: answer.scope, scope: answer.scope)]
            return PermissionRequirement.consentReply(for: permissions, prompt: requirement?.prompt, context: context)
        }
        var resumed = context
        resumed.resumption = answer
        return await run(route, request: .intent(IntentRequest(header: header, intent: answer.intent)), context: resumed)
    }

    /// The MAYBE/NO answer when the skill declares no CanFulfill route.
    func answerFromTable(_ request: CanFulfillIntentRequest) -> CanFulfillIntentAnswer {
        table.intents[request.intent.name] != nil ? CanFulfillIntentAnswer(.maybe) : CanFulfillIntentAnswer(.no)
    }

    private func defaultWelcome(_ context: RequestContext) -> SkillResponse {
        .ask(messages.welcome.text(for: context.locale))
    }

    private func defaultFallback(_ context: RequestContext) -> SkillResponse {
        .ask(messages.fallback.text(for: context.locale))
    }
}

/// Errors: a ``SpeakableError`` speaks for itself; anything else goes to ``OnError`` or the apology.
extension SkillRunner {
    func reply(to error: any Error, context: RequestContext) async -> SkillResponse {
        context.discardPersistentChanges()
        if let speakable = error as? any SpeakableError {
            // Some errors speak for only some of their cases (an AlexaAPIError: a permission denial).
            if speakable.speaksForItself {
                context.log(.warning, "handler failed with a spoken reply: \(String(describing: error))")
                return speakable.response(locale: context.locale)
            }
        }
        context.log(.error, "handler failed: \(String(describing: error))", metadata: ["type": context.storage.envelope.request.type])
        if let route = table.errorHandler, case .errorHandler(let handler) = route.body {
            do {
                return try await handler(error, context)
            } catch let secondError {
                context.log(.error, "the OnError handler failed too: \(String(describing: secondError))")
            }
        }
        return safeReply(for: context)
    }

    /// The reply that is always valid for the request: empty for session ends and events, the
    /// table's answer for can-fulfill, and the localized apology otherwise.
    func safeReply(for context: RequestContext) -> SkillResponse {
        if context.resumption != nil { return .tell(messages.error.text(for: context.locale)) }
        switch context.storage.envelope.request {
        case .sessionEnded, .event, .unknown:
            return .empty
        case .canFulfillIntent(let request):
            return .canFulfill(answerFromTable(request))
        case .launch, .intent:
            return .tell(messages.error.text(for: context.locale))
        }
    }
}
