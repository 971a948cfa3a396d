import Foundation
@testable import SkillGateDoctor
import Testing

/// The static checks look only at the options, so they run here without any network call.
struct DoctorStaticCheckTests {
    private func diagnosis(token: String, probe: String? = nil, code: String = "abc") throws -> Diagnosis {
        let options = DoctorOptions(
            tokenURL: try #require(URL(string: token)), clientID: "c", clientSecret: "s",
            grant: .authorizationCode(code: code, redirectURI: "https://r.example/"),
            probeURL: try probe.map { try #require(URL(string: $0)) })
        return Diagnosis(options: options, observations: Observations())
    }

    @Test(
        "HTTPS passes, HTTP is a FAIL except on loopback hosts where it is a WARN",
        arguments: [
            ("https://auth.example.com/token", CheckVerdict.pass),
            ("https://auth.example.com:443/token", .pass),
            ("https://auth.example.com:8443/token", .warn),
            ("http://auth.example.com/token", .fail),
            ("http://10.0.0.1/token", .fail),
            ("http://127.0.0.1:8080/token", .warn),
            ("http://127.1.2.3/token", .warn),
            ("http://localhost:8080/token", .warn),
            ("http://[::1]:8080/token", .warn),
            ("http://127.0.0.1.example.com/token", .fail),
        ])
    func tokenURL(_ url: String, _ verdict: CheckVerdict) throws {
        let check = try diagnosis(token: url).tokenURLCheck()
        #expect(check.verdict == verdict, "\(check.reason)")
    }

    @Test("a plain-HTTP probe URL off loopback is a FAIL")
    func probeURL() throws {
        #expect(try diagnosis(token: "https://a.example/t", probe: "http://api.example.com/me").probeURLCheck().verdict == .fail)
        #expect(try diagnosis(token: "https://a.example/t", probe: "https://api.example.com/me").probeURLCheck().verdict == .pass)
    }

    @Test(
        "code length: PASS up to 512, WARN up to 1024, FAIL beyond",
        arguments: [
            (40, CheckVerdict.pass), (512, .pass), (513, .warn), (1024, .warn), (1025, .fail),
        ])
    func codeLength(_ length: Int, _ verdict: CheckVerdict) throws {
        let check = try diagnosis(token: "https://a.example/t", code: String(repeating: "x", count: length))
            .codeLengthCheck()
        #expect(check.verdict == verdict)
    }

    @Test("HTTP Basic form-encodes the client ID and secret before base64 (RFC 6749 §2.3.1)")
    func basicEncoding() throws {
        let header = TokenRequest.basicAuthorization(clientID: "a b/1", clientSecret: "p:w+%")
        let encoded = try #require(header.split(separator: " ").last)
        let data = try #require(Data(base64Encoded: String(encoded)))
        #expect(String(decoding: data, as: UTF8.self) == "a+b%2F1:p%3Aw%2B%25")
    }

    @Test("token bodies: JSON with numeric-string expires_in, form-encoded, and HTML errors are all read")
    func lenientBodies() {
        let json = TokenBody(Data(#"{"access_token":"a","token_type":"Bearer","expires_in":"3600","x":1}"#.utf8))
        #expect(json.encoding == .json)
        #expect(json.expiresIn == .seconds(3600))
        let form = TokenBody(Data("access_token=a%2Bb&token_type=bearer&expires_in=60".utf8))
        #expect(form.encoding == .form)
        #expect(form.accessToken == "a+b")
        #expect(form.expiresIn == .seconds(60))
        let html = TokenBody(Data("<html><p>invalid_grant</p></html>".utf8))
        #expect(html.encoding == .text)
        #expect(html.error == "invalid_grant")
        #expect(TokenBody(Data(#"{"expires_in":"soon"}"#.utf8)).expiresIn == .unreadable("soon"))
    }
}
