/// Code that runs around every request, in the shape of Hummingbird's middleware: it may answer
/// instead of calling `next` (a request interceptor), or change what `next` returned (a response
/// interceptor). A skill lists them in ``Skill/middleware``; the first runs outermost.
///
/// Middleware runs after the request checks (applicationId, timestamp) and around routing, the
/// linking gate and the handler. An error it throws is answered like a handler's.
public protocol SkillMiddleware: Sendable {
    /// Handles a request.
    /// - Parameters:
    ///   - request: the request.
    ///   - context: its context.
    ///   - next: the rest of the chain: later middleware, then routing and the handler.
    /// - Returns: the reply.
    /// - Throws: anything; it is answered like a handler error.
    func handle(
        _ request: Request, context: RequestContext, next: @Sendable (Request, RequestContext) async throws -> SkillResponse
    ) async throws -> SkillResponse
}

/// Middleware that looks at a request before routing and may answer it itself.
///
/// ```swift
/// RequestInterceptor { request, context in
///     context.logger.info("request", metadata: ["type": request.type])
///     return nil   // carry on
/// }
/// ```
public struct RequestInterceptor: SkillMiddleware {
    private let body: @Sendable (Request, RequestContext) async throws -> SkillResponse?

    /// Creates the interceptor.
    /// - Parameter body: returns a reply to answer instead of routing, or nil to carry on.
    public init(_ body: @escaping @Sendable (Request, RequestContext) async throws -> SkillResponse?) { self.body = body }

    /// Runs the closure, then the rest of the chain unless it answered.
    public func handle(
        _ request: Request, context: RequestContext, next: @Sendable (Request, RequestContext) async throws -> SkillResponse
    ) async throws -> SkillResponse {
        if let reply = try await body(request, context) { return reply }
        return try await next(request, context)
    }
}

/// Middleware that sees every reply after the handler and may change it.
///
/// ```swift
/// ResponseInterceptor { _, _, reply in reply.withSessionAttribute("turns", 1) }
/// ```
public struct ResponseInterceptor: SkillMiddleware {
    private let body: @Sendable (Request, RequestContext, SkillResponse) async throws -> SkillResponse

    /// Creates the interceptor.
    /// - Parameter body: returns the reply to send, given the one produced.
    public init(_ body: @escaping @Sendable (Request, RequestContext, SkillResponse) async throws -> SkillResponse) { self.body = body }

    /// Runs the rest of the chain, then the closure on its reply.
    public func handle(
        _ request: Request, context: RequestContext, next: @Sendable (Request, RequestContext) async throws -> SkillResponse
    ) async throws -> SkillResponse {
        try await body(request, context, try await next(request, context))
    }
}
