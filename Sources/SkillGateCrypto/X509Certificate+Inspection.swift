import COpenSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Questions a TLS check asks about a server's certificates.
extension X509Certificate {
    /// The issuer name on one line, e.g. `/C=US/O=Let's Encrypt/CN=R3`, for messages.
    public var issuer: String {
        guard let name = X509_get_issuer_name(pointer) else { return "(no issuer)" }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer -> String in
            guard let base = buffer.baseAddress, X509_NAME_oneline(name, base, Int32(buffer.count)) != nil else {
                return "(unreadable issuer)"
            }
            return String(cString: base)
        }
    }

    /// The issuer's organization (`O=`), if it names one.
    public var issuerOrganization: String? {
        guard let name = X509_get_issuer_name(pointer) else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer -> String? in
            guard let base = buffer.baseAddress, X509_NAME_get_text_by_NID(name, NID_organizationName, base, Int32(buffer.count)) > 0
            else { return nil }
            return String(cString: base)
        }
    }

    /// Whether the certificate is a certificate authority's (basic constraints `CA:TRUE`).
    public var isCertificateAuthority: Bool { X509_check_ca(pointer) > 0 }

    /// Whether the certificate issued itself (a root, or a self-signed server certificate).
    public var isSelfIssued: Bool { X509_check_issued(pointer, pointer) == X509_V_OK }

    /// Whether this certificate issued `other` (names, key identifiers and key usage agree).
    /// - Parameter other: the certificate that may have been issued by this one.
    public func isIssuer(of other: X509Certificate) -> Bool { X509_check_issued(pointer, other.pointer) == X509_V_OK }

    /// Whether the certificate names `host`: an IP address must be in an IP Subject Alternative Name, a DNS
    /// name is matched as a TLS client does (wildcards only as a whole left-most label).
    /// - Parameter host: a DNS name or an IP address (IPv6 without brackets).
    public func matches(host: String) -> Bool {
        OpenSSLErrorQueue.clear()
        if TLSConnection.isIPAddress(host) { return X509_check_ip_asc(pointer, host, 0) == 1 }
        let flags = UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS)
        return X509_check_host(pointer, host, host.utf8.count, flags, nil) == 1
    }

    /// The certificate as a PEM block.
    public var pem: [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { return [] }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509(bio, pointer) == 1 else {
            OpenSSLErrorQueue.clear()
            return []
        }
        return Self.drain(bio)
    }

    /// Everything written to a memory BIO.
    static func drain(_ bio: OpaquePointer) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(BIO_ctrl_pending(bio)))
        let read = bytes.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(clamping: $0.count)) }
        return Array(bytes.prefix(max(0, Int(read))))
    }
}

extension ChainFailure {
    /// Whether verification stopped because a certificate's issuer was neither sent nor a trusted root.
    public var isMissingIssuer: Bool {
        code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY || code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
    }

    /// Whether the chain ends in a self-signed certificate that is not a trusted root.
    public var isUntrustedSelfSigned: Bool {
        code == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT || code == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN
    }
}
