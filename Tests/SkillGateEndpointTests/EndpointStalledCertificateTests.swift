import Foundation
import SkillGate
import SkillGateEndpoint
import SkillGateHTTP
import SkillGateTestSupport
import SkillGateVerification
import Testing

/// Verification when certificate downloads never answer: a request that is not verified never
/// gets 200, checks that need no certificate come before any download, and a download that cannot
/// finish fails the request with 503 within the verifier's limit, not the handler's apology.
@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line to make test certificates"))
struct EndpointStalledCertificateTests {
    /// A server for ``StalledRequests/skillID`` whose certificate downloads never answer.
    final class StalledServer: Sendable {
        let fetcher = NeverAnsweringFetcher()
        let counter = HandlerCounter()
        let server: HTTPServer
        let port: Int

        init(limits: CertificateDownloadLimits, handlerTimeout: Duration = .milliseconds(200)) throws {
            let runner = try StalledRequests.runner(handlerTimeout: handlerTimeout, counter: counter)
            let verifier = AlexaRequestVerifier(certificateFetcher: fetcher, downloadLimits: limits, logger: .disabled)
            let endpoint = SkillEndpoint(runner: runner, path: "/", verifier: verifier, logger: .disabled)
            server = HTTPServer(
                configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, accessLog: false, eventBackend: .fromTestEnvironment),
                responder: endpoint, logger: .disabled)
            port = try server.start()
        }

        func stop() async {
            fetcher.release()
            await server.shutdown()
        }
    }

    /// The error code in a JSON error body.
    static func errorCode(_ response: HTTPClientResponse) throws -> JSONValue? {
        try JSONParser.parse(response.body)["error"]?["code"]
    }

    @Test(
        "16 concurrent requests with a junk signature, another skill's ID or an hour-old timestamp get 400 and cause no download",
        .timeLimit(.minutes(2)))
    func cheapChecksComeFirst() async throws {
        let stalled = try StalledServer(limits: CertificateDownloadLimits(timeout: .seconds(600)))
        let url = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"
        let cases: [(body: [UInt8], signature: String, code: String)] = [
            (
                StalledRequests.body(skillID: "amzn1.ask.skill.someone-else", ageSeconds: 3600), StalledRequests.junkSignature,
                "applicationIdMismatch"
            ),
            (StalledRequests.body(skillID: "amzn1.ask.skill.someone-else"), StalledRequests.junkSignature, "applicationIdMismatch"),
            (StalledRequests.body(ageSeconds: 3600), StalledRequests.junkSignature, "timestampOutOfRange"),
            (StalledRequests.body(), "c2lnbmF0dXJl", "verificationFailed"),
            (Array("{not json".utf8), StalledRequests.junkSignature, "malformedRequest"),
        ]
        let responses = try await withThrowingTaskGroup(of: (String, HTTPClientResponse).self) { group in
            for (body, signature, code) in cases {
                for _ in 0..<16 {
                    group.addTask { (code, try await StalledRequests.post(port: stalled.port, body, certURL: url, signature: signature)) }
                }
            }
            return try await group.reduce(into: [(String, HTTPClientResponse)]()) { $0.append($1) }
        }
        #expect(responses.count == cases.count * 16)
        for (code, response) in responses {
            #expect(response.status == 400, "\(code): \(String(decoding: response.body, as: UTF8.self))")
            #expect(try Self.errorCode(response) == .string(code))
        }
        #expect(stalled.fetcher.calls == 0)
        #expect(stalled.counter.value == 0)
        await stalled.stop()
    }

    @Test(
        "a certificate that cannot be obtained is a 503 with a JSON error within the verifier's limit, never the handler's 200 apology",
        .timeLimit(.minutes(2)))
    func unobtainableCertificateIs503() async throws {
        let stalled = try StalledServer(limits: CertificateDownloadLimits(timeout: .seconds(1)), handlerTimeout: .milliseconds(100))
        let url = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"
        let responses = try await withThrowingTaskGroup(of: HTTPClientResponse.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await StalledRequests.post(
                        port: stalled.port, StalledRequests.body(), certURL: url, signature: StalledRequests.junkSignature)
                }
            }
            return try await group.reduce(into: [HTTPClientResponse]()) { $0.append($1) }
        }
        for response in responses {
            #expect(response.status == 503)
            #expect(response.headers["Content-Type"] == "application/json;charset=UTF-8")
            let body = try JSONParser.parse(response.body)
            #expect(body["error"]?["code"] == "verificationFailed")
            let message = body["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("was not obtained within 1 s"), "\(message)")
        }
        #expect(stalled.fetcher.calls == 1)
        #expect(stalled.counter.value == 0)
        // The stuck download is remembered as failed: the next request is refused at once, without a new download.
        let again = try await StalledRequests.post(
            port: stalled.port, StalledRequests.body(), certURL: url, signature: StalledRequests.junkSignature)
        #expect(again.status == 503)
        #expect(stalled.fetcher.calls == 1)
        await stalled.stop()
    }
}
