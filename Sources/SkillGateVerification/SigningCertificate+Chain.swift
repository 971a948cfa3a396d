#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SkillGateCrypto

extension SigningCertificate {
    /// Parses and checks a downloaded chain: the leaf is in date, names `echo-api.amazon.com`, the
    /// chain reaches a trusted root as of `date`, and the leaf has an RSA key.
    /// - Parameters:
    ///   - pem: the downloaded PEM, signing certificate first.
    ///   - source: the normalised URL, for messages.
    ///   - trustStore: the trusted roots.
    ///   - date: the verification time (the verifier's injected clock).
    /// - Throws: ``VerificationError`` with the code of the first failed check.
    init(pem: [UInt8], source: String, trustStore: TrustStore, at date: Date) throws(VerificationError) {
        let chain: X509Chain
        do {
            chain = try X509Chain(pem: pem, source: "the certificate chain at \(source)")
        } catch {
            throw VerificationError(.malformedCertificate, error.message)
        }
        let subject = chain.leaf.subject
        guard let leafValidity = chain.leaf.validity else {
            throw VerificationError(
                .malformedCertificate, "The signing certificate \(subject) from \(source) has unreadable validity dates.")
        }
        if date > leafValidity.upperBound {
            throw VerificationError(
                .certificateExpired,
                "The signing certificate \(subject) from \(source) expired at \(leafValidity.upperBound.formatted(.iso8601)); if this server's clock is right, the request is not from Alexa."
            )
        }
        if date < leafValidity.lowerBound {
            throw VerificationError(
                .certificateNotYetValid,
                "The signing certificate \(subject) from \(source) is not valid until \(leafValidity.lowerBound.formatted(.iso8601)); check this server's clock."
            )
        }
        let names = chain.leaf.dnsNames
        guard names.contains(Self.alexaDNSName) else {
            let listed = names.isEmpty ? "none" : names.prefix(10).map { VerificationError.quoted($0, limit: 80) }.joined(separator: ", ")
            throw VerificationError(
                .missingAlexaSubjectAlternativeName,
                "The signing certificate \(subject) from \(source) is not Alexa's: its DNS Subject Alternative Names (\(listed)) do not include \(Self.alexaDNSName)."
            )
        }
        let window: ClosedRange<Date>
        switch trustStore.verify(chain, at: date) {
        case .success(let verifiedWindow):
            window = verifiedWindow
        case .failure(let failure):
            throw Self.error(for: failure, subject: subject, source: source)
        }
        guard let key = chain.leaf.publicKey, key.isRSA else {
            throw VerificationError(
                .malformedCertificate, "The signing certificate \(subject) from \(source) does not hold an RSA public key.")
        }
        self.init(publicKey: key, validity: window.clamped(to: leafValidity), subject: subject)
    }

    private static func error(for failure: ChainFailure, subject: String, source: String) -> VerificationError {
        let which =
            failure.depth == 0 ? "the signing certificate \(subject)" : "the certificate \(failure.depth) above the signing certificate"
        switch failure.kind {
        case .expired:
            return VerificationError(
                .certificateExpired,
                "In the chain from \(source), \(which) has expired; if this server's clock is right, the request is not from Alexa.")
        case .notYetValid:
            return VerificationError(
                .certificateNotYetValid, "In the chain from \(source), \(which) is not valid yet; check this server's clock.")
        default:
            return VerificationError(
                .untrustedCertificateChain,
                "The certificate chain from \(source) does not lead to a trusted root (OpenSSL: \(failure.message), at \(which)); if you pass custom trust roots, check they include the root that issued Alexa's certificate."
            )
        }
    }
}
