import SkillGate

/// Ride Hailer: the skill from Amazon's account-linking documentation.
///
/// "Alexa, ask Ride Hailer to get me a ride to work" needs the user's Ride Hailer account
/// (default locations and payment), so OrderRideIntent requires linking; "what services are
/// available in Dallas" needs only public data, so RideHailerAvailabilityByCity is public.
/// "Get me a ride from here" also needs the device's address, so OrderRideFromHereIntent requires
/// the device-address permission too.
@main
struct RideHailer: Skill {
    let accounts = DemoAccounts()
    let persistence: PersistenceConfiguration? = RideMemory.configuration()

    static let linkPrompt =
        "Before I can order you rides, you need to log in with your Ride Hailer account. Please visit the Alexa app to link your Ride Hailer account."

    var configuration: SkillConfiguration {
        SkillConfiguration(
            name: "Ride Hailer", applicationID: "amzn1.ask.skill.ride-hailer", linkPrompt: LocalizedText(Self.linkPrompt))
    }

    var routes: [Route] {
        Launch(linking: .optional) { context in try await Self.launch(context) }

        Intent("OrderRideIntent", linking: .required) { request, context in
            await Self.sayLookingUp(context)
            let profile = context.account
            let destination = Self.destination(in: request)
            guard let address = profile.locations[destination] else {
                return .ask("I don't have a default \(destination) location for you. Where would you like to go? You can say work or home.")
            }
            let order: JSONValue = ["destination": .string(destination), "address": .string(address)]
            return .ask(
                "Ordering a ride using your Ride Hailer account, paid with your \(profile.payment). You wanted to go to your default \(destination) location, \(address), right?",
                reprompt: "Should I order a ride to \(address)? Say yes or no."
            )
            .sessionAttribute("pendingOrder", order, from: context.sessionAttributes)
        }

        // The pickup is the device's address: a 403 from the Device Address API answers with the
        // consent card by itself, as the requirement does when the request shows no consent.
        Intent("OrderRideFromHereIntent", linking: .required) { request, context in
            try await Self.orderFromHere(request, context)
        }
        .requiring(.permissions(.deviceAddress))

        Intent("AMAZON.YesIntent", linking: .required) { _, context in
            guard let order = context.sessionAttributes["pendingOrder"], let address = order["address"]?.stringValue else {
                return .ask("What would you like to do? You can say: get me a ride to work.")
            }
            try await Self.remember(order["destination"]?.stringValue ?? "work", context: context)
            let route = order["pickup"]?.stringValue.map { "from \($0) to \(address)" } ?? "to \(address)"
            return .tell("Your ride \(route) is booked. Your driver will be there in about five minutes.")
                .simpleCard(title: "Ride booked", content: "Your ride to \(address) is on its way.")
                .sessionAttribute("pendingOrder", nil, from: context.sessionAttributes)
        }

        Intent("AMAZON.NoIntent", linking: .public) { _, context in
            guard context.sessionAttributes["pendingOrder"] != nil else { return .tell("Okay. Goodbye.") }
            return .tell("Okay, I won't order that ride.").sessionAttribute("pendingOrder", nil, from: context.sessionAttributes)
        }

        Intent("ForgetLastRideIntent", linking: .public) { _, context in
            try await context.persistentAttributes.delete()
            return .tell("Okay, I've forgotten where you last went.")
        }

        Intent("RideHailerAvailabilityByCity", linking: .public) { request, _ in
            guard let city = request.slots["city"]?.value, !city.isEmpty else {
                return .ask("Which city would you like to know about?")
            }
            return Self.availability(in: city)
        }

        Intent("RideStatusIntent", linking: .required) { _, context in
            let profile = context.account
            guard let ride = profile.activeRide else { return .tell("You don't have a ride on its way right now.") }
            return .tell(
                "\(ride.driver) is on the way in \(ride.car), and will arrive in \(ride.etaMinutes) minutes to take you to \(ride.destination)."
            )
        }

        Intent("CancelRideIntent", linking: .required) { _, context in
            let profile = context.account
            guard let ride = profile.activeRide else { return .tell("You don't have a ride to cancel.") }
            return .tell("I've cancelled your ride to \(ride.destination). \(ride.driver) has been told.")
        }

        Intent("AMAZON.HelpIntent", linking: .public) { _, _ in
            .ask(
                "Ride Hailer can order you a ride to your saved places, tell you where your ride is, or tell you which services are available in a city. Try: get me a ride to work."
            )
        }

        Intent("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent", linking: .public) { _, _ in
            .tell("Goodbye.")
        }

        Intent("AMAZON.FallbackIntent", linking: .public) { _, _ in
            .ask("Sorry, Ride Hailer can't help with that. You can say: get me a ride to work.")
        }

        SessionEnded { request, context in
            context.logger.info("session ended", metadata: ["reason": request.reason?.rawValue ?? "none"])
        }

        Event("AlexaSkillEvent.SkillAccountLinked") { _, context in
            context.logger.info("a user linked their Ride Hailer account")
            return .empty
        }
    }

    static let cities: Set<String> = ["dallas", "seattle", "new york", "san francisco", "chicago", "austin", "boston", "denver"]

    static func availability(in city: String) -> SkillResponse {
        guard cities.contains(city.lowercased()) else {
            return .tell("Ride Hailer isn't available in \(city) yet.")
        }
        return .tell("Ride Hailer offers a full range of services in \(city): economy, premium and shared rides.")
    }
}
