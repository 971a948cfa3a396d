/// A condition a route needs besides account linking — the place where, for example, customer
/// permissions plug in. Checked in order after the linking gate; the first unmet one answers.
public protocol RouteRequirement: Sendable {
    /// A short name for the route listing, e.g. `permission read::alexa:device:all:address`.
    var name: String { get }

    /// Checks the requirement.
    /// - Parameter context: the request.
    /// - Returns: `.satisfied`, or the reply to send instead of running the handler.
    func check(_ context: RequestContext) async -> RequirementResult
}

/// The outcome of a ``RouteRequirement`` check.
public enum RequirementResult: Sendable {
    /// The handler may run.
    case satisfied
    /// The handler must not run; send this reply.
    case respond(SkillResponse)
}
