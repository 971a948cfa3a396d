import SkillGate

/// {{skillName}}: an Alexa custom skill.
///
/// Every route says whether it needs the user's linked account: `.required` routes get the link
/// prompt and a LinkAccount card for unlinked users and see a non-optional `context.accessToken`;
/// `.public` routes never look at the account.
///
/// Run it: `swift build`, then `.build/debug/{{name}} stdio --lines`, `.build/debug/{{name}} serve --port 8080`
/// or `.build/debug/{{name}} routes`. Check it: `skillgate replay Replay --exec ".build/debug/{{name}} stdio --lines"`.
@main
struct {{typeName}}: Skill {
    var configuration: SkillConfiguration {
        SkillConfiguration(
            name: "{{skillName}}", applicationID: "{{skillId}}",
            linkPrompt: "To hear about your account, link your {{skillName}} account. Please visit the Alexa app to link it.")
    }

    var routes: [Route] {
        Launch { _ in
            .ask("Welcome to {{skillName}}. You can say hello, or ask about my account. What would you like to do?")
        }

        Intent("HelloIntent", linking: .public) { request, _ in
            guard let name = request.slots["name"]?.value, !name.isEmpty else { return .tell("Hello there!") }
            return .tell("Hello, \(name)!")
        }

        // context.accessToken is the linked user's token for your own service: call your API with it.
        Intent("MyAccountIntent", linking: .required) { _, _ in
            .tell("Your {{skillName}} account is linked.")
        }

        Intent("AMAZON.HelpIntent", linking: .public) { _, _ in
            .ask("You can say hello, or ask about my account. What would you like to do?")
        }

        Intent("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent", linking: .public) { _, _ in
            .tell("Goodbye.")
        }

        Intent("AMAZON.FallbackIntent", linking: .public) { _, _ in
            .ask("Sorry, {{skillName}} can't help with that. You can say hello.")
        }

        SessionEnded()
    }
}
