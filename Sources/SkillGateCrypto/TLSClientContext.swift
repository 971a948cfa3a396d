import COpenSSL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns an OpenSSL `SSL_CTX` for TLS client connections: TLS 1.2 or later, peer verification on, and the
/// trust roots loaded once.
///
/// `@unchecked Sendable`: the context is configured completely in ``make(trustRoots:)`` and never
/// changed afterwards; OpenSSL allows many threads to create `SSL` objects from one such context at once.
public final class TLSClientContext: @unchecked Sendable {
    /// The `SSL_CTX *`, freed with the object.
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        SSL_CTX_free(pointer)
    }

    /// Creates and configures a client context.
    /// - Parameter trustRoots: `.system` for the OS store (plus `SSL_CERT_FILE`/`SSL_CERT_DIR`); `.pem`
    ///   or `.file` to trust exactly those roots and nothing else.
    /// - Returns: the context, or a ``TLSError/Kind/setupFailed`` error naming what could not be loaded.
    public static func make(trustRoots: TrustRoots) -> Result<TLSClientContext, TLSError> {
        OpenSSLErrorQueue.clear()
        guard let method = TLS_client_method(), let pointer = SSL_CTX_new(method) else {
            return .failure(setupFailed("OpenSSL could not create a TLS client context (\(OpenSSLErrorQueue.drain()))."))
        }
        let context = TLSClientContext(pointer: pointer)
        guard SSL_CTX_ctrl(pointer, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(TLS1_2_VERSION), nil) == 1 else {
            return .failure(setupFailed("OpenSSL refused to require TLS 1.2 or later (\(OpenSSLErrorQueue.drain()))."))
        }
        SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER, nil)
        // A retried SSL_write may see the request buffer at another address (Swift arrays promise no stable address).
        _ = SSL_CTX_ctrl(pointer, SSL_CTRL_MODE, Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER), nil)
        let loaded: Result<Void, TLSError>
        switch trustRoots {
        case .system:
            loaded = context.loadSystemRoots()
        case .pem(let bytes):
            loaded = context.add(pem: bytes, source: "the PEM trust roots")
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(setupFailed("The TLS trust-roots file \(path) cannot be read; check the path and its permissions."))
            }
            loaded = context.add(pem: [UInt8](data), source: "the TLS trust-roots file \(path)")
        }
        return loaded.map { context }
    }

    /// OpenSSL's default locations (which honour `SSL_CERT_FILE` and `SSL_CERT_DIR`), plus the
    /// Debian/Ubuntu/Alpine bundle when that is not already the default file.
    private func loadSystemRoots() -> Result<Void, TLSError> {
        let defaults = SSL_CTX_set_default_verify_paths(pointer) == 1
        var bundle = false
        if access(TrustStore.systemBundle, R_OK) == 0, !Self.isDefaultFile(TrustStore.systemBundle) {
            bundle = SSL_CTX_load_verify_locations(pointer, TrustStore.systemBundle, nil) == 1
        }
        let detail = OpenSSLErrorQueue.drain()
        guard defaults || bundle else {
            return .failure(
                Self.setupFailed(
                    "The system trust roots for HTTPS cannot be loaded (\(detail)); install ca-certificates or set SSL_CERT_FILE.")
            )
        }
        return .success(())
    }

    /// Whether `path` is the file OpenSSL's default paths already load (often a link to the bundle).
    private static func isDefaultFile(_ path: String) -> Bool {
        let environmentName = X509_get_default_cert_file_env().map { String(cString: $0) } ?? "SSL_CERT_FILE"
        guard let defaultFile = getenv(environmentName) ?? X509_get_default_cert_file().map(UnsafeMutablePointer.init(mutating:)),
            let resolvedDefault = realpath(defaultFile, nil)
        else { return false }
        defer { free(resolvedDefault) }
        guard let resolvedPath = realpath(path, nil) else { return false }
        defer { free(resolvedPath) }
        return strcmp(resolvedDefault, resolvedPath) == 0
    }

    /// Trusts every certificate in `pem`.
    private func add(pem: [UInt8], source: String) -> Result<Void, TLSError> {
        let chain: X509Chain
        do {
            chain = try X509Chain(pem: pem, source: source)
        } catch {
            return .failure(Self.setupFailed("No TLS trust roots were loaded. \(error.message)"))
        }
        guard let store = SSL_CTX_get_cert_store(pointer) else {
            return .failure(Self.setupFailed("OpenSSL has no certificate store for TLS (\(OpenSSLErrorQueue.drain()))."))
        }
        for certificate in chain.certificates where X509_STORE_add_cert(store, certificate.pointer) != 1 {
            return .failure(Self.setupFailed("\(source) cannot be added to the TLS trust store (\(OpenSSLErrorQueue.drain()))."))
        }
        return .success(())
    }

    private static func setupFailed(_ reason: String) -> TLSError {
        TLSError(.setupFailed, reason)
    }
}
