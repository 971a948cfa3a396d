public import Foundation
import SkillGateSystem

/// Throw-away certificates shaped like Alexa's, made with the `openssl` command line once per test run.
///
/// For tests of endpoints and signed replays: a root CA, an intermediate, a signing certificate
/// with `DNS:echo-api.amazon.com`, plus an expired one, a not-yet-valid one, one with the wrong SAN, and a
/// chain from a root nobody trusts. Everything is read into memory and the temp folder removed.
/// Use `try await AlexaCertificateFixture.shared.value`.
public struct AlexaCertificateFixture: Sendable {
    /// Generated once per process; tests await it.
    public static let shared = OpenSSLCommand.once { try AlexaCertificateFixture.generate() }

    /// When generation started; the signing certificate is valid from about then for `leafDays` days.
    public let generatedAt: Date
    /// The signing certificate's lifetime in days.
    public static let leafDays = 30

    /// The test root CA, to pass as `TrustRoots.pem`.
    public let rootPEM: [UInt8]
    /// The signing key (PKCS#8, `BEGIN PRIVATE KEY`).
    public let leafKeyPEM: [UInt8]
    /// The same key in traditional form (`BEGIN RSA PRIVATE KEY`).
    public let leafKeyTraditionalPEM: [UInt8]
    /// The same key encrypted with the passphrase `secret`.
    public let leafKeyEncryptedPEM: [UInt8]
    /// An EC (not RSA) private key.
    public let ecKeyPEM: [UInt8]
    /// An RSA private key unrelated to any certificate here (signs, but never verifies).
    public let otherKeyPEM: [UInt8]
    /// Signing certificate + intermediate: what Alexa serves.
    public let chainPEM: [UInt8]
    /// The signing certificate alone (intermediate missing).
    public let leafOnlyPEM: [UInt8]
    /// A chain whose signing certificate expired in January 2020.
    public let expiredChainPEM: [UInt8]
    /// A chain whose signing certificate becomes valid two days after generation.
    public let notYetValidChainPEM: [UInt8]
    /// A chain whose signing certificate names other hosts, not echo-api.amazon.com.
    public let wrongSANChainPEM: [UInt8]
    /// A signing certificate (same key, right SAN) issued by an untrusted "rogue" root, plus that root.
    public let rogueChainPEM: [UInt8]
    /// A body and its Signature-256 value made by `openssl dgst -sha256 -sign leaf.key | base64`.
    public let signedBody: [UInt8]
    /// The base64 signature of ``signedBody``.
    public let signedBodySignature: String

    /// The extension profiles.
    static let config = OpenSSLConfig()
        .authority("root_ext")
        .authority("intermediate_ext", pathLength: 0, authorityKeyIdentifier: "keyid:always")
        .endEntity("leaf_ext", purpose: .signing, subjectAltName: "DNS:echo-api.amazon.com")
        .endEntity("wrong_san_ext", purpose: .signing, subjectAltName: "DNS:echo-api.amazon.com.evil.example, DNS:example.com")
        .caDatabase(certificatesFolder: "issued")

    /// The `openssl` command line, found on `PATH`; nil when it is not installed.
    public static let opensslPath: String? = ChildProcess.which("openssl")

    /// Whether the fixture can be made here.
    public static var isAvailable: Bool { opensslPath != nil }

    private static func generate() throws -> AlexaCertificateFixture {
        let generatedAt = Date()
        return try OpenSSLCommand.inTemporaryFolder("skillgate-verification", config: config) { openssl in
            try generate(with: openssl, at: generatedAt)
        }
    }

