import Foundation
import SkillGateReplay
import SkillGateSystem

/// A throw-away certificate authority for signed replays, made with the `openssl` command line:
/// a root, an intermediate, and a signing certificate with `DNS:echo-api.amazon.com` and its key,
/// shaped like Alexa's. The CA keys are made in a temporary folder and deleted: nothing more can
/// be issued from them.
struct DevCertificates {
    /// The files written, by role.
    static let files = (root: "root.pem", intermediate: "intermediate.pem", signing: "signing.pem", chain: "chain.pem", key: "signing.key")

    /// The extension profiles.
    static let config = OpenSSLConfig()
        .authority("root_ext")
        .authority("intermediate_ext", pathLength: 0, authorityKeyIdentifier: "keyid:always")
        .endEntity("signing_ext", purpose: .signing, subjectAltName: "DNS:echo-api.amazon.com")

    /// The `openssl` program.
    let openssl: String
    /// How long the certificates are valid, in days.
    let days: Int

    /// Finds `openssl` on `PATH`.
    /// - Parameters:
    ///   - days: the validity in days.
    ///   - environment: this process's environment.
    /// - Throws: ``CLIError`` `.io` when `openssl` is not installed.
    init(days: Int, environment: [String: String]) throws(CLIError) {
        guard let found = Subprocess.which("openssl", searchPath: environment["PATH"] ?? Subprocess.defaultSearchPath) else {
            throw .io(
                "dev-cert needs the openssl command line, which is not on PATH; install it (e.g. apt-get install openssl, brew install openssl)"
            )
        }
        openssl = found
        self.days = days
    }

    /// Makes the certificates and writes them into `directory`.
    /// - Parameter directory: an existing folder.
    /// - Throws: ``CLIError`` `.io` naming the openssl step that failed.
    func write(into directory: String) async throws(CLIError) {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-dev-cert-\(UUID().uuidString)").path
        try FileSystem.createDirectory(work)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileSystem.write(Self.config.text, to: work + "/" + OpenSSLStep.configFile)
        let steps: [[String]] = [
            OpenSSLStep.selfSigned(
                "root", key: .rsa, subject: "/CN=SkillGate Development Root CA (throw-away)", days: days, extensions: "root_ext"),
            OpenSSLStep.request("intermediate", key: .rsa, subject: "/CN=SkillGate Development Intermediate CA"),
            OpenSSLStep.issue(
                "intermediate", by: "root", serial: serial(), days: days, extensions: "intermediate_ext", out: "intermediate"),
            OpenSSLStep.request("signing", key: .rsa, subject: "/CN=echo-api.amazon.com"),
            OpenSSLStep.issue("signing", by: "intermediate", serial: serial(), days: days, extensions: "signing_ext", out: "signing"),
        ]
        for arguments in steps { try await run(arguments, in: work) }
        let files = Self.files
        let signing = try FileSystem.read(work + "/signing.pem")
        let intermediate = try FileSystem.read(work + "/intermediate.pem")
        try copy(work + "/root.pem", to: directory + "/" + files.root)
        try copy(work + "/intermediate.pem", to: directory + "/" + files.intermediate)
        try copy(work + "/signing.pem", to: directory + "/" + files.signing)
        try FileSystem.write(String(decoding: signing + intermediate, as: UTF8.self), to: directory + "/" + files.chain)
        try copy(work + "/signing.key", to: directory + "/" + files.key)
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory + "/" + files.key)
    }

    private func run(_ arguments: [String], in folder: String) async throws(CLIError) {
        let output: Subprocess.Output
        do {
            output = try await Subprocess.run(openssl, arguments: arguments, workingDirectory: folder, timeout: .seconds(120))
        } catch {
            throw .io("openssl \(arguments.prefix(2).joined(separator: " ")) did not run: \(error.message)")
        }
        guard output.status == 0 else {
            let message = String(decoding: output.standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .io("openssl \(arguments.prefix(2).joined(separator: " ")) failed (exit \(output.status)): \(message)")
        }
    }

    private func copy(_ source: String, to target: String) throws(CLIError) {
        try FileSystem.write(String(decoding: try FileSystem.read(source), as: UTF8.self), to: target)
    }

    /// A random positive serial number, so certificates from two runs never share one.
    private func serial() -> String { String(UInt64.random(in: 1_000...UInt64(Int64.max))) }
}
