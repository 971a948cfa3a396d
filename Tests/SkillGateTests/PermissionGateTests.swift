import SkillGate
@testable import SkillGateCore
import SkillGateTesting
import Testing

/// Customer permissions as a route requirement, composed with linking.
struct PermissionGateTests {
    static let permissionPrompt =
        "Identity Test needs your permission to do that. I've sent a card to your Alexa app: open it to grant the permission, then ask me again."

    static func consentCard(_ permissions: [String]) -> JSONValue {
        [
            "outputSpeech": ["type": "PlainText", "text": .string(permissionPrompt)],
            "card": ["type": "AskForPermissionsConsent", "permissions": .array(permissions.map(JSONValue.string))],
            "shouldEndSession": true,
        ]
    }

    /// What a request reports about consent.
    enum Grant: String, CaseIterable, Sendable {
        case consentTokenOnly, scopeGranted, scopeDenied, missing

        func apply(to request: TestRequest, scope: String) -> TestRequest {
            switch self {
            case .consentTokenOnly: request.permissions(consentToken: "consent-1234")
            case .scopeGranted: request.permissions(scopes: [scope: "GRANTED"])
            case .scopeDenied: request.permissions(consentToken: "consent-1234", scopes: [scope: "DENIED"])
            case .missing: request
            }
        }
    }

    @Test("device address (no scope in requests): consent token → runs; nothing → consent card", arguments: Grant.allCases)
    func deviceAddress(grant: Grant) async throws {
        let tester = try SkillTester(IdentitySkill())
        let request = grant.apply(to: TestRequest.intent("AddressIntent", token: "u-good"), scope: Permission.deviceAddress.scope)
        let body = try #require(await tester.send(request).json["response"])
        switch grant {
        case .consentTokenOnly, .scopeGranted:
            #expect(body == IdentityGateTests.tell("address for u-good"))
        case .scopeDenied, .missing:
            #expect(body == Self.consentCard(["read::alexa:device:all:address"]))
        }
    }

    @Test("geolocation (a per-scope status): GRANTED runs; DENIED or missing → card", arguments: Grant.allCases)
    func geolocation(grant: Grant) async throws {
        let tester = try SkillTester(IdentitySkill())
        let request = grant.apply(to: TestRequest.intent("LocateIntent"), scope: Permission.geolocation.scope)
        let body = try #require(await tester.send(request).json["response"])
        switch grant {
        case .scopeGranted, .consentTokenOnly:
            #expect(body == IdentityGateTests.tell("located"))
        case .scopeDenied, .missing:
            #expect(body == Self.consentCard(["alexa::devices:all:geolocation:read"]))
        }
    }

    @Test("linking is checked before permissions: an unlinked user gets the link card, not the consent card")
    func linkingFirst() async throws {
        let tester = try SkillTester(IdentitySkill())
        let body = await tester.send(TestRequest.intent("AddressIntent").permissions(consentToken: "c")).json["response"]
        #expect(body == IdentityGateTests.linkCard)
    }

    @Test(
        "the consent speech is localized in the link prompt's eight languages",
        arguments: ["de-DE", "fr-FR", "es-ES", "it-IT", "ja-JP", "pt-BR", "hi-IN"])
    func localized(locale: String) async throws {
        let tester = try SkillTester(IdentitySkill())
        let english = Self.permissionPrompt
        let response = await tester.send(TestRequest.intent("AddressIntent", token: "u-good", locale: locale))
        let speech = try #require(response.speech)
        #expect(speech != english && speech.contains("Identity Test"), "\(locale): \(speech)")
        #expect(response.cardType == "AskForPermissionsConsent")
    }

    @Test("a recognised-person route runs for a recognised speaker and asks for a voice profile otherwise")
    func recognizedPerson() async throws {
        let tester = try SkillTester(IdentitySkill())
        let recognised = await tester.send(TestRequest.intent("MineIntent", token: "u-good").person("amzn1.ask.person.ALICE"))
        #expect(recognised.speech == "mine: amzn1.ask.person.ALICE")
        let stranger = await tester.send(TestRequest.intent("MineIntent", token: "u-good"))
        #expect(
            stranger.json["response"]
                == IdentityGateTests.tell(
                    "Sorry, I don't recognize your voice, and Identity Test needs to know who is asking. Set up a voice profile in the Alexa app, then ask me again."
                ))
    }

    @Test("the permission table maps card strings and request scopes both ways")
    func table() {
        #expect(Permission.named("read::alexa:device:all:address") == .deviceAddress)
        #expect(Permission.named("alexa::devices:all:address:full:read") == .deviceAddress)
        #expect(Permission.named("alexa::profile:email:read") == .email)
        #expect(Permission.countryAndPostalCode.cardName == "read::alexa:device:all:address:country_and_postal_code")
        #expect(Permission.named("nonsense") == nil)
    }

    @Test("routes lists each route's permissions as card strings next to its linking policy")
    func routesListing() throws {
        let output = RoutesMode.text(try SkillRunner(skill: IdentitySkill(), logger: .disabled))
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("intent AddressIntent") })
        #expect(line.contains("required") && line.contains("permissions read::alexa:device:all:address"), "\(line)")
        let mine = try #require(output.split(separator: "\n").first { $0.hasPrefix("intent MineIntent") })
        #expect(mine.contains("recognized person"))
    }

    @Test("SkillPermissionAccepted and SkillPermissionChanged events are routable")
    func permissionEvents() async throws {
        let routes: [Route] = [
            Event("AlexaSkillEvent.SkillPermissionAccepted", "AlexaSkillEvent.SkillPermissionChanged") { request, context in
                context.logger.info("permissions changed: \(request.type)")
                return .empty
            }.route
        ]
        let runner = try SkillRunner(configuration: SkillConfiguration(name: "E"), routes: routes, logger: .disabled)
        for type in ["AlexaSkillEvent.SkillPermissionAccepted", "AlexaSkillEvent.SkillPermissionChanged"] {
            let body = await runner.handle(
                body: TestRequest.event(type, fields: ["body": ["acceptedPermissions": [["scope": "alexa::profile:email:read"]]]]).bytes)
            #expect(body.error == nil)
        }
    }
}
