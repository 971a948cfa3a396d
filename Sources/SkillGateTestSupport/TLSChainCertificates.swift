import Foundation

/// Throw-away certificate chains for TLS checks, made with the `openssl` command line once per test run: a
/// root CA, an intermediate it issued, a second intermediate named like Let's Encrypt's, and server
/// certificates issued by the intermediates (one key for all): in date for `IP:127.0.0.1`, expiring within
/// days, long expired (made with `openssl ca -startdate/-enddate`), for the wrong host, and one from the
/// Let's Encrypt look-alike. Each `…Chain` is what a server sends: its certificate, then the intermediate.
public struct TLSChainCertificates: Sendable {
    /// The certificates, made once per test process.
    public static let shared = Task<TLSChainCertificates, any Error> {
        // openssl runs block: keep them off the cooperative pool that parallel tests share.
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try TLSChainCertificates.generate() }) }
        }
    }

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

    static let config = """
        [ req ]
        distinguished_name = dn
        prompt = no
        [ dn ]
        CN = placeholder
        [ ca ]
        default_ca = test_ca
        [ test_ca ]
        database = index.txt
        new_certs_dir = .
        serial = serial.txt
        default_md = sha256
        policy = any
        unique_subject = no
        copy_extensions = none
        [ any ]
        commonName = supplied
        [ ca_ext ]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
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

    private static func generate() throws -> TLSChainCertificates {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "skillgate-chains-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let openssl = try OpenSSLCommand(folder: folder)
        try openssl.write(config, to: "openssl.cnf")
        try openssl.write("", to: "index.txt")
        try openssl.write("1000\n", to: "serial.txt")
        let cnf = ["-config", "openssl.cnf"]
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try openssl.run(
            ["req", "-x509"] + cnf + ec + [
                "-keyout", "root.key", "-out", "root.pem", "-days", "3650", "-subj", "/CN=SkillGate Doctor Test Root",
                "-extensions", "ca_ext",
            ])
        for (name, subject, serial) in [
            ("inter", "/CN=SkillGate Doctor Test Intermediate", "2"), ("le", "/C=US/O=Let's Encrypt/CN=R3", "3"),
        ] {
            try openssl.run(["req", "-new"] + cnf + ec + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject])
            try openssl.run([
                "x509", "-req", "-in", "\(name).csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", serial, "-days", "3650",
                "-sha256", "-extfile", "openssl.cnf", "-extensions", "ca_ext", "-out", "\(name).pem",
            ])
        }
        try openssl.run(
            ["req", "-new"] + cnf + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=skillgate-doctor-server"])
        let leaves = [
            ("good", "inter", "loopback_ext", "90", "10"), ("soon", "inter", "loopback_ext", "10", "11"),
            ("wrong", "inter", "other_ext", "90", "12"), ("le-leaf", "le", "loopback_ext", "90", "13"),
        ]
        for (name, issuer, extensions, days, serial) in leaves {
            try openssl.run([
                "x509", "-req", "-in", "server.csr", "-CA", "\(issuer).pem", "-CAkey", "\(issuer).key", "-set_serial", serial, "-days",
                days,
                "-sha256", "-extfile", "openssl.cnf", "-extensions", extensions, "-out", "\(name).pem",
            ])
        }
        try openssl.run(
            ["ca", "-batch"] + cnf + [
                "-cert", "inter.pem", "-keyfile", "inter.key", "-in", "server.csr", "-startdate", "200101000000Z", "-enddate",
                "200201000000Z", "-extfile", "openssl.cnf", "-extensions", "loopback_ext", "-notext", "-out", "expired.pem",
            ])
        let intermediate = try openssl.read("inter.pem")
        return TLSChainCertificates(
            rootPEM: try openssl.read("root.pem"), serverKeyPEM: try openssl.read("server.key"),
            completeChain: try openssl.read("good.pem") + intermediate, leafOnly: try openssl.read("good.pem"),
            expiringSoonChain: try openssl.read("soon.pem") + intermediate, expiredChain: try openssl.read("expired.pem") + intermediate,
            wrongHostChain: try openssl.read("wrong.pem") + intermediate,
            letsEncryptChain: try openssl.read("le-leaf.pem") + (try openssl.read("le.pem")))
    }
}
