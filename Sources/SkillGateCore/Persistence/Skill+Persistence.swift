extension Skill {
    /// No persistence: `context.persistentAttributes` throws ``PersistenceError/Code/invalidConfiguration``.
    public var persistence: PersistenceConfiguration? { nil }
}

extension SkillRunner {
    /// Creates a runner from a configuration and routes, with persistent attributes.
    /// - Parameters:
    ///   - configuration: the skill's settings.
    ///   - routes: the routes.
    ///   - accounts: turns tokens into accounts.
    ///   - middleware: runs around every request, first outermost (inside the persistence step).
    ///   - persistence: the store and key for `context.persistentAttributes`; nil for none.
    ///   - options: request checks and deadline.
    ///   - logger: where errors and warnings go.
    /// - Throws: ``SkillError`` when the routes conflict or expect another account type.
    public init(
        configuration: SkillConfiguration, routes: [Route], accounts: some AccountResolver = TokenAccounts(),
        middleware: [any SkillMiddleware] = [], persistence: PersistenceConfiguration?, options: RunnerOptions = RunnerOptions(),
        logger: Logger
    ) throws(SkillError) {
        let save = persistence.map { [PersistenceMiddleware($0, skill: configuration)] as [any SkillMiddleware] } ?? []
        try self.init(
            configuration: configuration, routes: routes, accounts: accounts, middleware: save + middleware, options: options,
            logger: logger)
    }
}
