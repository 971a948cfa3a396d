import Foundation

/// Throw-away certificates shaped like Alexa's, made with the `openssl` command line in a temp
/// folder: a root (for `SKILLGATE_TRUST_ROOTS`), a chain of signing certificate + intermediate
/// (for `SKILLGATE_CERT_CHAIN` and `--cert-chain`), the signing key, and an unrelated key.
/// Adapted from SkillGateVerificationTests' AlexaCertificateFixture.
struct DevelopmentCertificates {
    /// Generated once per test process; tests await it.
    static let shared = Task<DevelopmentCertificates, any Error> { try DevelopmentCertificates.generate() }

    /// The folder holding the files (kept for the life of the test process).
    let folder: String
    var root: String { folder + "/root.pem" }
    var chain: String { folder + "/chain.pem" }
    /// The chain with its root appended: `replay` can then check the key against it.
    var chainWithRoot: String { folder + "/chain-with-root.pem" }
    var key: String { folder + "/leaf.key" }
    var otherKey: String { folder + "/other.key" }

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

        """

    private static func generate() throws -> DevelopmentCertificates {
        guard let openssl = Command.which("openssl") else { throw CommandError("the openssl command is not on PATH") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-cli-certs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: URL(fileURLWithPath: folder + "/openssl.cnf"))
        func run(_ arguments: [String]) throws {
            let output = try Command.runBlocking(openssl, arguments, directory: folder)
            guard output.status == 0 else { throw CommandError("openssl \(arguments.joined(separator: " ")) failed: \(output.stderr)") }
        }
        let cnf = ["-config", "openssl.cnf"]
        try run(
            ["req", "-x509"] + cnf + [
                "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.pem", "-days", "30",
                "-sha256", "-subj", "/CN=SkillGate CLI Test Root", "-extensions", "root_ext",
            ])
        try run(
            ["req", "-new"] + cnf + [
                "-newkey", "rsa:2048", "-nodes", "-keyout", "intermediate.key", "-out", "intermediate.csr",
                "-subj", "/CN=SkillGate CLI Test Intermediate",
            ])
        try run([
            "x509", "-req", "-in", "intermediate.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "2", "-days", "30",
            "-sha256", "-extfile", "openssl.cnf", "-extensions", "intermediate_ext", "-out", "intermediate.pem",
        ])
        try run(
            ["req", "-new"] + cnf + [
                "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=echo-api.amazon.com",
            ])
        try run([
            "x509", "-req", "-in", "leaf.csr", "-CA", "intermediate.pem", "-CAkey", "intermediate.key", "-set_serial", "3", "-days", "30",
            "-sha256", "-extfile", "openssl.cnf", "-extensions", "leaf_ext", "-out", "leaf.pem",
        ])
        try run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.key"])
        func read(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) }
        try (read("leaf.pem") + read("intermediate.pem")).write(to: URL(fileURLWithPath: folder + "/chain.pem"))
        try (read("leaf.pem") + read("intermediate.pem") + read("root.pem")).write(
            to: URL(fileURLWithPath: folder + "/chain-with-root.pem"))
        return DevelopmentCertificates(folder: folder)
    }
}
