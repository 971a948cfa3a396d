import SkillGate

/// Ride Hailer's routes with in-memory accounts: the benchmark measures SkillGate, not file I/O.
struct BenchSkill: Skill {
    var configuration: SkillConfiguration {
        SkillConfiguration(
            name: "Ride Hailer", applicationID: BenchRequests.skillID,
            linkPrompt:
                "Before I can order you rides, you need to log in with your Ride Hailer account. Please visit the Alexa app to link your Ride Hailer account."
        )
    }

    var routes: [Route] {
        Launch { _ in .ask("Welcome to Ride Hailer. Where would you like to go?") }
        Intent("OrderRideIntent", linking: .required) { request, context in
            let destination = request.slots["destination"]?.value ?? "work"
            return .ask("Ordering a ride using your Ride Hailer account. You wanted to go to your default \(destination) location, right?")
                .sessionAttribute("pendingOrder", .string(destination), from: context.sessionAttributes)
        }
        Intent("OrderRideFromHereIntent", linking: .required) { _, _ in .tell("A ride from here. Where to?") }
            .requiring(.permissions(.deviceAddress))
        Intent("RideHailerAvailabilityByCity", linking: .public) { request, _ in
            .tell("Ride Hailer offers a full range of services in \(request.slots["city"]?.value ?? "your city").")
        }
        Intent("AMAZON.HelpIntent", linking: .public) { _, _ in .ask("Try: get me a ride to work.") }
        Intent("AMAZON.StopIntent", "AMAZON.CancelIntent", linking: .public) { _, _ in .tell("Goodbye.") }
        SessionEnded()
    }
}

/// Realistic request bodies of about 1.2–1.4 KB, as an Echo device sends them (the issue's
/// reference size is ~1.2 KB; the linked one carries a token in both session and context).
enum BenchRequests {
    static let skillID = "amzn1.ask.skill.6f1c3a52-8f0e-4d2b-9a7e-1b2c3d4e5f60"

    static func body(intent: String, slot: (String, String), token: String?) -> [UInt8] {
        let tokenField = token.map { #","accessToken":"\#($0)""# } ?? ""
        let json = """
            {"version":"1.0","session":{"new":true,"sessionId":"amzn1.echo-api.session.3b9e2a1c-7d4f-4e8a-b5c6-0f1e2d3c4b5a","application":{"applicationId":"\(skillID)"},"attributes":{},"user":{"userId":"amzn1.ask.account.AGF7EXAMPLEUSERIDAGF7EXAMPLEUSERIDAGF7EXAMPLEUSERID"\(tokenField)}},"context":{"System":{"application":{"applicationId":"\(skillID)"},"user":{"userId":"amzn1.ask.account.AGF7EXAMPLEUSERIDAGF7EXAMPLEUSERIDAGF7EXAMPLEUSERID"\(tokenField)},"device":{"deviceId":"amzn1.ask.device.AEXAMPLEDEVICEIDAEXAMPLEDEVICEIDAEXAMPLEDEVICEID","supportedInterfaces":{"AudioPlayer":{}}},"apiEndpoint":"https://api.amazonalexa.com","apiAccessToken":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhbGV4YSJ9.c2ln"},"AudioPlayer":{"playerActivity":"IDLE"}},"request":{"type":"IntentRequest","requestId":"amzn1.echo-api.request.9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4","locale":"en-US","timestamp":"2026-11-21T20:00:00Z","dialogState":"STARTED","intent":{"name":"\(intent)","confirmationStatus":"NONE","slots":{"\(slot.0)":{"name":"\(slot.0)","value":"\(slot.1)","confirmationStatus":"NONE","source":"USER","resolutions":{"resolutionsPerAuthority":[{"authority":"amzn1.er-authority.echo-sdk.\(skillID).Destination","status":{"code":"ER_SUCCESS_MATCH"},"values":[{"value":{"name":"\(slot.1)","id":"WORK"}}]}]}}}}}}
            """
        return Array(json.utf8)
    }

    static let linkedOrder = body(
        intent: "OrderRideIntent", slot: ("destination", "work"), token: "Atza|IwEBIEXAMPLEACCESSTOKENEXAMPLEACCESSTOKEN0123456789")
    static let unlinkedOrder = body(intent: "OrderRideIntent", slot: ("destination", "work"), token: nil)
    static let publicAvailability = body(intent: "RideHailerAvailabilityByCity", slot: ("city", "Dallas"), token: nil)
    /// A linked request to a route that requires the device-address permission, with the consent
    /// token in `context.System.user.permissions` (permission granted: the handler runs).
    static let permissionGranted: [UInt8] = {
        let token = "Atza|IwEBIEXAMPLEACCESSTOKENEXAMPLEACCESSTOKEN0123456789"
        let plain = body(intent: "OrderRideFromHereIntent", slot: ("destination", "work"), token: token)
        let marker = Array(#""accessToken":"\#(token)"},"device""#.utf8)
        let granted = Array(#""accessToken":"\#(token)","permissions":{"consentToken":"Atza|MQEWYEXAMPLECONSENTTOKEN"}},"device""#.utf8)
        guard let start = plain.firstRange(of: marker) else { return plain }
        return Array(plain[..<start.lowerBound]) + granted + Array(plain[start.upperBound...])
    }()
}
