public import Foundation

/// Throw-away certificates shaped like Alexa's, made with the `openssl` command line once per test run.
///
/// For tests of endpoints and signed replays: a root CA, an intermediate, a signing certificate
/// with `DNS:echo-api.amazon.com`, plus an expired one, a not-yet-valid one, one with the wrong SAN, and a
/// chain from a root nobody trusts. Everything is read into memory and the temp folder removed.
/// Use `try await AlexaCertificateFixture.shared.value`.
public struct AlexaCertificateFixture: Sendable {
    /// Generated once per process; tests await it.
    public static let shared = Task<AlexaCertificateFixture, any Error> {
        // The openssl runs block for a second or two: do them on a thread of their own, not on
        // the cooperative pool that parallel tests share.
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try AlexaCertificateFixture.generate() }) }
        }
    }

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

    /// The extension profiles; `-config` keeps the system openssl.cnf out of it.
    static let config = """
        [ req ]
        distinguished_name = dn
        prompt = no
        [ dn ]
        CN = placeholder
        [ root_ext ]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [ intermediate_ext ]
        basicConstraints = critical, CA:TRUE, pathlen:0
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always
        [ leaf_ext ]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature, keyEncipherment
        extendedKeyUsage = serverAuth, clientAuth
        subjectAltName = DNS:echo-api.amazon.com
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always
        [ wrong_san_ext ]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature, keyEncipherment
        subjectAltName = DNS:echo-api.amazon.com.evil.example, DNS:example.com
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always
        [ ca ]
        default_ca = dated_ca
        [ dated_ca ]
        database = index.txt
        new_certs_dir = issued
        serial = serial
        default_md = sha256
        policy = any_name
        unique_subject = no
        copy_extensions = none
        [ any_name ]
        commonName = supplied

        """

    /// The `openssl` command line, found on `PATH`; nil when it is not installed.
    public static let opensslPath: String? = ChildProcess.which("openssl")

    /// Whether the fixture can be made here.
    public static var isAvailable: Bool { opensslPath != nil }

    private static func generate() throws -> AlexaCertificateFixture {
        let generatedAt = Date()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("skillgate-verification-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let openssl = try OpenSSLCommand(folder: folder)
        try openssl.write(config, to: "openssl.cnf")
        try openssl.write("", to: "index.txt")
        try openssl.write("1000\n", to: "serial")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("issued"), withIntermediateDirectories: true)
        let cnf = ["-config", "openssl.cnf"]

        // Root CA (self-signed), intermediate CA, and the signing key's CSR.
        try openssl.run(
            ["req", "-x509"] + cnf + [
                "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.pem",
                "-days", "3650", "-sha256", "-subj", "/CN=SkillGate Test Root CA", "-extensions", "root_ext",
            ])
        try openssl.run(
            ["req", "-new"] + cnf + [
                "-newkey", "rsa:2048", "-nodes", "-keyout", "intermediate.key",
                "-out", "intermediate.csr", "-subj", "/CN=SkillGate Test Intermediate CA",
            ])
        try openssl.run([
            "x509", "-req", "-in", "intermediate.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "2",
            "-days", "1825", "-sha256", "-extfile", "openssl.cnf", "-extensions", "intermediate_ext", "-out", "intermediate.pem",
        ])
        try openssl.run(
            ["req", "-new"] + cnf + [
                "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
                "-subj", "/CN=echo-api.amazon.com",
            ])
        // The good signing certificate, and one with the wrong SAN, both from the intermediate.
        try openssl.run([
            "x509", "-req", "-in", "leaf.csr", "-CA", "intermediate.pem", "-CAkey", "intermediate.key",
            "-set_serial", "3", "-days", "\(leafDays)", "-sha256", "-extfile", "openssl.cnf", "-extensions", "leaf_ext", "-out", "leaf.pem",
        ])
        try openssl.run([
            "x509", "-req", "-in", "leaf.csr", "-CA", "intermediate.pem", "-CAkey", "intermediate.key",
            "-set_serial", "4", "-days", "\(leafDays)", "-sha256", "-extfile", "openssl.cnf", "-extensions", "wrong_san_ext", "-out",
            "wrong-san.pem",
        ])
        // Explicit dates need `openssl ca`: an expired and a not-yet-valid signing certificate.
        let dated =
            ["ca", "-batch"] + cnf + [
                "-cert", "intermediate.pem", "-keyfile", "intermediate.key", "-in", "leaf.csr",
                "-notext", "-extfile", "openssl.cnf", "-extensions", "leaf_ext",
            ]
        try openssl.run(dated + ["-startdate", "200101000000Z", "-enddate", "200201000000Z", "-out", "expired.pem"])
        try openssl.run(
            dated + [
                "-startdate", utcTime(generatedAt.addingTimeInterval(2 * 86_400)),
                "-enddate", utcTime(generatedAt.addingTimeInterval(60 * 86_400)), "-out", "not-yet-valid.pem",
            ])
        // A rogue root that nobody trusts issues a certificate for the same key with the right SAN.
        try openssl.run(
            ["req", "-x509"] + cnf + [
                "-newkey", "rsa:2048", "-nodes", "-keyout", "rogue-root.key", "-out", "rogue-root.pem",
                "-days", "3650", "-sha256", "-subj", "/CN=SkillGate Rogue Root CA", "-extensions", "root_ext",
            ])
        try openssl.run([
            "x509", "-req", "-in", "leaf.csr", "-CA", "rogue-root.pem", "-CAkey", "rogue-root.key", "-set_serial", "5",
            "-days", "\(leafDays)", "-sha256", "-extfile", "openssl.cnf", "-extensions", "leaf_ext", "-out", "rogue-leaf.pem",
        ])
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
