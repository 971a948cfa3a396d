/// The skill's routes keyed for dispatch, checked once at start-up: a request that two routes
/// claim is a ``SkillError`` with code `.duplicateRoute` before anything is served.
public struct RouteTable: Sendable {
    /// The routes in declaration order.
    public let routes: [Route]
    let launch: Route?
    let intents: [String: Route]
    let sessionEnded: Route?
    let canFulfill: Route?
    let requestTypes: [String: Route]
    let fallback: Route?
    let errorHandler: Route?

    /// Request types that have their own declaration and may not be claimed by ``Event``.
    private static let dedicatedTypes: [String: String] = [
        "LaunchRequest": "Launch", "IntentRequest": "Intent", "SessionEndedRequest": "SessionEnded",
        "CanFulfillIntentRequest": "CanFulfill",
    ]

    /// Builds the table.
    /// - Parameter routes: the skill's routes.
    /// - Throws: ``SkillError`` `.duplicateRoute` or `.invalidConfiguration`, naming the routes.
    public init(_ routes: [Route]) throws(SkillError) {
        self.routes = routes
        var claimed: [Route.Trigger: Int] = [:]
        var launch: Route?, sessionEnded: Route?, canFulfill: Route?, fallback: Route?, errorHandler: Route?
        var intents: [String: Route] = [:]
        var requestTypes: [String: Route] = [:]
        for (index, route) in routes.enumerated() {
            if route.triggers.isEmpty {
                throw SkillError(.invalidConfiguration, "route \(index + 1) names no intent or request type")
            }
            for trigger in route.triggers {
                if let earlier = claimed[trigger] {
                    throw SkillError(
                        .duplicateRoute,
                        "\(trigger) is routed twice (routes \(earlier + 1) and \(index + 1) in `routes`); remove one")
                }
                claimed[trigger] = index
                switch trigger {
                case .launch: launch = route
                case .intent(let name):
                    guard !name.isEmpty else { throw SkillError(.invalidConfiguration, "route \(index + 1) has an empty intent name") }
                    intents[name] = route
                case .sessionEnded: sessionEnded = route
                case .canFulfill: canFulfill = route
                case .requestType(let type):
                    if let dedicated = Self.dedicatedTypes[type] {
                        throw SkillError(.invalidConfiguration, "route \(index + 1): declare \(type) with \(dedicated), not Event")
                    }
                    requestTypes[type] = route
                case .fallback: fallback = route
                case .error: errorHandler = route
                }
            }
        }
        self.launch = launch
        self.intents = intents
        self.sessionEnded = sessionEnded
        self.canFulfill = canFulfill
        self.requestTypes = requestTypes
        self.fallback = fallback
        self.errorHandler = errorHandler
    }

    /// The route for an intent name, if the skill declares one.
    /// - Parameter name: the intent name.
    public func route(forIntent name: String) -> Route? { intents[name] }

    /// The intent names the skill routes, sorted.
    public var intentNames: [String] { intents.keys.sorted() }
}
