import SkillGateReplay
import Foundation
import SkillGateLogging
import SkillGateCrypto
import SkillGateVerification

/// Signs replayed requests like Alexa (`--sign-with KEY`), so a local `serve` can keep
/// verification on: it must trust the development root (`SKILLGATE_TRUST_ROOTS`) and answer
/// certificate downloads with the development chain (`SKILLGATE_CERT_CHAIN`).
struct ReplaySigner {
    /// The `SignatureCertChainUrl` sent when `--cert-url` is not given. The endpoint never fetches
    /// it when `SKILLGATE_CERT_CHAIN` is set, but it must pass Amazon's URL rules.
    static let defaultCertificateURL = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"

    private let signer: RequestSigner
    /// The `SignatureCertChainUrl` header value.
    let certificateURL: String

    /// Loads the key, checks the URL and, when given, the chain.
    /// - Parameters:
    ///   - keyPath: an unencrypted RSA private key (PEM).
    ///   - chainPath: the development chain the endpoint serves, checked before replaying.
    ///   - certificateURL: the header value; must pass Amazon's rules.
    /// - Throws: ``CLIError`` naming the file or the rule that fails.
    init(keyPath: String, chainPath: String?, certificateURL: String?) async throws(CLIError) {
        do {
            signer = try RequestSigner(privateKeyPEM: try FileSystem.read(keyPath))
        } catch let error as CLIError {
            throw error
        } catch {
            throw .io("--sign-with \(keyPath): \(error)")
        }
        let url = certificateURL ?? Self.defaultCertificateURL
        do {
            _ = try CertificateChainURL.validate(url)
        } catch {
            throw .usage("--cert-url \(url) would be rejected by a verifying endpoint: \(error.reason)")
        }
        self.certificateURL = url
        if let chainPath { try await check(chainPath: chainPath) }
    }

    /// The headers for one body.
    /// - Parameter body: the exact bytes to send.
    /// - Returns: `Signature-256` and `SignatureCertChainUrl`.
    /// - Throws: ``CLIError`` `.transport` when OpenSSL cannot sign.
    func headers(for body: [UInt8]) throws(CLIError) -> [(String, String)] {
        do {
            return [
                (AlexaRequestVerifier.signature256Header, try signer.signature256(for: body)),
                (AlexaRequestVerifier.signatureCertChainURLHeader, certificateURL),
            ]
        } catch {
            throw .transport("cannot sign the request: \(error)")
        }
    }

    /// Checks the chain the endpoint will serve as a verifier would, short of the trusted root
    /// (which `replay` does not have): the key must match the signing certificate (the first in
    /// the chain: a signature made with the key must verify with the certificate's public key),
    /// and the chain must parse, be in date and name `echo-api.amazon.com`.
    private func check(chainPath: String) async throws(CLIError) {
        let chain = try FileSystem.read(chainPath)
        guard String(decoding: chain, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw .io(
                "--cert-chain \(chainPath) would be rejected by a verifying endpoint: it holds no PEM certificate (BEGIN CERTIFICATE)")
        }
        try checkKeyMatches(chain: chain, chainPath: chainPath)
        let verifier = AlexaRequestVerifier(
            trustRoots: .pem(chain), certificateFetcher: FixedChain(pem: chain),
            logger: Logger(label: "skillgate replay", logLevel: .critical))
        let probe = Array(#"{"version":"1.0","request":{"type":"LaunchRequest"}}"#.utf8)
        do {
            let signature = try headers(for: probe)[0].1
            try await verifier.verify(body: probe, signatureCertChainURL: certificateURL, signature256: signature)
        } catch let error as VerificationError {
            switch error.code {
            case .untrustedCertificateChain: return
            case .signatureMismatch:
                throw .io(
                    "--sign-with does not match the signing certificate in --cert-chain \(chainPath): the endpoint would reject every request"
                )
            default:
                throw .io("--cert-chain \(chainPath) would be rejected by a verifying endpoint: \(error.reason)")
            }
        } catch {
            throw .io("cannot check --cert-chain \(chainPath): \(error)")
        }
    }
}

extension ReplaySigner {
    /// The probe body signed to compare keys.
    private static let probe = Array(#"{"version":"1.0","request":{"type":"LaunchRequest"}}"#.utf8)

    /// Fails unless the key's signature verifies with the public key of the chain's first
    /// certificate, whatever else the chain holds.
    fileprivate func checkKeyMatches(chain: [UInt8], chainPath: String) throws(CLIError) {
        let leaf: X509Certificate
        do {
            leaf = try X509Chain(pem: chain, source: "--cert-chain \(chainPath)").leaf
        } catch {
            throw .io("--cert-chain \(chainPath) would be rejected by a verifying endpoint: \(error.description)")
        }
        guard let publicKey = leaf.publicKey, let encoded = try? headers(for: Self.probe)[0].1,
            let signature = Data(base64Encoded: encoded)
        else {
            throw .io("cannot read the public key of the signing certificate in --cert-chain \(chainPath)")
        }
        let matches = signature.withUnsafeBytes { signatureBytes in
            Self.probe.withUnsafeBytes { publicKey.verifySHA256(signature: signatureBytes, message: $0) }
        }
        guard matches else {
            throw .io(
                "--sign-with does not match the signing certificate in --cert-chain \(chainPath) (\(leaf.subject)): the endpoint would reject every request; use the key made with that certificate (skillgate dev-cert writes both)"
            )
        }
    }

    /// Verifies a signed probe exactly as a `serve` trusting `root` and serving `chain` would.
    /// - Parameters:
    ///   - root: the trusted root (PEM).
    ///   - chain: the chain the endpoint serves (PEM).
    /// - Throws: ``CLIError`` `.io` with the verifier's reason.
    func verify(trusting root: [UInt8], chain: [UInt8]) async throws(CLIError) {
        let verifier = AlexaRequestVerifier(
            trustRoots: .pem(root), certificateFetcher: FixedChain(pem: chain), logger: Logger(label: "skillgate", logLevel: .critical))
        let signature = try headers(for: Self.probe)[0].1
        do throws(VerificationError) {
            try await verifier.verify(body: Self.probe, signatureCertChainURL: certificateURL, signature256: signature)
        } catch {
            throw .io("a request signed with this key does not verify against this root and chain: \(error.reason)")
        }
    }
}

/// Answers every certificate download with one chain.
private struct FixedChain: CertificateFetcher {
    let pem: [UInt8]
    func fetchPEM(from url: URL) async throws -> [UInt8] { pem }
}
