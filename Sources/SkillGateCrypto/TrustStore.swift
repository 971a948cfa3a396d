import COpenSSL

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Owns an OpenSSL `X509_STORE` of trusted roots and verifies chains against it.
///
/// `@unchecked Sendable`: the store is filled once in `init` and never changed afterwards; OpenSSL
/// locks the store internally, so many `X509_STORE_CTX` verifications may use it at once.
public final class TrustStore: @unchecked Sendable {
    /// The Debian/Ubuntu/Alpine bundle, loaded in addition to OpenSSL's defaults when present.
    public static let systemBundle = "/etc/ssl/certs/ca-certificates.crt"

    private let store: OpaquePointer

    /// Loads the roots.
    /// - Parameter roots: where the trusted roots come from.
    /// - Throws: ``CertificateError/Kind/trustRootsUnavailable`` naming what could not be loaded.
    public init(roots: TrustRoots) throws(CertificateError) {
        guard let store = X509_STORE_new() else {
            throw CertificateError(.trustRootsUnavailable, "OpenSSL could not create a certificate store (\(OpenSSLErrorQueue.drain())).")
        }
        self.store = store
        switch roots {
        case .system:
            try loadSystemRoots()
        case .pem(let bytes):
            try add(pem: bytes, source: "the PEM trust roots")
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CertificateError(
                    .trustRootsUnavailable, "The trust-roots file \(path) cannot be read; check the path and its permissions.")
            }
            try add(pem: [UInt8](data), source: "the trust-roots file \(path)")
        }
    }

    deinit {
        X509_STORE_free(store)
    }

    /// Verifies `chain` up to a trusted root as of `date` (`X509_verify_cert`).
    /// - Parameters:
    ///   - chain: the leaf and its untrusted intermediates.
    ///   - date: the verification time, set with `X509_VERIFY_PARAM_set_time`.
    /// - Returns: the window in which every certificate of the verified chain is valid, or OpenSSL's
    ///   verification error code, message and depth.
    public func verify(_ chain: X509Chain, at date: Date) -> Result<ClosedRange<Date>, ChainFailure> {
        guard let context = X509_STORE_CTX_new(), let untrusted = OPENSSL_sk_new_null() else {
            return .failure(ChainFailure(code: -1, message: OpenSSLErrorQueue.drain(), depth: 0))
        }
        defer {
            X509_STORE_CTX_free(context)
            OPENSSL_sk_free(untrusted)  // the stack borrows the chain's certificates; the chain frees them
        }
        for certificate in chain.intermediates {
            guard OPENSSL_sk_push(untrusted, UnsafeRawPointer(certificate.pointer)) > 0 else {
                return .failure(ChainFailure(code: -1, message: OpenSSLErrorQueue.drain(), depth: 0))
            }
        }
        guard X509_STORE_CTX_init(context, store, chain.leaf.pointer, untrusted) == 1 else {
            return .failure(ChainFailure(code: -1, message: OpenSSLErrorQueue.drain(), depth: 0))
        }
        X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(context), X509Certificate.epochSeconds(date))
        guard X509_verify_cert(context) == 1 else {
            let code = X509_STORE_CTX_get_error(context)
            let message = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "unknown error"
            OpenSSLErrorQueue.clear()
            return .failure(ChainFailure(code: code, message: message, depth: Int(X509_STORE_CTX_get_error_depth(context))))
        }
        return .success(validityWindow(of: X509_STORE_CTX_get0_chain(context), fallback: chain))
    }

    /// The intersection of the validity periods of the verified chain (leaf, intermediates, root).
    private func validityWindow(of verified: OpaquePointer?, fallback chain: X509Chain) -> ClosedRange<Date> {
        var certificates: [OpaquePointer] = [chain.leaf.pointer]
        if let verified {
            certificates = (0..<max(0, OPENSSL_sk_num(verified))).compactMap { OPENSSL_sk_value(verified, $0).map(OpaquePointer.init) }
        }
        var start = Date.distantPast
        var end = Date.distantFuture
        for certificate in certificates {
            guard let validity = X509Certificate.validity(of: certificate) else { continue }
            start = max(start, validity.lowerBound)
            end = min(end, validity.upperBound)
        }
        return start <= end ? start...end : start...start
    }

    /// Loads the OS bundle when present (once: OpenSSL's default file is usually a link to it), with
    /// OpenSSL's default certificate directory for lazy lookups; otherwise OpenSSL's default paths,
    /// which honour `SSL_CERT_FILE` and `SSL_CERT_DIR`.
    private func loadSystemRoots() throws(CertificateError) {
        let loaded: Bool
        if FileManager.default.isReadableFile(atPath: Self.systemBundle) {
            loaded = X509_STORE_load_file(store, Self.systemBundle) == 1
            if let directory = X509_get_default_cert_dir() {
                _ = X509_STORE_load_path(store, directory)  // hashed lookups happen only on demand
            }
        } else {
            loaded = X509_STORE_set_default_paths(store) == 1
        }
        let detail = OpenSSLErrorQueue.drain()
        guard loaded else {
            throw CertificateError(
                .trustRootsUnavailable,
                "The system trust roots cannot be loaded (\(detail)); install ca-certificates or pass TrustRoots.file(path)."
            )
        }
    }

    private func add(pem: [UInt8], source: String) throws(CertificateError) {
        let chain: X509Chain
        do {
            chain = try X509Chain(pem: pem, source: source)
        } catch {
            throw CertificateError(.trustRootsUnavailable, "No trust roots were loaded. \(error.message)")
        }
        for certificate in chain.certificates {
            guard X509_STORE_add_cert(store, certificate.pointer) == 1 else {  // the store takes its own reference
                throw CertificateError(
                    .trustRootsUnavailable, "\(source) cannot be added to the trust store (\(OpenSSLErrorQueue.drain())).")
            }
        }
    }
}

/// Why `X509_verify_cert` rejected a chain.
public struct ChainFailure: Error, Sendable {
    /// The broad reason, for callers that word their own messages.
    public enum Kind: Sendable, Equatable {
        /// A certificate of the chain has expired.
        case expired
        /// A certificate of the chain is not valid yet.
        case notYetValid
        /// The chain does not reach a trusted root, or verification could not run.
        case untrusted
    }

    /// The broad reason.
    public let kind: Kind
    /// OpenSSL's `X509_V_ERR_*` code, or -1 when verification could not start.
    public let code: Int32
    /// OpenSSL's text for the code.
    public let message: String
    /// How far up the chain the failing certificate is (0 is the leaf).
    public let depth: Int

    /// Creates a failure, deriving ``kind`` from OpenSSL's code.
    init(code: Int32, message: String, depth: Int) {
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: kind = .expired
        case X509_V_ERR_CERT_NOT_YET_VALID: kind = .notYetValid
        default: kind = .untrusted
        }
        self.code = code
        self.message = message
        self.depth = depth
    }
}
