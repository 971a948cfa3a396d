import Foundation
import SkillGateTestSupport

/// Throw-away certificates shaped like Alexa's (SkillGateTesting's `AlexaCertificateFixture`),
/// written as files for the command line: a root (for `SKILLGATE_TRUST_ROOTS`), a chain of
/// signing certificate + intermediate (for `SKILLGATE_CERT_CHAIN` and `--cert-chain`), the
/// signing key, and an unrelated key.
struct DevelopmentCertificates: Sendable {
    /// Written once per test process; tests await it.
    static let shared = Task<DevelopmentCertificates, any Error> {
        try DevelopmentCertificates.write(try await AlexaCertificateFixture.shared.value)
    }

    /// The folder holding the files (kept for the life of the test process).
    let folder: String
    var root: String { folder + "/root.pem" }
    var chain: String { folder + "/chain.pem" }
    /// The chain with its root appended: `replay` can then check the key against it.
    var chainWithRoot: String { folder + "/chain-with-root.pem" }
    var key: String { folder + "/leaf.key" }
    var otherKey: String { folder + "/other.key" }

    private static func write(_ fixture: AlexaCertificateFixture) throws -> DevelopmentCertificates {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-cli-certs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files: [(String, [UInt8])] = [
            ("root.pem", fixture.rootPEM), ("chain.pem", fixture.chainPEM), ("chain-with-root.pem", fixture.chainPEM + fixture.rootPEM),
            ("leaf.key", fixture.leafKeyPEM), ("other.key", fixture.otherKeyPEM),
        ]
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return DevelopmentCertificates(folder: folder)
    }
}
