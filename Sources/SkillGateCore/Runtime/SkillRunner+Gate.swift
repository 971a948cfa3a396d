/// The linking gate, then any further route requirements.
extension SkillRunner {
    enum GateDecision {
        case proceed(AccessToken?)
        case respond(SkillResponse)
    }

    func gate(_ route: Route, context: RequestContext) async -> GateDecision {
        let decision = await linkingDecision(route.linking, context: context)
        guard case .proceed = decision else { return decision }
        for requirement in route.requirements {
            if case .respond(let reply) = await requirement.check(context) {
                context.logger.info("requirement not met: \(requirement.name)")
                return .respond(reply)
            }
        }
        return decision
    }

    private func linkingDecision(_ policy: LinkingPolicy, context: RequestContext) async -> GateDecision {
        switch policy {
        case .public:
            return .proceed(nil)
        case .optional:
            guard let token = context.storage.envelope.accessToken.map(AccessToken.init) else { return .proceed(nil) }
            switch await validate(token, context: context) {
            case .valid: return .proceed(token)
            case .invalid, .unavailable: return .proceed(nil)
            }
        case .required(let prompt):
            guard let token = context.storage.envelope.accessToken.map(AccessToken.init) else {
                return .respond(linkPrompt(prompt, context: context))
            }
            switch await validate(token, context: context) {
            case .valid:
                return .proceed(token)
            case .invalid:
                context.logger.info("access token rejected by the validator; sending the link prompt")
                return .respond(linkPrompt(prompt, context: context))
            case .unavailable:
                context.logger.warning("account service unavailable; asked the user to try later (no link card)")
                return .respond(.tell(messages.serviceUnavailable.text(for: context.locale)))
            }
        }
    }

    private func validate(_ token: AccessToken, context: RequestContext) async -> TokenValidity {
        guard let validator = configuration.tokenValidator else { return .valid }
        return await validator.validate(token, context: context)
    }

    /// The link prompt: the route's, else the skill's, else the localized default.
    func linkPrompt(_ routePrompt: LocalizedText?, context: RequestContext) -> SkillResponse {
        guard let routePrompt else { return .linkAccount(messages.linkPrompt.text(for: context.locale)) }
        return .linkAccount(routePrompt.substituting(skillName: configuration.name).text(for: context.locale))
    }
}
