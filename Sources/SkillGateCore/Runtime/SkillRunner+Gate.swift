/// The linking gate, then the route's further requirements, in order.
extension SkillRunner {
    enum GateDecision {
        case proceed(LinkedIdentity?)
        case respond(SkillResponse)
    }

    /// Inlined into the route's run, as is ``linkingDecision(_:context:)``: every async frame
    /// costs an allocation per request, and a public route without requirements needs none.
    @inline(__always)
    func gate(_ route: Route, context: RequestContext) async -> GateDecision {
        if case .public = route.linking, route.requirements.isEmpty { return .proceed(nil) }
        let decision = await linkingDecision(route.linking, context: context)
        guard case .proceed = decision else { return decision }
        for requirement in route.requirements {
            if case .respond(let reply) = await requirement.check(context) {
                context.log(.info, "requirement not met: \(requirement.name)")
                return .respond(reply)
            }
        }
        return decision
    }

    /// `.public` never looks at the token. `.optional` and `.required` resolve it once (person,
    /// then user, then session token; see ``AccessTokenSource``): `.required` answers an absent
    /// or invalid token with the link prompt and card, and an unreachable account service with
    /// "try again later" and no card; `.optional` runs the handler either way.
    @inline(__always)
    private func linkingDecision(_ policy: LinkingPolicy, context: RequestContext) async -> GateDecision {
        if case .public = policy { return .proceed(nil) }
        let required: LocalizedText??
        if case .required(let prompt) = policy { required = .some(prompt) } else { required = .none }
        guard let (token, source) = context.storage.envelope.linkingToken else {
            guard let prompt = required else { return .proceed(nil) }
            return .respond(linkPrompt(prompt, context: context))
        }
        switch await accounts.resolve(token, context: context) {
        case .linked(let account):
            return .proceed(LinkedIdentity(token: token, source: source, account: account))
        case .invalid:
            guard let prompt = required else { return .proceed(nil) }
            context.log(
                .info,
                "the access token did not resolve to an account; sending the link prompt", metadata: ["token": source.rawValue])
            return .respond(linkPrompt(prompt, context: context))
        case .unavailable:
            guard required != nil else { return .proceed(nil) }
            context.log(.warning, "account service unavailable; asked the user to try later (no link card)")
            return .respond(.tell(messages.serviceUnavailable.text(for: context.locale)))
        }
    }

    /// The link prompt: the route's, else the skill's, else the localized default.
    func linkPrompt(_ routePrompt: LocalizedText?, context: RequestContext) -> SkillResponse {
        guard let routePrompt else { return .linkAccount(messages.linkPrompt.text(for: context.locale)) }
        return .linkAccount(routePrompt.substituting(skillName: configuration.name).text(for: context.locale))
    }
}
