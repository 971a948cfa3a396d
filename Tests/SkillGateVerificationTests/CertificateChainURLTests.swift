import Foundation
import SkillGateTestSupport
import SkillGateVerification
import Testing

struct CertificateChainURLTests {
    static let canonical = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"

    @Test(
        "valid certificate-chain URLs pass and normalise to the canonical URL",
        arguments: AmazonCertificateURLs.valid + [
            "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "HtTpS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
            "https://s3.AmazonAWS.com:443/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/./echo-api-cert.pem",
            "https://s3.amazonaws.com/other/../echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/%65cho.api/echo-api-cert.pem",
            "  https://s3.amazonaws.com/echo.api/echo-api-cert.pem  ",
            "\thttps://s3.amazonaws.com/echo.api/echo-api-cert.pem\u{3000}",
            "https://s3.amazonaws.com:/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com:0443/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem#fragment",
        ]
    )
    func validURL(_ string: String) throws {
        let url = try CertificateChainURL.validate(string)
        #expect(url.absoluteString == Self.canonical)
    }

    @Test(
        "invalid certificate-chain URLs fail with invalidSignatureCertChainURL",
        arguments: AmazonCertificateURLs.invalid + [
            "https://s3.amazonaws.com:80/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api",
            "https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem",
            "https://evil.example@s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "http://",
            "not a url",
            "",
            "https://s3.amazonaws.com:99999999999999999999/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com:44x/echo.api/echo-api-cert.pem",
            "https://user:password@s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "https://s3%2Eamazonaws.com/echo.api/echo-api-cert.pem",
            "https://[::1]/echo.api/echo-api-cert.pem",
            "https:s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com//echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo cert.pem",
            "https://s3.amazonaws.com/echo.api/%zz.pem",
            "https://s3.amazonaws.com/echo.api/%ff.pem",
            "https://s3.amazonaws.com/echo.api/[1].pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem\n",
        ]
    )
    func invalidURL(_ string: String) {
        #expect {
            _ = try CertificateChainURL.validate(string)
        } throws: { error in
            guard let error = error as? VerificationError else { return false }
            return error.code == .invalidSignatureCertChainURL && !error.reason.isEmpty
        }
    }

    @Test(
        "the query and fragment are dropped, so every spelling of a chain's URL is one URL",
        arguments: [
            "https://s3.amazonaws.com/echo.api/x/../echo-api-cert.pem?versionId=3",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1#y",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem#frag?x=2",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?",
            "HTTPS://S3.amazonaws.COM:443/echo.api/./echo-api-cert.pem?a=b&c=d",
        ])
    func queryAndFragmentAreDropped(url: String) throws {
        #expect(try CertificateChainURL.validate(url).absoluteString == "https://s3.amazonaws.com/echo.api/echo-api-cert.pem")
    }

    @Test("percent-encoded bytes that must stay encoded are encoded again after decoding")
    func escapesAreKept() throws {
        let url = try CertificateChainURL.validate("https://s3.amazonaws.com/echo.api/a%20b%25c%3Fd%C3%A9.pem")
        #expect(url.absoluteString == "https://s3.amazonaws.com/echo.api/a%20b%25c%3Fd%C3%A9.pem")
    }

    @Test("the reason names the rule that was broken")
    func reasonNamesRule() {
        let error = #expect(throws: VerificationError.self) {
            _ = try CertificateChainURL.validate("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem")
        }
        #expect(error?.reason.contains("port 443") == true)
    }

    @Test("a hostile URL is quoted in the reason with control characters escaped and its length capped")
    func hostileURLIsQuoted() {
        let hostile = "https://s3.amazonaws.com/x\u{1B}[31m" + String(repeating: "a", count: 1000)
        let error = #expect(throws: VerificationError.self) { _ = try CertificateChainURL.validate(hostile) }
        let reason = error?.reason ?? ""
        #expect(!reason.unicodeScalars.contains("\u{1B}"))
        #expect(reason.contains("\\u{1B}"))
        #expect(reason.count < 400)
    }
}
