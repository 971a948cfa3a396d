#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SkillGateCrypto

/// A verified signing certificate, ready to check request signatures: what the cache holds.
///
/// Built once per downloaded chain; per request only ``verify(signature:body:)`` runs.
struct SigningCertificate: Sendable {
    /// The DNS name Alexa's signing certificate must carry in its Subject Alternative Names.
    static let alexaDNSName = "echo-api.amazon.com"

    /// The leaf's RSA public key.
    let publicKey: OpenSSLKey
    /// When the whole verified chain is in date; a cached entry is used only inside this window.
    let validity: ClosedRange<Date>
    /// The leaf's subject, for logs.
    let subject: String

    /// Whether the certificate may still be used at `date`.
    func isValid(at date: Date) -> Bool { validity.contains(date) }

    /// Checks `Signature-256` over the exact body bytes.
    /// - Parameters:
    ///   - signature: the base64-decoded signature.
    ///   - body: the request body as received.
    /// - Returns: whether the signature verifies with RSA-SHA256.
    func verify(signature: [UInt8], body: [UInt8]) -> Bool {
        signature.withUnsafeBytes { signatureBytes in
            body.withUnsafeBytes { bodyBytes in
                publicKey.verifySHA256(signature: signatureBytes, message: bodyBytes)
            }
        }
    }
}
