import SkillGateCore
import SkillGateModel

/// A small skill with every kind of route, gate and reply, so fuzzed requests reach all of them:
/// the linking gate (required, optional, public; tokens that resolve, do not, or find the
/// service down), permission and recognized-person requirements, dialog directives, a handler
/// that throws, a reply over Alexa's size limit, can-fulfill, session end, events and fallback.
struct FuzzSkill: Skill {
    /// `…linked…` tokens resolve, `…down…` finds the account service unavailable, others are invalid.
    let accounts = ClosureAccountResolver<String> { token, _ in
        if token.value.contains("down") { return .unavailable }
        return token.value.contains("linked") ? .linked(token.value) : .invalid
    }

    var configuration: SkillConfiguration { SkillConfiguration(name: "Fuzz Rides") }

    var routes: [Route] {
        Launch { _ in .ask("Welcome. Where to?") }

        Intent("OrderRideIntent", linking: .required) { request, context in
            let destination = request.slots["destination"]?.resolvedID ?? request.slots["destination"]?.value ?? "work"
            let order: JSONValue = ["destination": .string(destination)]
            return .ask("Ordering a ride to \(destination), right?", reprompt: "Yes or no?")
                .sessionAttribute("pendingOrder", order, from: context.sessionAttributes)
        }

        Intent("AMAZON.YesIntent", linking: .optional) { _, context in
            guard let order = context.sessionAttributes["pendingOrder"] else { return .tell("Nothing to confirm.") }
            return .tell("Booked \(order.jsonString) for \(context.account == nil ? "a guest" : "you").")
                .simpleCard(title: "Ride", content: order.jsonString)
        }

        Intent("AddressIntent", linking: .public) { _, _ in .tell("I can see your address.") }
            .requiring(.permissions(.deviceAddress, .email))

        Intent("WhoAmIIntent", linking: .required) { _, context in .tell("You are \(context.account).") }
            .requiring(.recognizedPerson)

        Intent("DialogIntent", linking: .public) { request, _ in
            request.slots["city"]?.value == nil ? .elicitSlot("city", prompt: "Which city?") : .delegate()
        }

        Intent("EchoIntent", linking: .public) { request, _ in
            // Repeating the slot can exceed Alexa's response limits: the runner must answer safely.
            .tell(String(repeating: request.slots["text"]?.value ?? "echo ", count: 2000))
        }

        Intent("FailIntent", linking: .public) { _, _ in throw FuzzSkillError() }

        CanFulfill { request, _ in
            CanFulfillIntentAnswer(request.intent.name == "OrderRideIntent" ? .yes : .maybe)
        }

        SessionEnded()

        Event("AlexaSkillEvent.SkillEnabled", "AlexaSkillEvent.SkillDisabled") { _, _ in .empty }

        Fallback { request, _ in .ask("Sorry, I can't do \(request.intent.name) yet.") }
    }
}

/// The error `FailIntent` throws.
struct FuzzSkillError: Error {}
