import SkillGate
import SkillGateTesting
import Testing

struct RoutingTests {
    struct MinimalSkill: Skill {
        var configuration: SkillConfiguration { SkillConfiguration(name: "Minimal") }
        var routes: [Route] {
            Intent("KnownIntent", linking: .required) { _, _ in .tell("known") }
        }
    }

    @Test("with no route, an IntentRequest gets the fallback reply and the session stays open")
    func defaultFallback() async throws {
        let response = try await SkillTester(MinimalSkill()).send(TestRequest.intent("UnknownIntent"))
        #expect(response.speech == "Sorry, Minimal can't help with that. You can say help to hear what I can do.")
        #expect(response.shouldEndSession == false)
        #expect(response.reprompt != nil)
    }

    @Test("the skill's name goes into the default messages as written: non-ASCII, braces, placeholders in it")
    func skillNameSubstitution() async throws {
        for name in ["Café Ürban 🚕", "{name}", "A{nam", "Ride Hailer"] {
            let runner = try SkillRunner(configuration: SkillConfiguration(name: name), routes: [], logger: .disabled)
            let welcome = try JSONParser.parse(await runner.handle(body: TestRequest.launch().bytes).body)
            #expect(welcome["response"]?["outputSpeech"]?["text"] == .string("Welcome to \(name). What would you like to do?"))
            let german = try JSONParser.parse(await runner.handle(body: TestRequest.launch(locale: "de-DE").bytes).body)
            let text = try #require(german["response"]?["outputSpeech"]?["text"]?.stringValue)
            #expect(text.contains(name) && !text.contains("{name}") || name == "{name}", "\(text)")
        }
    }

    @Test("a declared Fallback answers unmatched intents")
    func declaredFallback() async throws {
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "F"),
            routes: [Fallback { request, _ in .tell("no idea about \(request.intent.name)") }.route], logger: .disabled)
        let body = try JSONParser.parse(await runner.handle(body: TestRequest.intent("Whatever").bytes).body)
        #expect(body["response"]?["outputSpeech"]?["text"] == "no idea about Whatever")
    }

    @Test(
        "with no route, session end, events and unknown types get an empty response",
        arguments: [
            TestRequest.sessionEnded(), .event("AudioPlayer.PlaybackStarted"), .event("System.ExceptionEncountered"),
            .event("AlexaSkillEvent.SkillEnabled"), .event("Messaging.MessageReceived"), .event("Totally.NewType"),
        ])
    func emptyResponses(request: TestRequest) async throws {
        let response = try await SkillTester(MinimalSkill()).send(request)
        #expect(response.error == nil)
        #expect(response.json["response"] == .object([:]))
        #expect(response.speech == nil)
    }

    @Test("CanFulfillIntentRequest with no CanFulfill route: MAYBE for a routed intent, NO otherwise")
    func canFulfillFromTable() async throws {
        let tester = try SkillTester(MinimalSkill())
        #expect(await tester.send(.canFulfill("KnownIntent")).json["response"] == ["canFulfillIntent": ["canFulfill": "MAYBE"]])
        #expect(await tester.send(.canFulfill("OtherIntent")).json["response"] == ["canFulfillIntent": ["canFulfill": "NO"]])
    }

    @Test("a declared CanFulfill answers, with no speech")
    func declaredCanFulfill() async throws {
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "C"),
            routes: [CanFulfill { _, _ in CanFulfillIntentAnswer(.yes) }.route], logger: .disabled)
        let body = try JSONParser.parse(await runner.handle(body: TestRequest.canFulfill("X").bytes).body)
        #expect(body["response"] == ["canFulfillIntent": ["canFulfill": "YES"]])
    }

    @Test("Event routes handle request types by name, including unknown ones")
    func events() async throws {
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "E"),
            routes: [Event("Totally.NewType") { request, _ in .tell("got \(request.type)") }.route], logger: .disabled)
        let body = try JSONParser.parse(await runner.handle(body: TestRequest.event("Totally.NewType").bytes).body)
        #expect(body["response"]?["outputSpeech"]?["text"] == "got Totally.NewType")
    }

    @Test("a launch with no Launch route gets a welcome question")
    func defaultLaunch() async throws {
        let response = try await SkillTester(MinimalSkill()).send(.launch(locale: "fr-FR"))
        #expect(response.speech == "Bienvenue sur Minimal. Que voulez-vous faire ?")
        #expect(response.shouldEndSession == false)
    }

    @Test("duplicate routes fail at start-up with a message naming them")
    func duplicates() {
        let routes: [Route] = [
            Intent("A", linking: .public) { _, _ in .empty }.route,
            Intent("B", "A", linking: .required) { _, _ in .empty }.route,
        ]
        do {
            _ = try RouteTable(routes)
            Issue.record("expected a duplicate-route error")
        } catch {
            #expect(error.code == .duplicateRoute)
            #expect(error.message == "intent A is routed twice (routes 1 and 2 in `routes`); remove one")
        }
        #expect(throws: SkillError.self) { try RouteTable([Launch { _ in .empty }.route, Launch { _ in .empty }.route]) }
        #expect(throws: SkillError.self) { try RouteTable([Event("LaunchRequest") { _, _ in .empty }.route]) }
    }

    @Test("session attributes carry over unless the handler sets them")
    func sessionAttributes() async throws {
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "S"),
            routes: [
                Intent("Keep", linking: .public) { _, _ in .ask("kept") }.route,
                Intent("Change", linking: .public) { _, context in .ask("changed").sessionAttribute("n", 2, from: context.sessionAttributes)
                }.route,
                Intent("Clear", linking: .public) { _, _ in .ask("cleared").sessionAttributes([:]) }.route,
            ], logger: .disabled)
        let attributes: JSONObject = ["n": 1, "other": "x"]
        func send(_ name: String) async throws -> JSONValue {
            try JSONParser.parse(
                await runner.handle(body: TestRequest.intent(name, newSession: false, sessionAttributes: attributes).bytes).body)
        }
        #expect(try await send("Keep")["sessionAttributes"] == ["n": 1, "other": "x"])
        #expect(try await send("Change")["sessionAttributes"] == ["n": 2, "other": "x"])
        #expect(try await send("Clear")["sessionAttributes"] == .object([:]))
    }
}
