import Foundation
import SkillGateTestSupport
import SkillGateVerification
import SkillGateTestSupport
import Testing
import SkillGateCrypto

/// The OpenSSL HTTPS fetcher against real `openssl s_server` processes on loopback.
@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line for test certificates and s_server"))
struct HTTPSCertificateFetcherTests {
    static let pem = Array("-----BEGIN CERTIFICATE-----\nTUlJ\n-----END CERTIFICATE-----\n".utf8)

    /// A raw HTTP response with a `Content-Length` body.
    static func response(_ status: String, _ body: [UInt8], version: String = "1.1") -> [UInt8] {
        Array("HTTP/\(version) \(status)\r\nContent-Type: application/x-pem-file\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// A raw 200 response with a chunked body, sent in pieces of `size` bytes.
    static func chunked(_ body: [UInt8], size: Int = 16) -> [UInt8] {
        var bytes = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        var offset = 0
        while offset < body.count {
            let piece = body[offset..<min(offset + size, body.count)]
            bytes += Array("\(String(piece.count, radix: 16));ext=1\r\n".utf8) + piece + Array("\r\n".utf8)
            offset += piece.count
        }
        return bytes + Array("0\r\nX-Trailer: yes\r\n\r\n".utf8)
    }

    /// A raw HTTP/1.0 200 response whose body ends when the server closes the connection.
    static func untilClose(_ body: [UInt8]) -> [UInt8] { Array("HTTP/1.0 200 ok\r\nContent-type: text/plain\r\n\r\n".utf8) + body }

    /// A server with the 127.0.0.1 certificate serving `files`.
    static func loopbackServer(_ files: [String: [UInt8]]) async throws -> (TLSTestServer, TLSTestCertificates) {
        let certificates = try await TLSTestCertificates.shared.value
        let server = try TLSTestServer(certificate: certificates.loopbackCertificatePEM, key: certificates.serverKeyPEM, files: files)
        return (server, certificates)
    }

    /// Fetches and returns the error code, or nil on success.
    static func failure(_ fetcher: HTTPSCertificateFetcher, _ url: URL) async -> CertificateFetchError? {
        do {
            _ = try await fetcher.fetchPEM(from: url)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a 200 body is returned exactly, whatever its framing",
        arguments: [
            ("content-length", response("200 OK", pem)), ("chunked", chunked(pem, size: 7)), ("until-close", untilClose(pem)),
        ]
    )
    func okResponse(framing: String, response: [UInt8]) async throws {
        let (server, certificates) = try await Self.loopbackServer(["echo-api-cert.pem": response])
        let fetcher = HTTPSCertificateFetcher(timeout: .seconds(20), trustRoots: .pem(certificates.caPEM))
        let bytes = try await fetcher.fetchPEM(from: server.url("echo-api-cert.pem"))
        #expect(bytes == Self.pem, "framing: \(framing)")
    }

    @Test("a 404 answer is an httpStatus error naming the status")
    func notFound() async throws {
        let (server, certificates) = try await Self.loopbackServer(["missing.pem": Self.response("404 Not Found", Array("<Error/>".utf8))])
        let fetcher = HTTPSCertificateFetcher(timeout: .seconds(20), trustRoots: .pem(certificates.caPEM))
        let error = await Self.failure(fetcher, server.url("missing.pem"))
        #expect(error?.code == .httpStatus)
        #expect(error?.statusCode == 404)
        #expect(error?.reason.contains("HTTP 404 Not Found") == true)
    }

    @Test("a certificate for another name is a hostnameMismatch, though its CA is trusted")
    func hostnameMismatch() async throws {
        let certificates = try await TLSTestCertificates.shared.value
        let server = try TLSTestServer(
            certificate: certificates.otherNameCertificatePEM, key: certificates.serverKeyPEM,
            files: ["a.pem": Self.response("200 OK", Self.pem)])
        let fetcher = HTTPSCertificateFetcher(timeout: .seconds(20), trustRoots: .pem(certificates.caPEM))
        let error = await Self.failure(fetcher, server.url("a.pem"))
        #expect(error?.code == .hostnameMismatch, "\(String(describing: error))")
    }

    @Test("a server certificate from a CA the fetcher does not trust is rejected", arguments: ["other CA", "system roots"])
    func untrustedServer(roots: String) async throws {
        let (server, certificates) = try await Self.loopbackServer(["a.pem": Self.response("200 OK", Self.pem)])
        let trustRoots: TrustRoots = roots == "other CA" ? .pem(certificates.otherCAPEM) : .system
        let fetcher = HTTPSCertificateFetcher(timeout: .seconds(20), trustRoots: trustRoots)
        let error = await Self.failure(fetcher, server.url("a.pem"))
        #expect(error?.code == .untrustedCertificate, "\(String(describing: error))")
    }

    @Test(
        "a body over the size limit is refused, whatever its framing",
        arguments: [
            ("content-length", response("200 OK", [UInt8](repeating: 65, count: 4096))),
            ("chunked", chunked([UInt8](repeating: 65, count: 4096), size: 512)),
            ("until-close", untilClose([UInt8](repeating: 65, count: 4096))),
        ]
    )
    func oversized(framing: String, response: [UInt8]) async throws {
        let (server, certificates) = try await Self.loopbackServer(["big.pem": response])
        let fetcher = HTTPSCertificateFetcher(timeout: .seconds(20), maximumSize: 1024, trustRoots: .pem(certificates.caPEM))
        let error = await Self.failure(fetcher, server.url("big.pem"))
        #expect(error?.code == .tooLarge, "framing: \(framing), \(String(describing: error))")
    }

    @Test("a Content-Length body cut short by the server is a malformedResponse")
    func truncated() async throws {
        let cut = Array(Self.response("200 OK", Self.pem).dropLast(10))
        let (server, certificates) = try await Self.loopbackServer(["cut.pem": cut])
        let fetcher = HTTPSCertificateFetcher(timeout: .seconds(20), trustRoots: .pem(certificates.caPEM))
        let error = await Self.failure(fetcher, server.url("cut.pem"))
        #expect(error?.code == .malformedResponse, "\(String(describing: error))")
    }

    @Test("a server that accepts the connection but never answers times out")
    func silentServer() async throws {
        let certificates = try await TLSTestCertificates.shared.value
        let listener = try LoopbackListener()
        let fetcher = HTTPSCertificateFetcher(timeout: .milliseconds(500), trustRoots: .pem(certificates.caPEM))
        let url = try #require(URL(string: "https://127.0.0.1:\(listener.port)/echo.api/echo-api-cert.pem"))
        let error = await Self.failure(fetcher, url)
        #expect(error?.code == .timedOut, "\(String(describing: error))")
        withExtendedLifetime(listener) {}
    }

    @Test("a closed port is a connectionFailed error")
    func refused() async throws {
        let port = try LoopbackListener.freePort()
        let url = try #require(URL(string: "https://127.0.0.1:\(port)/echo.api/echo-api-cert.pem"))
        let error = await Self.failure(HTTPSCertificateFetcher(timeout: .seconds(20)), url)
        #expect(error?.code == .connectionFailed, "\(String(describing: error))")
    }

    @Test("only https URLs are fetched")
    func httpIsRefused() async throws {
        let url = try #require(URL(string: "http://127.0.0.1:1/echo.api/echo-api-cert.pem"))
        let error = await Self.failure(HTTPSCertificateFetcher(), url)
        #expect(error?.code == .invalidURL)
    }

    @Test("unreadable trust roots are a tlsSetupFailed error naming the file")
    func missingTrustRoots() async throws {
        let url = try #require(URL(string: "https://127.0.0.1:1/echo.api/echo-api-cert.pem"))
        let fetcher = HTTPSCertificateFetcher(trustRoots: .file("/nonexistent/skillgate-roots.pem"))
        let error = await Self.failure(fetcher, url)
        #expect(error?.code == .tlsSetupFailed)
        #expect(error?.reason.contains("/nonexistent/skillgate-roots.pem") == true)
    }
}
