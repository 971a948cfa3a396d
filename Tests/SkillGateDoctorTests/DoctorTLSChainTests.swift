import Foundation
import SkillGateDoctor
import SkillGateTestSupport
import Testing

/// TLS as Alexa sees it: loopback TLS servers (a TLS proxy in front of the fake) with throw-away chains.
@Suite(.enabled(if: TLSProxy.isAvailable, "needs python3 and openssl for a loopback TLS server"))
struct DoctorTLSChainTests {
    /// One server set-up and the TLS verdicts it must produce (every other TLS check PASSes).
    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let chain: @Sendable (TLSChainCertificates) -> [UInt8]
        let expected: [CheckID: CheckVerdict]
        var trustOtherCA = false
        var testDescription: String { name }
    }

    static let tlsChecks: [CheckID] = [.tlsChain, .tlsTrust, .tlsExpiry, .tlsHostname, .tlsIssuer]

    static let variants: [Variant] = [
        Variant(name: "complete chain", chain: \.completeChain, expected: [:]),
        Variant(name: "missing intermediate", chain: \.leafOnly, expected: [.tlsChain: .fail, .tlsTrust: .info]),
        Variant(name: "expired", chain: \.expiredChain, expected: [.tlsExpiry: .fail]),
        Variant(name: "expiring in 10 days", chain: \.expiringSoonChain, expected: [.tlsExpiry: .warn]),
        Variant(name: "wrong host", chain: \.wrongHostChain, expected: [.tlsHostname: .fail]),
        Variant(name: "Let's Encrypt issuer", chain: \.letsEncryptChain, expected: [.tlsIssuer: .warn]),
        Variant(name: "untrusted root", chain: \.completeChain, expected: [.tlsTrust: .fail], trustOtherCA: true),
    ]

    @Test("each TLS misbehaviour FAILs or WARNs its own check, and a complete chain passes them all", arguments: Self.variants)
    func variant(_ variant: Variant) async throws {
        let certificates = try await TLSChainCertificates.shared.value
        let otherCA = try await TLSTestCertificates.shared.value.otherCAPEM
        try await FakeServer.with { fake in
            let proxy = try TLSProxy(certificate: variant.chain(certificates), key: certificates.serverKeyPEM, backendPort: fake.port)
            try await DoctorHTTPSTests.withCAFile(variant.trustOtherCA ? otherCA : certificates.rootPEM) { caFile in
                let report = await FakeServer.run(try DoctorHTTPSTests.httpsOptions(fake, proxyPort: proxy.port, caFile: caFile))
                for id in Self.tlsChecks {
                    let verdict = variant.expected[id] ?? .pass
                    #expect(report[id]?.verdict == verdict, "\(id.rawValue): \(report[id]?.reason ?? "missing")")
                    if verdict != .pass { #expect(report[id]?.fix?.isEmpty == false || verdict == .info) }
                }
                let failures = Set(variant.expected.filter { $0.value == .fail }.keys)
                #expect(report.ids(.fail) == failures, "\(report.dump)")
                if variant.expected.isEmpty {
                    #expect(report.ids(.error).isEmpty, "\(report.dump)")
                    #expect(report[.codeExchange]?.verdict == .pass, "\(report.dump)")
                    #expect(report[.tlsExpiry]?.reason.contains("days left") == true)
                }
            }
            withExtendedLifetime(proxy) {}
        }
    }
}
