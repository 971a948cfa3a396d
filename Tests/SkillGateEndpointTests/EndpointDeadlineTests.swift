import SkillGate
import SkillGateEndpoint
import SkillGateHTTP
import SkillGateTestSupport
import SkillGateTesting
import Testing

/// A handler that misses the runner's deadline still gets Alexa a valid, spoken answer.
struct EndpointDeadlineTests {
    @Test("past the handler deadline the endpoint answers 200 with the spoken apology, not a 5xx")
    func spokenApologyOnTimeout() async throws {
        let routes: [Route] = [
            Intent("SlowIntent", linking: .public) { _, _ in
                try await Task.sleep(for: .seconds(30))
                return .tell("too late")
            }.route
        ]
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "Slow"), routes: routes, options: RunnerOptions(handlerTimeout: .milliseconds(300)),
            logger: .disabled)
        let endpoint = SkillEndpoint(runner: runner, path: "/", verifier: nil, logger: .disabled)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, accessLog: false, eventBackend: .fromTestEnvironment),
            responder: endpoint, logger: .disabled)
        let port = try server.start()
        let client = HTTPClient(host: "127.0.0.1", port: port)
        let response = try await client.send(
            method: "POST", path: "/", body: TestRequest.intent("SlowIntent", locale: "de-DE").bytes, timeout: .seconds(20))
        #expect(response.status == 200)
        let body = try JSONParser.parse(response.body)
        #expect(
            body["response"]?["outputSpeech"]?["text"]
                == "Entschuldigung, da ist etwas schiefgelaufen. Bitte versuche es später noch einmal.")
        #expect(body["response"]?["shouldEndSession"] == true)
        client.close()
        await server.shutdown()
    }
}
