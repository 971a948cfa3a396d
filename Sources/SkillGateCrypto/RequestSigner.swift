import COpenSSL
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signs request bodies the way Alexa does (RSA-SHA256, base64), for local development:
/// `skillgate replay --sign-with KEY --cert-chain PEM` sends requests a verifying endpoint accepts
/// when it trusts the development root.
public struct RequestSigner: Sendable {
    private let key: OpenSSLKey

    /// Loads an RSA private key.
    /// - Parameter privateKeyPEM: an unencrypted PEM key (`BEGIN PRIVATE KEY` or `BEGIN RSA PRIVATE KEY`).
    /// - Throws: ``RequestSigningError`` when the PEM is not an unencrypted RSA private key.
    public init(privateKeyPEM: [UInt8]) throws(RequestSigningError) {
        let loaded: OpaquePointer? = privateKeyPEM.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, let bio = BIO_new_mem_buf(base, Int32(clamping: buffer.count)) else {
                return nil
            }
            defer { BIO_free(bio) }
            // A callback that supplies no passphrase, so an encrypted key fails instead of prompting on a terminal.
            return PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
        }
        guard let loaded else {
            throw RequestSigningError(
                reason:
                    "The signing key is not an unencrypted PEM private key (\(OpenSSLErrorQueue.drain())); create one with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem`."
            )
        }
        let key = OpenSSLKey(taking: loaded)
        guard key.isRSA else {
            throw RequestSigningError(reason: "The signing key is not an RSA key; Alexa signs with RSA-SHA256, so use an RSA key.")
        }
        self.key = key
    }

    /// Signs a request body.
    /// - Parameter body: the exact body bytes that will be sent.
    /// - Returns: the base64 RSA-SHA256 signature, the value of the `Signature-256` header.
    /// - Throws: ``RequestSigningError`` if OpenSSL cannot sign.
    public func signature256(for body: [UInt8]) throws(RequestSigningError) -> String {
        let result = body.withUnsafeBytes { key.signSHA256(message: $0) }
        switch result {
        case .success(let signature):
            return Data(signature).base64EncodedString()
        case .failure(let failure):
            throw RequestSigningError(reason: "OpenSSL could not sign the request body (\(failure.description)).")
        }
    }
}

/// Why a ``RequestSigner`` could not be created or could not sign.
public struct RequestSigningError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public let reason: String

    /// Creates an error.
    /// - Parameter reason: what went wrong and what to do.
    public init(reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