    private static func generate(with openssl: OpenSSLCommand, at generatedAt: Date) throws -> AlexaCertificateFixture {
        // Root CA (self-signed), intermediate CA, and the signing key's CSR.
        try openssl.run(
            OpenSSLStep.selfSigned("root", key: .rsa, subject: "/CN=SkillGate Test Root CA", days: 3650, extensions: "root_ext"))
        try openssl.run(OpenSSLStep.request("intermediate", key: .rsa, subject: "/CN=SkillGate Test Intermediate CA"))
        try openssl.run(
            OpenSSLStep.issue("intermediate", by: "root", serial: "2", days: 1825, extensions: "intermediate_ext", out: "intermediate"))
        try openssl.run(OpenSSLStep.request("leaf", key: .rsa, subject: "/CN=echo-api.amazon.com"))
        // The good signing certificate, and one with the wrong SAN, both from the intermediate.
        try openssl.run(OpenSSLStep.issue("leaf", by: "intermediate", serial: "3", days: leafDays, extensions: "leaf_ext", out: "leaf"))
        try openssl.run(
            OpenSSLStep.issue("leaf", by: "intermediate", serial: "4", days: leafDays, extensions: "wrong_san_ext", out: "wrong-san"))
        // Explicit dates need `openssl ca`: an expired and a not-yet-valid signing certificate.
        try openssl.run(
            OpenSSLStep.issue(
                "leaf", by: "intermediate", from: "200101000000Z", until: "200201000000Z", extensions: "leaf_ext", out: "expired"))
        try openssl.run(
            OpenSSLStep.issue(
                "leaf", by: "intermediate", from: utcTime(generatedAt.addingTimeInterval(2 * 86_400)),
                until: utcTime(generatedAt.addingTimeInterval(60 * 86_400)), extensions: "leaf_ext", out: "not-yet-valid"))
        // A rogue root that nobody trusts issues a certificate for the same key with the right SAN.
        try openssl.run(
            OpenSSLStep.selfSigned("rogue-root", key: .rsa, subject: "/CN=SkillGate Rogue Root CA", days: 3650, extensions: "root_ext"))
        try openssl.run(OpenSSLStep.issue("leaf", by: "rogue-root", serial: "5", days: leafDays, extensions: "leaf_ext", out: "rogue-leaf"))
        // Other forms of keys, and a body signed by the command line.
        try openssl.run(["pkey", "-in", "leaf.key", "-traditional", "-out", "leaf-rsa.key"])
        try openssl.run(["pkey", "-in", "leaf.key", "-aes256", "-passout", "pass:secret", "-out", "leaf-encrypted.key"])
        try openssl.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key"])
        try openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.key"])
        let body = Array(#"{"version":"1.0","request":{"type":"LaunchRequest","requestId":"amzn1.echo-api.request.1"}}"#.utf8)
        try openssl.write(body, to: "body.json")
        try openssl.run(["dgst", "-sha256", "-sign", "leaf.key", "-out", "body.sig", "body.json"])

        let intermediate = try openssl.read("intermediate.pem")
        return AlexaCertificateFixture(
            generatedAt: generatedAt,
            rootPEM: try openssl.read("root.pem"),
            leafKeyPEM: try openssl.read("leaf.key"),
            leafKeyTraditionalPEM: try openssl.read("leaf-rsa.key"),
            leafKeyEncryptedPEM: try openssl.read("leaf-encrypted.key"),
            ecKeyPEM: try openssl.read("ec.key"),
            otherKeyPEM: try openssl.read("other.key"),
            chainPEM: try openssl.read("leaf.pem") + intermediate,
            leafOnlyPEM: try openssl.read("leaf.pem"),
            expiredChainPEM: try openssl.read("expired.pem") + intermediate,
            notYetValidChainPEM: try openssl.read("not-yet-valid.pem") + intermediate,
            wrongSANChainPEM: try openssl.read("wrong-san.pem") + intermediate,
            rogueChainPEM: try openssl.read("rogue-leaf.pem") + openssl.read("rogue-root.pem"),
            signedBody: body,
            signedBodySignature: Data(try openssl.read("body.sig")).base64EncodedString()
        )
    }

    /// `YYMMDDHHMMSSZ` in UTC, the form `openssl ca -startdate/-enddate` takes.
    private static func utcTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let fields = [(parts.year ?? 2000) % 100, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0]
        return fields.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined() + "Z"
    }
}
