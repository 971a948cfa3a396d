import SkillGate
import SkillGateEndpoint
import SkillGateHTTP
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// A body that is not JSON is told so, with the byte where it went wrong ("the body is not JSON:
/// unexpected 'h' at byte 1"), not "found a boolean" — over HTTP and on stdio (Lambda:
/// LambdaLogTests).
@Suite struct NotJSONBodyTests {
    static let rideHailer = LogProcessTests.rideHailer

    @Test(
        "serve: 400 with 'the body is not JSON: unexpected … at byte N'",
        arguments: [
            ("this is not JSON", "the body is not JSON: unexpected 'h' at byte 1"),
            ("{\"request\": nope}", "the body is not JSON: unexpected 'o' at byte 13"),
            ("", "the body is empty: expected a request envelope (a JSON object)"),
            ("true", "the request body must be a JSON object, found a boolean"),
        ])
    func overHTTP(body: String, message: String) async throws {
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "Not JSON"), routes: [Launch { _ in .tell("hi") }.route], logger: .disabled)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, accessLog: false),
            responder: SkillEndpoint(runner: runner, path: "/", verifier: nil, logger: .disabled), logger: .disabled)
        let port = try server.start()
        let client = HTTPClient(host: "127.0.0.1", port: port)
        let response = try await client.send(
            method: "POST", path: "/", headers: ["Content-Type": "application/json"], body: Array(body.utf8), timeout: .seconds(20))
        client.close()
        await server.shutdown()
        #expect(response.status == 400)
        let json = try JSONParser.parse(response.body)
        #expect(json["error"]?["code"] == "malformedRequest")
        #expect(json["error"]?["message"]?.stringValue == message)
    }

    @Test("stdio and stdio --lines: the same message, on stderr (exit 65) and as the line's error")
    func onStdio() async throws {
        let single = try await ChildProcess.run(Self.rideHailer, ["stdio"], input: Array("this is not JSON".utf8))
        #expect(single.status == 65)
        #expect(single.stdout.isEmpty)
        #expect(single.stderr == "ride-hailer: malformed request: the body is not JSON: unexpected 'h' at byte 1\n")

        let lines = try await ChildProcess.run(Self.rideHailer, ["stdio", "--lines"], input: Array("this is not JSON\n".utf8))
        #expect(lines.status == 0)
        let answer = try JSONParser.parse(Array(lines.stdout.utf8))
        #expect(answer["error"]?["message"] == "the body is not JSON: unexpected 'h' at byte 1")
    }
}
