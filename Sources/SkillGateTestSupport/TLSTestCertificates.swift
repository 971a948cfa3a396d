import Foundation

/// Throw-away TLS certificates made with the `openssl` command line once per test run: a test CA, a
/// server certificate for `IP:127.0.0.1`, one for `DNS:other.example` (same CA, wrong name), and a
/// second CA that issued neither.
public struct TLSTestCertificates: Sendable {
    /// The certificates, made once per test process.
    public static let shared = Task<TLSTestCertificates, any Error> {
        // openssl runs block: keep them off the cooperative pool that parallel tests share.
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try TLSTestCertificates.generate() }) }
        }
    }

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

    static let config = """
        [ req ]
        distinguished_name = dn
        prompt = no
        [ dn ]
        CN = placeholder
        [ ca_ext ]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [ loopback_ext ]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = serverAuth
        subjectAltName = IP:127.0.0.1
        [ other_ext ]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = serverAuth
        subjectAltName = DNS:other.example

        """

    private static func generate() throws -> TLSTestCertificates {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-tls-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let openssl = try OpenSSLCommand(folder: folder)
        try openssl.write(config, to: "openssl.cnf")
        let cnf = ["-config", "openssl.cnf"]
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        for name in ["ca", "other-ca"] {
            try openssl.run(
                ["req", "-x509"] + cnf + ec + [
                    "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2",
                    "-subj", "/CN=SkillGate TLS Test \(name)", "-extensions", "ca_ext",
                ])
        }
        try openssl.run(
            ["req", "-new"] + cnf + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=skillgate-test-server"])
        for (name, extensions, serial) in [("loopback", "loopback_ext", "2"), ("other-name", "other_ext", "3")] {
            try openssl.run([
                "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", serial, "-days", "2",
                "-sha256", "-extfile", "openssl.cnf", "-extensions", extensions, "-out", "\(name).pem",
            ])
        }
        return TLSTestCertificates(
            caPEM: try openssl.read("ca.pem"), otherCAPEM: try openssl.read("other-ca.pem"), serverKeyPEM: try openssl.read("server.key"),
            loopbackCertificatePEM: try openssl.read("loopback.pem"), otherNameCertificatePEM: try openssl.read("other-name.pem"))
    }
}

/// A test-setup failure.
public struct TLSTestError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
