import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` (a certificate's public key or a private key) and signs or verifies
/// RSA-SHA256 with it.
///
/// `@unchecked Sendable`: the key is never modified after creation, and OpenSSL 3 allows one `EVP_PKEY`
/// to be used by several threads at once when each operation has its own `EVP_MD_CTX` (as here);
/// its internal provider cache is guarded by the key's own lock.
public final class OpenSSLKey: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// Takes ownership of a key; it is freed with the object.
    /// - Parameter pointer: an `EVP_PKEY *` the caller owns a reference to.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// Whether this is an RSA key (the only kind Alexa signs with).
    public var isRSA: Bool { EVP_PKEY_get_base_id(pointer) == EVP_PKEY_RSA }

    /// The key size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(pointer)) }

    /// Checks an RSA PKCS#1 v1.5 SHA-256 signature.
    /// - Parameters:
    ///   - signature: the raw signature bytes.
    ///   - message: the exact signed bytes.
    /// - Returns: whether the signature is valid for `message` under this key.
    public func verifySHA256(signature: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer) -> Bool {
        guard let context = EVP_MD_CTX_new() else {
            OpenSSLErrorQueue.clear()
            return false
        }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, pointer) == 1 else {
            OpenSSLErrorQueue.clear()
            return false
        }
        let result = EVP_DigestVerify(
            context,
            signature.baseAddress?.assumingMemoryBound(to: UInt8.self), signature.count,
            message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count
        )
        if result != 1 { OpenSSLErrorQueue.clear() }
        return result == 1
    }

    /// Signs with RSA PKCS#1 v1.5 over SHA-256.
    /// - Parameter message: the bytes to sign.
    /// - Returns: the raw signature, or OpenSSL's explanation when signing fails.
    func signSHA256(message: UnsafeRawBufferPointer) -> Result<[UInt8], OpenSSLFailure> {
        guard let context = EVP_MD_CTX_new() else { return .failure(OpenSSLFailure()) }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, pointer) == 1 else {
            return .failure(OpenSSLFailure())
        }
        let bytes = message.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var length = 0
        guard EVP_DigestSign(context, nil, &length, bytes, message.count) == 1, length > 0 else {
            return .failure(OpenSSLFailure())
        }
        var signature = [UInt8](repeating: 0, count: length)
        let status = signature.withUnsafeMutableBufferPointer { buffer in
            EVP_DigestSign(context, buffer.baseAddress, &length, bytes, message.count)
        }
        guard status == 1 else { return .failure(OpenSSLFailure()) }
        signature.removeSubrange(min(length, signature.count)...)
        return .success(signature)
    }
}

/// An OpenSSL call failed; carries the drained error queue.
struct OpenSSLFailure: Error, CustomStringConvertible {
    /// OpenSSL's messages.
    let description: String

    /// Captures (and clears) the calling thread's OpenSSL error queue.
    init() { description = OpenSSLErrorQueue.drain() }
}
