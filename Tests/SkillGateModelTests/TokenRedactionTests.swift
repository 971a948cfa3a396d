import SkillGateModel
import Testing

/// No token in a decoded request prints: not through `print`, `debugPrint`, `dump` or a nested
/// value's description (the hardening issue's item 3).
struct TokenRedactionTests {
    static let markers = ["USERMARKER1234", "SESSIONMARKER5678", "PERSONMARKER9012", "CONSENTMARKER3456", "APIMARKER7890"]

    static let body = """
        {"version":"1.0","session":{"new":true,"sessionId":"s","application":{"applicationId":"a"},
        "user":{"userId":"u","accessToken":"SESSIONMARKER5678"}},
        "context":{"System":{"application":{"applicationId":"a"},
        "user":{"userId":"u","accessToken":"USERMARKER1234","permissions":{"consentToken":"CONSENTMARKER3456"}},
        "person":{"personId":"p","accessToken":"PERSONMARKER9012"},
        "apiEndpoint":"https://api.amazonalexa.com","apiAccessToken":"APIMARKER7890"}},
        "request":{"type":"LaunchRequest","requestId":"r","timestamp":"2026-11-21T20:00:00Z","locale":"en-US"}}
        """

    @Test("description, debugDescription and dump of a request show no token")
    func redacted() throws {
        let envelope = try RequestEnvelope(jsonBytes: Array(Self.body.utf8))
        var dumped = ""
        dump(envelope, to: &dumped)
        let outputs = [String(describing: envelope), String(reflecting: envelope), dumped, "\(envelope.context?.system as Any)"]
        for output in outputs {
            for marker in Self.markers {
                #expect(!output.contains(marker), "\(marker) leaked")
                #expect(!output.contains(String(marker.prefix(8))), "a piece of \(marker) leaked")
            }
            #expect(output.contains("AccessToken(redacted)"))
        }
        #expect(envelope.accessToken?.value == "PERSONMARKER9012", "the person's token wins")
        #expect(envelope.linkingToken?.source == .person)
        #expect(envelope.user?.consentToken?.value == "CONSENTMARKER3456")
    }
}
