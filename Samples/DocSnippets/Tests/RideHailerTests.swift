import SkillGate
import SkillGateTesting
import Testing

@testable import DocSnippets

/// The documentation's tests (the Testing article shows them): the skill in-process, no sockets.
struct RideHailerTests {
    let tester: SkillTester
    let skillID = "amzn1.ask.skill.ride-hailer"

    init() throws {
        tester = try SkillTester(RideHailer())
    }

    @Test("an unlinked user hears why to link, gets a LinkAccount card, and the session ends")
    func unlinkedUserGetsTheLinkCard() async {
        let reply = await tester.send(.intent("OrderRideIntent", slots: ["destination": "work"], skillID: skillID))
        #expect(reply.speech?.hasPrefix("Before I can order you rides") == true)
        #expect(reply.cardType == "LinkAccount")
        #expect(reply.shouldEndSession == true)
    }

    @Test("a linked user's handler gets their profile")
    func linkedUserOrdersARide() async {
        let reply = await tester.send(
            .intent("OrderRideIntent", slots: ["destination": "work"], token: "demo-token-alice", skillID: skillID))
        #expect(reply.speech == "Ordering a ride to work, paid with your Visa ending in 4242. Shall I book it?")
        #expect(reply.sessionAttributes?["pendingDestination"] == "work")
    }

    @Test("a service outage is 'try again later', never a link card")
    func outageIsNotALinkPrompt() async {
        let reply = await tester.send(.intent("OrderRideIntent", token: "demo-token-outage", skillID: skillID))
        #expect(reply.speech?.contains("try again") == true)
        #expect(reply.cardType == nil)
    }
}

/// What each requirement answers, and in which order.
extension RideHailerTests {
    @Test("a route's own prompt replaces the skill's")
    func routePrompt() async {
        let reply = await tester.send(.intent("RideStatusIntent", skillID: skillID))
        #expect(reply.speech == "To check on your ride, link your Ride Hailer account in the Alexa app.")
        #expect(reply.cardType == "LinkAccount")
    }

    @Test("the link prompt follows the request's locale")
    func localizedLinkPrompt() async {
        let reply = await tester.send(.intent("OrderRideIntent", locale: "de-DE", skillID: skillID))
        #expect(reply.speech?.hasPrefix("Bevor ich dir Fahrten bestellen kann") == true)
    }

    @Test("an optional launch greets a linked user by name and anyone else plainly")
    func optionalLaunch() async {
        let linked = await tester.send(.launch(token: "demo-token-bob", skillID: skillID))
        #expect(linked.speech == "Welcome back, Bob. Where would you like to go?")
        let anonymous = await tester.send(.launch(skillID: skillID))
        #expect(anonymous.speech == "Welcome to Ride Hailer. Where would you like to go?")
    }

    @Test("a recognized speaker's own token is used; an unrecognized voice hears about voice profiles")
    func personLevelToken() async {
        let request = TestRequest.intent("MyRidesIntent", token: "demo-token-alice", skillID: skillID)
        let shared = await tester.send(request)
        #expect(shared.cardType == nil)
        #expect(shared.speech?.contains("recognize your voice") == true)
        let personal = await tester.send(request.person("amzn1.ask.person.BOB", token: "demo-token-bob"))
        #expect(personal.speech == "Here are your own rides, Bob.")
    }

    @Test("a missing permission gets the consent card; granted, the handler runs")
    func deviceAddressPermission() async {
        let request = TestRequest.intent("OrderRideFromHereIntent", token: "demo-token-alice", skillID: skillID)
        let asked = await tester.send(request)
        #expect(asked.cardType == "AskForPermissionsConsent")
        #expect(asked.json["response"]?["card"]?["permissions"] == ["read::alexa:device:all:address"])
        let granted = await tester.send(request.permissions(consentToken: "a-consent-token"))
        #expect(granted.speech?.hasPrefix("I'll send a car") == true)
    }

    @Test("linking is checked before permissions")
    func linkingFirst() async {
        let reply = await tester.send(.intent("OrderRideFromHereIntent", skillID: skillID))
        #expect(reply.cardType == "LinkAccount")
    }
}
