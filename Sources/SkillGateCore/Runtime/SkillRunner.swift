/// Handles requests for one skill: decode → check → route → gate → handler → validate → encode.
///
/// The same runner serves every mode (stdio, HTTP, Lambda, in-process tests). It never throws
/// and never drops a request: every call returns exactly one ``SkillResult``.
public struct SkillRunner: Sendable {
    /// What a runner keeps, in one immutable box: the runner is copied into every request's
    /// async frames and closures, and a copy is then one retain instead of one per member.
    final class Storage: Sendable {
        let configuration: SkillConfiguration
        let table: RouteTable
        let options: RunnerOptions
        let logger: Logger
        let checks: RequestChecks
        let messages: ResolvedMessages
        let accounts: AnyAccountResolver
        let middleware: [any SkillMiddleware]

        init(
            configuration: SkillConfiguration, table: RouteTable, options: RunnerOptions, logger: Logger,
            accounts: AnyAccountResolver, middleware: [any SkillMiddleware]
        ) {
            self.configuration = configuration
            self.table = table
            self.options = options
            self.logger = logger
            self.checks = RequestChecks(applicationIDs: options.applicationIDs ?? configuration.applicationIDs, options: options)
            self.messages = ResolvedMessages(configuration)
            self.accounts = accounts
            self.middleware = middleware
        }
    }

    let storage: Storage

    /// The skill's configuration.
    public var configuration: SkillConfiguration { storage.configuration }
    /// The routes, keyed for dispatch.
    public var table: RouteTable { storage.table }
    /// How requests are checked.
    public var options: RunnerOptions { storage.options }
    var logger: Logger { storage.logger }
    var checks: RequestChecks { storage.checks }
    var messages: ResolvedMessages { storage.messages }
    var accounts: AnyAccountResolver { storage.accounts }
    var middleware: [any SkillMiddleware] { storage.middleware }

    /// Creates a runner for a skill.
    /// - Parameters:
    ///   - skill: the skill.
    ///   - options: request checks and deadline.
    ///   - logger: where errors and warnings go.
    /// - Throws: ``SkillError`` when the routes conflict.
    public init(skill: some Skill, options: RunnerOptions = RunnerOptions(), logger: Logger) throws(SkillError) {
        try self.init(
            configuration: skill.configuration, routes: skill.routes, accounts: skill.accounts, middleware: skill.middleware,
            persistence: skill.persistence, options: options, logger: logger)
    }

    /// Creates a runner from a configuration and routes.
    /// - Parameters:
    ///   - configuration: the skill's settings.
    ///   - routes: the routes.
    ///   - accounts: turns tokens into accounts; every `.required`/`.optional` route must expect
    ///     its `Account` type.
    ///   - middleware: runs around every request, first outermost.
    ///   - options: request checks and deadline.
    ///   - logger: where errors and warnings go.
    /// - Throws: ``SkillError`` when the routes conflict or expect another account type.
    public init(
        configuration: SkillConfiguration, routes: [Route], accounts: some AccountResolver = TokenAccounts(),
        middleware: [any SkillMiddleware] = [], options: RunnerOptions = RunnerOptions(), logger: Logger
    ) throws(SkillError) {
        let table = try RouteTable(routes)
        let accounts = AnyAccountResolver(accounts)
        try Self.checkAccountTypes(of: table, against: accounts.accountType)
        self.storage = Storage(
            configuration: configuration, table: table, options: options, logger: logger, accounts: accounts,
            middleware: middleware)
    }

    /// Every linked route must expect the account type the resolver produces.
    private static func checkAccountTypes(of table: RouteTable, against accountType: any Sendable.Type) throws(SkillError) {
        for (index, route) in table.routes.enumerated() {
            guard let expected = route.accountType, expected != accountType else { continue }
            throw SkillError(
                .invalidConfiguration,
                "route \(index + 1) (\(route.triggers.map(\.description).joined(separator: ", "))) expects accounts of type \(expected), but the skill's resolver produces \(accountType); declare the route inside the Skill (its `Intent` uses the skill's Account)"
            )
        }
    }

    /// The skill IDs the runner accepts; empty means the check is off.
    public var applicationIDs: [String] { checks.applicationIDs }

    /// Handles a request body.
    /// - Parameter body: the UTF-8 JSON request envelope.
    /// - Returns: the response, or the rejection with its JSON error body.
    public func handle(body: some Collection<UInt8>) async -> SkillResult {
        switch admit(body: body) {
        case .rejected(let rejection): rejection
        case .admitted(let envelope): await handle(admitted: envelope)
        }
    }

    /// Handles a decoded request envelope.
    /// - Parameter envelope: the request.
    /// - Returns: the response, or the rejection with its JSON error body.
    public func handle(envelope: consuming RequestEnvelope) async -> SkillResult {
        let summary = RequestSummary(envelope: envelope)
        if let problem = checks.check(envelope) {
            return reject(problem, summary: summary)
        }
        return await run(checked: envelope, summary: summary)
    }

    /// Runs the handler for an envelope that passed the request checks (inlined: one async frame
    /// less per request).
    @inline(__always)
    func run(checked envelope: consuming RequestEnvelope, summary: RequestSummary) async -> SkillResult {
        let context = makeContext(for: envelope)
        let reply: SkillResponse
        if let timeout = options.handlerTimeout {
            reply = await withDeadline(timeout) {
                await self.dispatchThroughMiddleware(context)
            } fallback: {
                context.log(.error, "the handler did not answer within \(timeout); sent the error reply")
                return self.safeReply(for: context)
            }
        } else {
            reply = await dispatchThroughMiddleware(context)
        }
        return finish(reply, context: context, summary: summary)
    }

    /// The malformed-request error for a body that does not decode.
    static func malformed(_ error: RequestDecodingError) -> SkillError {
        SkillError(.malformedRequest, error.description, underlying: error)
    }

    func reject(_ error: SkillError, summary: RequestSummary) -> SkillResult {
        var metadata = ["code": error.code.name]
        if let requestId = summary.requestId { metadata["requestId"] = requestId }
        logger.debug("rejected request: \(error.message)", metadata: metadata)
        return SkillResult(outcome: .rejected(error), body: error.jsonBytes, summary: summary)
    }

    /// Builds the envelope, enforces Alexa's rules, and encodes it.
    func finish(_ reply: SkillResponse, context: RequestContext, summary: RequestSummary) -> SkillResult {
        var envelope = makeEnvelope(reply, context: context)
        var problems = ResponseLimits.violations(of: envelope, for: context.storage.envelope.request)
        var body = problems.isEmpty ? envelope.jsonBytes : []
        if problems.isEmpty && body.count > ResponseLimits.maximumResponseBytes {
            problems.append("the response is \(body.count) bytes; the limit is \(ResponseLimits.maximumResponseBytes)")
        }
        if !problems.isEmpty {
            for problem in problems {
                context.log(.error, "invalid response replaced by a safe reply: \(problem)", metadata: ["limit": "response"])
            }
            envelope = makeEnvelope(safeReply(for: context), context: context, carryAttributes: false)
            body = envelope.jsonBytes
        }
        return SkillResult(outcome: .response(envelope), body: body, summary: summary)
    }

    private func makeEnvelope(_ reply: SkillResponse, context: RequestContext, carryAttributes: Bool = true) -> ResponseEnvelope {
        var attributes = reply.sessionAttributes
        if attributes == nil, carryAttributes, let carried = context.storage.envelope.session?.attributes, !carried.isEmpty {
            attributes = carried
        }
        return ResponseEnvelope(sessionAttributes: attributes, response: reply.response)
    }
}
