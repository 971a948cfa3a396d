import SkillGateCore

/// The transport `SkillMain.run` gives the runner: HTTPS with the `HTTPEndpoint` trait, and one
/// that explains what is missing without it.
enum DefaultAlexaAPITransport {
    static func make() -> any AlexaAPITransport {
        #if HTTPEndpoint
            HTTPSAlexaAPITransport()
        #else
            UnavailableAlexaAPITransport()
        #endif
    }
}

/// Fails every call: this build has no HTTPS.
struct UnavailableAlexaAPITransport: AlexaAPITransport {
    func send(_ request: AlexaAPIRequest, timeout: Duration) async throws -> AlexaAPIResponse {
        throw AlexaAPITransportError(
            .unavailable,
            "cannot call \(request.url): this skill was built without SkillGate's HTTPEndpoint package trait, which brings HTTPS (OpenSSL); turn the trait on to call Alexa APIs"
        )
    }
}
