/// One entry of a skill's route table: what triggers it, its linking policy, further
/// requirements, and the handler. Built by ``Launch``, ``Intent``, ``SessionEnded``,
/// ``CanFulfill``, ``Event``, ``Fallback`` and ``OnError``.
public struct Route: Sendable, RouteConvertible {
    /// What a route answers.
    public enum Trigger: Sendable, Hashable, CustomStringConvertible {
        /// LaunchRequest.
        case launch
        /// An IntentRequest for this intent name.
        case intent(String)
        /// SessionEndedRequest.
        case sessionEnded
        /// CanFulfillIntentRequest.
        case canFulfill
        /// Any other request type, by exact type name.
        case requestType(String)
        /// IntentRequests no other route matches.
        case fallback
        /// Handler failures.
        case error

        /// A readable form, e.g. `intent OrderRideIntent`.
        public var description: String {
            switch self {
            case .launch: "LaunchRequest"
            case .intent(let name): "intent \(name)"
            case .sessionEnded: "SessionEndedRequest"
            case .canFulfill: "CanFulfillIntentRequest"
            case .requestType(let type): "request type \(type)"
            case .fallback: "fallback"
            case .error: "error handler"
            }
        }
    }

    /// What the route answers (an Intent route may name several intents).
    public let triggers: [Trigger]
    /// How the route depends on account linking.
    public let linking: LinkingPolicy
    /// Further requirements checked after linking, in order.
    public private(set) var requirements: [any RouteRequirement]
    /// The account type the handler expects (`.required`/`.optional` routes); start-up checks it
    /// is the skill's resolver's.
    let accountType: (any Sendable.Type)?
    let body: Body

    enum Body: Sendable {
        case handler(@Sendable (RouteInput) async throws -> SkillResponse)
        case errorHandler(@Sendable (any Error, RequestContext) async throws -> SkillResponse)
    }

    init(triggers: [Trigger], linking: LinkingPolicy, accountType: (any Sendable.Type)? = nil, body: Body) {
        self.triggers = triggers
        self.linking = linking
        self.requirements = []
        self.accountType = accountType
        self.body = body
    }

    /// The route itself.
    public var route: Route { self }

    /// A copy that also checks `requirement` (after linking and any earlier requirement) before
    /// the handler runs.
    /// - Parameter requirement: e.g. `.permissions(.deviceAddress)` or `.recognizedPerson`.
    public func requiring(_ requirement: some RouteRequirement) -> Route {
        var copy = self
        copy.requirements.append(requirement)
        return copy
    }
}

/// Anything that can stand in a skill's `routes` list.
public protocol RouteConvertible {
    /// The route this declaration makes.
    var route: Route { get }
}

extension RouteConvertible {
    /// A route that also checks `requirement` (after linking and any earlier requirement)
    /// before the handler runs; requirements run in the order they are added.
    /// - Parameter requirement: e.g. `.permissions(.deviceAddress)` or `.recognizedPerson`.
    public func requiring(_ requirement: some RouteRequirement) -> Route { route.requiring(requirement) }
}
