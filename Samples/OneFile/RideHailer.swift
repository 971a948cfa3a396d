import SkillGate

struct RideProfile: Sendable { let payment: String }

/// Turns an account-linking token into the skill's own account, once per request.
struct RideAccounts: AccountResolver {
    func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<RideProfile> {
        token.value == "demo-token-alice" ? .linked(RideProfile(payment: "Visa ending in 4242")) : .invalid
    }
}

@main
struct RideHailer: Skill {
    let accounts = RideAccounts()

    var configuration: SkillConfiguration {
        SkillConfiguration(
            name: "Ride Hailer", applicationID: "amzn1.ask.skill.ride-hailer",
            linkPrompt:
                "Before I can order you rides, you need to log in with your Ride Hailer account. Please visit the Alexa app to link your Ride Hailer account."
        )
    }

    var routes: [Route] {
        Launch { _ in .ask("Welcome to Ride Hailer. Where would you like to go?") }

        Intent("OrderRideIntent", linking: .required) { request, context in
            let profile = context.account  // RideProfile, non-optional, looked up once
            return .ask("Ordering a ride, paid with your \(profile.payment). To your default work location, right?")
        }

        Intent("RideHailerAvailabilityByCity", linking: .public) { request, _ in
            .tell("Ride Hailer offers a full range of services in \(request.slots["city"]?.value ?? "your city").")
        }

        Intent("AMAZON.HelpIntent", linking: .public) { _, _ in .ask("Try: get me a ride to work.") }
        Intent("AMAZON.StopIntent", "AMAZON.CancelIntent", linking: .public) { _, _ in .tell("Goodbye.") }
        SessionEnded()
    }
}
