import Foundation
import SkillGateSystem

/// Throw-away TLS certificates made with the `openssl` command line once per test run: a test CA, a
/// server certificate for `IP:127.0.0.1`, one for `DNS:other.example` (same CA, wrong name), and a
/// second CA that issued neither.
public struct TLSTestCertificates: Sendable {
    /// The certificates, made once per test process.
    public static let shared = OpenSSLCommand.once { try TLSTestCertificates.generate() }

    /// The CA that issued both server certificates.
    public let caPEM: [UInt8]
    /// A CA unrelated to the servers.
    public let otherCAPEM: [UInt8]
    /// The servers' private key.
    public let serverKeyPEM: [UInt8]
    /// A certificate for `IP:127.0.0.1`.
    public let loopbackCertificatePEM: [UInt8]
    /// A certificate for `DNS:other.example` only.
    public let otherNameCertificatePEM: [UInt8]

    static let config = OpenSSLConfig()
        .authority("ca_ext")
        .endEntity("loopback_ext", purpose: .tlsServer, subjectAltName: "IP:127.0.0.1")
        .endEntity("other_ext", purpose: .tlsServer, subjectAltName: "DNS:other.example")

    private static func generate() throws -> TLSTestCertificates {
        try OpenSSLCommand.inTemporaryFolder("skillgate-tls", config: config) { openssl in
            for name in ["ca", "other-ca"] {
                try openssl.run(
                    OpenSSLStep.selfSigned(name, key: .p256, subject: "/CN=SkillGate TLS Test \(name)", days: 2, extensions: "ca_ext"))
            }
            try openssl.run(OpenSSLStep.request("server", key: .p256, subject: "/CN=skillgate-test-server"))
            for (name, extensions, serial) in [("loopback", "loopback_ext", "2"), ("other-name", "other_ext", "3")] {
                try openssl.run(OpenSSLStep.issue("server", by: "ca", serial: serial, days: 2, extensions: extensions, out: name))
            }
            return TLSTestCertificates(
                caPEM: try openssl.read("ca.pem"), otherCAPEM: try openssl.read("other-ca.pem"),
                serverKeyPEM: try openssl.read("server.key"), loopbackCertificatePEM: try openssl.read("loopback.pem"),
                otherNameCertificatePEM: try openssl.read("other-name.pem"))
        }
    }
}

/// A test-setup failure.
public struct TLSTestError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
