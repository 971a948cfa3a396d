import SkillGate

/// What Ride Hailer does with what it remembers: offer the last destination on launch, remember
/// each booking, forget on request.
extension RideHailer {
    static let welcome =
        "Welcome to Ride Hailer. You can say: get me a ride to work, or ask what services are available in your city. What would you like to do?"

    /// A linked user who booked before hears their last destination offered again; everyone
    /// else hears the welcome. Unlinked users' launches never touch the store.
    static func launch(_ context: OptionallyLinkedContext<RideProfile>) async throws -> SkillResponse {
        guard let profile = context.account,
            let destination = try await context.persistentAttributes["lastDestination"]?.stringValue,
            let address = profile.locations[destination]
        else { return .ask(welcome) }
        let order: JSONValue = ["destination": .string(destination), "address": .string(address)]
        return .ask(
            "Welcome to Ride Hailer. Last time you went \(phrase(destination)). Same again?",
            reprompt: "Should I order a ride to \(address) again? Say yes or no."
        )
        .sessionAttribute("pendingOrder", order, from: context.sessionAttributes)
    }

    /// Remembers a booked ride's destination and counts the user's rides.
    static func remember(_ destination: String, context: LinkedContext<RideProfile>) async throws {
        try await context.persistentAttributes.update { attributes in
            attributes["lastDestination"] = .string(destination)
            attributes["rideCount"] = .integer((attributes["rideCount"]?.intValue ?? 0) + 1)
        }
    }

    /// "home", "to work", "to the gym".
    static func phrase(_ destination: String) -> String {
        destination == "home" ? "home" : "to \(destination)"
    }
}
