import Foundation
import SkillGateTesting

/// Throw-away TLS certificates made with the `openssl` command line once per test run: a test CA, a
/// server certificate for `IP:127.0.0.1`, one for `DNS:other.example` (same CA, wrong name), and a
/// second CA that issued neither.
struct TLSTestCertificates: Sendable {
    static let shared = Task<TLSTestCertificates, any Error> { try TLSTestCertificates.generate() }

    /// The CA that issued both server certificates.
    let caPEM: [UInt8]
    /// A CA unrelated to the servers.
    let otherCAPEM: [UInt8]
    /// The servers' private key.
    let serverKeyPEM: [UInt8]
    /// A certificate for `IP:127.0.0.1`.
    let loopbackCertificatePEM: [UInt8]
    /// A certificate for `DNS:other.example` only.
    let otherNameCertificatePEM: [UInt8]

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
        try Data(config.utf8).write(to: folder.appendingPathComponent("openssl.cnf"))
        let cnf = ["-config", "openssl.cnf"]
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        for name in ["ca", "other-ca"] {
            try openssl(
                ["req", "-x509"] + cnf + ec + [
                    "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2",
                    "-subj", "/CN=SkillGate TLS Test \(name)", "-extensions", "ca_ext",
                ], in: folder)
        }
        try openssl(
            ["req", "-new"] + cnf + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=skillgate-test-server"], in: folder)
        for (name, extensions, serial) in [("loopback", "loopback_ext", "2"), ("other-name", "other_ext", "3")] {
            try openssl(
                [
                    "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", serial, "-days", "2",
                    "-sha256", "-extfile", "openssl.cnf", "-extensions", extensions, "-out", "\(name).pem",
                ], in: folder)
        }
        func read(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))) }
        return TLSTestCertificates(
            caPEM: try read("ca.pem"), otherCAPEM: try read("other-ca.pem"), serverKeyPEM: try read("server.key"),
            loopbackCertificatePEM: try read("loopback.pem"), otherNameCertificatePEM: try read("other-name.pem"))
    }

    private static func openssl(_ arguments: [String], in folder: URL) throws {
        guard let path = AlexaCertificateFixture.opensslPath else { throw TLSTestError("the openssl command is not on PATH") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TLSTestError("openssl \(arguments.joined(separator: " ")) failed: \(String(decoding: output, as: UTF8.self))")
        }
    }
}

/// A test-setup failure.
struct TLSTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
