/// The save step of persistence, as middleware: prepares a fresh ``PersistenceSession`` for the
/// request (opened when the handler first uses its attributes), runs the rest of the chain, then
/// writes what changed. A save that conflicts runs the chain once more with fresh attributes
/// (``PersistenceConfiguration/ConflictPolicy``); a store failure, or a second conflict, answers
/// with the skill's "try again later" and logs the typed ``PersistenceError`` (never the attributes).
///
/// The runner puts it outermost, so the skill's own middleware sees persistent attributes too.
struct PersistenceMiddleware: SkillMiddleware {
    let configuration: PersistenceConfiguration
    /// "Try again later", with the skill's name filled in.
    let unavailableReply: LocalizedText
    /// The skill's error reply, for failures trying again will not fix.
    let errorReply: LocalizedText

    /// Creates the middleware for a skill.
    /// - Parameters:
    ///   - configuration: the skill's persistence.
    ///   - skill: the skill's settings, for its name and error reply.
    init(_ configuration: PersistenceConfiguration, skill: SkillConfiguration) {
        self.configuration = configuration
        unavailableReply = (configuration.unavailableMessage ?? DefaultMessages.persistenceUnavailable).substituting(skillName: skill.name)
        errorReply = ResolvedMessages(skill).error
    }

    /// A fresh session for one attempt at `envelope`.
    func makeSession(for envelope: RequestEnvelope) -> PersistenceSession {
        PersistenceSession(configuration: configuration, envelope: envelope, unavailableReply: unavailableReply, errorReply: errorReply)
    }

    func handle(
        _ request: Request, context: RequestContext, next: @Sendable (Request, RequestContext) async throws -> SkillResponse
    ) async throws -> SkillResponse {
        var attempt = 1
        while true {
            context.preparePersistence(self)
            let reply = try await next(request, context)
            guard let session = context.openedPersistenceSession else { return reply }
            switch await session.commit() {
            case .unchanged, .saved:
                return reply
            case .failed(let error):
                context.log(
                    .error,
                    "persistent attributes were not saved; answered \"try again later\": \(error)",
                    metadata: ["key": configuration.key.name])
                return error.response(locale: context.locale)
            case .conflict(let error):
                guard configuration.conflictPolicy == .retryOnce, attempt == 1 else {
                    context.log(
                        .error,
                        "persistent attributes changed under this request \(attempt == 1 ? "" : "again after a retry"); nothing was saved: \(error)",
                        metadata: ["key": configuration.key.name])
                    return error.response(locale: context.locale)
                }
                context.log(
                    .notice,
                    "persistent attributes changed under this request; running it again with fresh attributes",
                    metadata: ["key": configuration.key.name])
                attempt += 1
            }
        }
    }
}
