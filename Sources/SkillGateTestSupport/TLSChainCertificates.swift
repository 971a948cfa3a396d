import Foundation
import SkillGateSystem

/// Throw-away certificate chains for TLS checks, made with the `openssl` command line once per test run: a
/// root CA, an intermediate it issued, a second intermediate named like Let's Encrypt's, and server
/// certificates issued by the intermediates (one key for all): in date for `IP:127.0.0.1`, expiring within
/// days, long expired (made with `openssl ca -startdate/-enddate`), for the wrong host, and one from the
/// Let's Encrypt look-alike. Each `…Chain` is what a server sends: its certificate, then the intermediate.
public struct TLSChainCertificates: Sendable {
    /// The certificates, made once per test process.
    public static let shared = OpenSSLCommand.once { try TLSChainCertificates.generate() }

    /// The root CA (trust it with a CA file).
    public let rootPEM: [UInt8]
    /// The servers' private key.
    public let serverKeyPEM: [UInt8]
    /// In date for 90 days, for `IP:127.0.0.1`, with the intermediate.
    public let completeChain: [UInt8]
    /// The same server certificate without the intermediate.
    public let leafOnly: [UInt8]
    /// For `IP:127.0.0.1`, expiring in 10 days, with the intermediate.
    public let expiringSoonChain: [UInt8]
    /// For `IP:127.0.0.1`, valid only in January 2020, with the intermediate.
    public let expiredChain: [UInt8]
    /// For `DNS:other.example` only, with the intermediate.
    public let wrongHostChain: [UInt8]
    /// For `IP:127.0.0.1`, issued by an intermediate named `/C=US/O=Let's Encrypt/CN=R3`, with it.
    public let letsEncryptChain: [UInt8]

    static let config = OpenSSLConfig()
        .authority("ca_ext", authorityKeyIdentifier: "keyid")
        .endEntity("loopback_ext", purpose: .tlsServer, subjectAltName: "IP:127.0.0.1")
        .endEntity("other_ext", purpose: .tlsServer, subjectAltName: "DNS:other.example")
        .caDatabase(serialFile: "serial.txt")

    private static func generate() throws -> TLSChainCertificates {
        try OpenSSLCommand.inTemporaryFolder("skillgate-chains", config: config) { openssl in
            try openssl.run(
                OpenSSLStep.selfSigned("root", key: .p256, subject: "/CN=SkillGate Doctor Test Root", days: 3650, extensions: "ca_ext"))
            for (name, subject, serial) in [
                ("inter", "/CN=SkillGate Doctor Test Intermediate", "2"), ("le", "/C=US/O=Let's Encrypt/CN=R3", "3"),
            ] {
                try openssl.run(OpenSSLStep.request(name, key: .p256, subject: subject))
                try openssl.run(OpenSSLStep.issue(name, by: "root", serial: serial, days: 3650, extensions: "ca_ext", out: name))
            }
            try openssl.run(OpenSSLStep.request("server", key: .p256, subject: "/CN=skillgate-doctor-server"))
            let leaves = [
                ("good", "inter", "loopback_ext", 90, "10"), ("soon", "inter", "loopback_ext", 10, "11"),
                ("wrong", "inter", "other_ext", 90, "12"), ("le-leaf", "le", "loopback_ext", 90, "13"),
            ]
            for (name, issuer, extensions, days, serial) in leaves {
                try openssl.run(OpenSSLStep.issue("server", by: issuer, serial: serial, days: days, extensions: extensions, out: name))
            }
            try openssl.run(
                OpenSSLStep.issue(
                    "server", by: "inter", from: "200101000000Z", until: "200201000000Z", extensions: "loopback_ext", out: "expired"))
            let intermediate = try openssl.read("inter.pem")
            return TLSChainCertificates(
                rootPEM: try openssl.read("root.pem"), serverKeyPEM: try openssl.read("server.key"),
                completeChain: try openssl.read("good.pem") + intermediate, leafOnly: try openssl.read("good.pem"),
                expiringSoonChain: try openssl.read("soon.pem") + intermediate,
                expiredChain: try openssl.read("expired.pem") + intermediate,
                wrongHostChain: try openssl.read("wrong.pem") + intermediate,
                letsEncryptChain: try openssl.read("le-leaf.pem") + (try openssl.read("le.pem")))
        }
    }
}
