import COpenSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension TLSConnection {
    /// Makes the handshake check that the certificate names `host`: an IP address must be in an IP
    /// Subject Alternative Name; a DNS name is matched by `SSL_set1_host` (no partial wildcards) and
    /// also sent as SNI.
    /// - Returns: false when OpenSSL refuses the name.
    static func setExpectedName(_ host: String, on ssl: OpaquePointer) -> Bool {
        if isIPAddress(host) {
            guard let parameters = SSL_get0_param(ssl) else { return false }
            return X509_VERIFY_PARAM_set1_ip_asc(parameters, host) == 1
        }
        SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
        guard SSL_set1_host(ssl, host) == 1 else { return false }
        let sni = host.withCString { name in
            SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, Int(TLSEXT_NAMETYPE_host_name), UnsafeMutableRawPointer(mutating: name))
        }
        return sni == 1
    }

    /// Whether `host` is an IPv4 or IPv6 literal (no brackets).
    static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// Explains a failed OpenSSL call: a rejected certificate by its verification result, anything
    /// else by OpenSSL's error queue.
    /// - Parameters:
    ///   - ssl: the connection's `SSL *`.
    ///   - endpoint: `host:port`.
    ///   - what: what was happening, e.g. `the TLS handshake with …`.
    static func failure(ssl: OpaquePointer, endpoint: String, while what: String) -> TLSError {
        let result = SSL_get_verify_result(ssl)
        guard result == X509_V_OK else {
            OpenSSLErrorQueue.clear()
            let text = X509_verify_cert_error_string(result).map { String(cString: $0) } ?? "verification error \(result)"
            if result == X509_V_ERR_HOSTNAME_MISMATCH || result == X509_V_ERR_IP_ADDRESS_MISMATCH {
                return TLSError(
                    .hostnameMismatch,
                    "The TLS certificate of \(endpoint) does not name that host (OpenSSL: \(text)); the URL must use a name the server's certificate carries."
                )
            }
            return TLSError(
                .untrustedCertificate,
                "The TLS certificate of \(endpoint) is not trusted (OpenSSL: \(text)); check this server's clock and trust roots (ca-certificates, SSL_CERT_FILE) and any TLS-intercepting proxy."
            )
        }
        return TLSError(.protocolFailed, "TLS failed during \(what) (\(OpenSSLErrorQueue.drain())).")
    }
}
