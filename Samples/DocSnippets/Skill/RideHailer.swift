import SkillGate

/// The documentation's Ride Hailer: every route the articles show, in one skill that the build
/// compiles and `DocSnippetTests` runs. (The README's one-file skill is `Samples/OneFile`.)
@main
struct RideHailer: Skill {
    let accounts = CachingAccountResolver(RideAccounts(service: .demo), timeToLive: .seconds(300))

    var configuration: SkillConfiguration {
        SkillConfiguration(
            name: "Ride Hailer", applicationID: "amzn1.ask.skill.ride-hailer",
            linkPrompt: LocalizedText(
                "Before I can order you rides, you need to log in with your Ride Hailer account. Please visit the Alexa app to link your Ride Hailer account.",
                translations: [
                    "de":
                        "Bevor ich dir Fahrten bestellen kann, musst du dich mit deinem Ride Hailer-Konto anmelden. Verknüpfe es in der Alexa-App."
                ]))
    }

    /// What an unlinked user hears on RideStatusIntent, instead of the skill's link prompt.
    static let statusLinkPrompt: LocalizedText = "To check on your ride, link your Ride Hailer account in the Alexa app."

    var routes: [Route] {
        Launch(linking: .optional) { context in
            guard let profile = context.account else { return .ask("Welcome to Ride Hailer. Where would you like to go?") }
            return .ask("Welcome back, \(profile.name). Where would you like to go?")
        }

        Intent("OrderRideIntent", linking: .required) { request, context in
            let profile = context.account  // RideProfile, non-optional
            let destination = request.slots["destination"]?.value ?? "work"
            return .ask("Ordering a ride to \(destination), paid with your \(profile.payment). Shall I book it?")
                .sessionAttribute("pendingDestination", .string(destination), from: context.sessionAttributes)
        }

        Intent("AMAZON.YesIntent", linking: .required) { _, context in
            guard let destination = context.sessionAttributes["pendingDestination"]?.stringValue else {
                return .ask("Where would you like to go?")
            }
            return .tell("Your ride to \(destination) is booked.")
                .sessionAttribute("pendingDestination", nil, from: context.sessionAttributes)
        }

        Intent("RideStatusIntent", linking: .required(prompt: Self.statusLinkPrompt)) { _, context in
            .tell("\(context.account.name), your driver is five minutes away.")
        }

        Intent("MyRidesIntent", linking: .required) { _, context in
            switch context.tokenSource {
            case .person: .tell("Here are your own rides, \(context.account.name).")
            case .user, .session: .tell("Here are the rides of the \(context.account.name) account.")
            }
        }
        .requiring(.recognizedPerson)

        Intent("OrderRideFromHereIntent", linking: .required) { _, context in
            .ask("I'll send a car to this device's address, paid with your \(context.account.payment). Where would you like to go?")
        }
        .requiring(.permissions(.deviceAddress))

        Intent("RideReceiptIntent", linking: .required) { _, _ in
            .tell("I've emailed you the receipt of your last ride.")
        }
        .requiring(
            .permissions(.email, prompt: "To email your receipt, Ride Hailer needs your email address. I've sent a card to the Alexa app."))

        Intent("RemindPickupIntent", linking: .required) { request, _ in
            .tell("I'll remind you \(request.slots["minutes"]?.value ?? "ten") minutes before your pickup.")
        }
        .requiring(.permissions(.reminders, asking: .voice))

        Intent("RideHailerAvailabilityByCity", linking: .public) { request, _ in
            .tell("Ride Hailer offers a full range of services in \(request.slots["city"]?.value ?? "your city").")
        }

        Intent("AMAZON.HelpIntent", linking: .public) { _, _ in .ask("Try: get me a ride to work.") }
        Intent("AMAZON.StopIntent", "AMAZON.CancelIntent", linking: .public) { _, _ in .tell("Goodbye.") }
        SessionEnded()
    }
}
