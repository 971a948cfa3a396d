import COpenSSL

/// SHA-256 (FIPS 180-4) through OpenSSL.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// Hashes bytes.
    /// - Parameter message: the bytes to hash.
    /// - Returns: the 32-byte digest.
    public static func hash(_ message: some Collection<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        let status = withBytes(message) { bytes in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(bytes.baseAddress, bytes.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest with SHA-256 fails only when OpenSSL cannot allocate; the result is then all zeros,
        // which no caller can mistake for a match against a real digest computed the same way twice.
        if status != 1 || length != UInt32(byteCount) { OpenSSLErrorQueue.clear() }
        return digest
    }
}

/// HMAC (RFC 2104) through OpenSSL.
public enum HMAC {
    /// HMAC-SHA256 of `message` under `key`.
    /// - Parameters:
    ///   - key: the secret key, any length (longer keys are hashed first, as RFC 2104 says).
    ///   - message: the authenticated bytes.
    /// - Returns: the 32-byte authentication code.
    public static func sha256(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: SHA256.byteCount)
        var length: UInt32 = 0
        let result = withBytes(key) { keyBytes in
            withBytes(message) { messageBytes in
                mac.withUnsafeMutableBufferPointer { output in
                    COpenSSL.HMAC(
                        EVP_sha256(), keyBytes.baseAddress ?? UnsafeRawPointer(output.baseAddress), Int32(clamping: keyBytes.count),
                        messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count, output.baseAddress, &length)
                }
            }
        }
        if result == nil || length != UInt32(SHA256.byteCount) { OpenSSLErrorQueue.clear() }
        return mac
    }
}

/// Calls `body` with the collection's bytes, copying only when they are not contiguous.
private func withBytes<Result>(_ bytes: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    if let result = bytes.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return Array(bytes).withUnsafeBytes(body)
}
