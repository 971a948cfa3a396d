import SkillGate
import SkillGateTesting
import Testing

/// The voice-permission flow: `Connections.SendRequest` `AskFor` out, `Connections.Response` back
/// to the intent that asked (issue 11, item 3's option).
struct VoiceConsentTests {
    struct ReminderSkill: Skill {
        var configuration: SkillConfiguration { SkillConfiguration(name: "Reminder Test") }
        var routes: [Route] {
            Intent("RemindIntent", linking: .public) { request, _ in
                .tell("reminder at \(request.slots["time"]?.value ?? "?")")
            }
            .requiring(.permissions(.reminders, asking: .voice))
            Intent("TwoIntent", linking: .public) { _, _ in .tell("both") }
                .requiring(.permissions(.reminders, .timers, asking: .voice))
        }
    }

    static let reminders = "alexa::alerts:reminders:skill:readwrite"

    /// The `Connections.Response` Alexa sends after asking.
    static func answer(token: String, scope: String, status: String) -> TestRequest {
        TestRequest.event(
            "Connections.Response",
            fields: [
                "name": "AskFor", "status": ["code": "200", "message": "OK"],
                "payload": ["permissionScope": .string(scope), "status": .string(status)], "token": .string(token),
            ])
    }

    static func askFor(in response: TestResponse) throws -> (scope: String, token: String) {
        let directives = try #require(response.json["response"]?["directives"]?.arrayValue)
        #expect(directives.count == 1)
        let directive = try #require(directives.first)
        #expect(directive["type"] == "Connections.SendRequest")
        #expect(directive["name"] == "AskFor")
        #expect(directive["payload"]?["@type"] == "AskForPermissionsConsentRequest")
        #expect(directive["payload"]?["@version"] == "1")
        #expect(response.json["response"]?["shouldEndSession"] == nil, "Alexa takes the turn; the session is not ended")
        #expect(response.speech == nil)
        return (
            try #require(directive["payload"]?["permissionScope"]?.stringValue), try #require(directive["token"]?.stringValue)
        )
    }

    @Test("a missing permission asked by voice: AskFor for its scope; ACCEPTED resumes the intent with its slots")
    func accepted() async throws {
        let tester = try SkillTester(ReminderSkill())
        let asked = await tester.send(TestRequest.intent("RemindIntent", slots: ["time": "seven"]))
        let (scope, token) = try Self.askFor(in: asked)
        #expect(scope == Self.reminders)
        let resumed = await tester.send(Self.answer(token: token, scope: scope, status: "ACCEPTED"))
        #expect(resumed.speech == "reminder at seven")
    }

    @Test("DENIED or NOT_ANSWERED: the consent card for the route's permissions, session ended", arguments: ["DENIED", "NOT_ANSWERED"])
    func refused(status: String) async throws {
        let tester = try SkillTester(ReminderSkill())
        let (scope, token) = try Self.askFor(in: await tester.send(TestRequest.intent("RemindIntent", slots: ["time": "seven"])))
        let reply = await tester.send(Self.answer(token: token, scope: scope, status: status))
        #expect(reply.cardType == "AskForPermissionsConsent")
        #expect(reply.json["response"]?["card"]?["permissions"] == [.string(Self.reminders)])
        #expect(reply.shouldEndSession == true)
        #expect(reply.speech?.contains("Reminder Test") == true)
    }

    @Test("two missing permissions are asked one at a time; the second AskFor resumes the same intent")
    func oneAtATime() async throws {
        let tester = try SkillTester(ReminderSkill())
        let first = try Self.askFor(in: await tester.send(TestRequest.intent("TwoIntent")))
        #expect(first.scope == Self.reminders)
        let second = try Self.askFor(in: await tester.send(Self.answer(token: first.token, scope: first.scope, status: "ACCEPTED")))
        #expect(second.scope == "alexa::alerts:timers:skill:readwrite")
    }

    @Test("a granted permission runs the handler without asking")
    func granted() async throws {
        let tester = try SkillTester(ReminderSkill())
        let reply = await tester.send(
            TestRequest.intent("RemindIntent", slots: ["time": "six"]).permissions(scopes: [Self.reminders: "GRANTED"]))
        #expect(reply.speech == "reminder at six")
    }

    @Test("a Connections.Response SkillGate did not ask for goes to the skill's own routes (here: none, so empty)")
    func foreignToken() async throws {
        let tester = try SkillTester(ReminderSkill())
        let reply = await tester.send(Self.answer(token: "someone-else", scope: Self.reminders, status: "ACCEPTED"))
        #expect(reply.json["response"] == [:])
        let forged = await tester.send(Self.answer(token: "skillgate.askfor:not json", scope: Self.reminders, status: "ACCEPTED"))
        #expect(forged.json["response"] == [:])
    }

    @Test("routes lists a voice-asked permission as such")
    func listed() throws {
        let requirement = PermissionRequirement([.reminders], consent: .voice)
        #expect(requirement.name == "permissions alexa::alerts:reminders:skill:readwrite (asked by voice)")
    }
}
