import SkillGateCore
import SkillGateSystem
#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif
public import SkillGateVerification

/// Answers every certificate download with one local PEM chain: for development endpoints that
/// verify requests signed with a development certificate (`skillgate replay --sign-with`).
public struct LocalCertificateFetcher: CertificateFetcher {
    private let pem: [UInt8]

    /// Loads the chain.
    /// - Parameter path: a PEM file, signing certificate first.
    /// - Throws: ``SkillError`` `.invalidConfiguration` when the file cannot be read.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SkillError(.invalidConfiguration, "cannot read the certificate chain \(path)")
        }
        pem = [UInt8](data)
    }

    /// Returns the local chain, whatever the URL.
    public func fetchPEM(from url: URL) async throws -> [UInt8] { pem }
}
