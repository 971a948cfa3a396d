import COpenSSL

/// A parsed PEM certificate chain: the first certificate (the leaf) and the ones after it.
public final class X509Chain {
    /// The largest chain accepted, in bytes.
    public static let maximumPEMSize = 256 * 1024

    /// The first certificate in the PEM: the one the chain is about (a signing or server certificate).
    public let leaf: X509Certificate
    /// The remaining certificates, used as untrusted intermediates.
    public let intermediates: [X509Certificate]

    /// Parses every certificate in a PEM chain.
    /// - Parameters:
    ///   - pem: one or more `BEGIN CERTIFICATE` blocks, leaf first.
    ///   - source: what the bytes are, for error messages, e.g. `the certificate chain at https://…`.
    /// - Throws: ``CertificateError/Kind/malformedCertificate`` when the bytes are empty, too large,
    ///   hold no certificate, or hold a certificate OpenSSL cannot parse.
    public init(pem: [UInt8], source: String) throws(CertificateError) {
        guard pem.count <= Self.maximumPEMSize else {
            throw CertificateError(
                .malformedCertificate,
                "Refusing \(source): it is \(pem.count) bytes, more than the \(Self.maximumPEMSize)-byte limit."
            )
        }
        let parsed = Self.parse(pem)
        if let problem = parsed.problem {
            for certificate in parsed.certificates { X509_free(certificate) }
            throw CertificateError(
                .malformedCertificate,
                "Certificate \(parsed.certificates.count + 1) in \(source) cannot be parsed: \(problem)."
            )
        }
        guard let first = parsed.certificates.first else {
            throw CertificateError(
                .malformedCertificate,
                "There is no PEM certificate in \(source) (\(pem.isEmpty ? "it is empty" : "no BEGIN CERTIFICATE block"))."
            )
        }
        leaf = X509Certificate(taking: first)
        intermediates = parsed.certificates.dropFirst().map { X509Certificate(taking: $0) }
    }

    /// Every certificate, leaf first.
    public var certificates: [X509Certificate] { [leaf] + intermediates }

    /// Reads PEM certificates until the input ends.
    /// - Returns: the certificates in order (owned by the caller) and, if reading stopped on bad data
    ///   rather than at the end, OpenSSL's explanation.
    private static func parse(_ pem: [UInt8]) -> (certificates: [OpaquePointer], problem: String?) {
        pem.withUnsafeBytes { buffer -> ([OpaquePointer], String?) in
            guard let base = buffer.baseAddress, let bio = BIO_new_mem_buf(base, Int32(buffer.count)) else {
                return ([], nil)
            }
            defer { BIO_free(bio) }
            OpenSSLErrorQueue.clear()
            var certificates: [OpaquePointer] = []
            while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
                certificates.append(certificate)
            }
            // Running out of PEM blocks is reported as "no start line"; anything else is bad data.
            let last = ERR_peek_last_error()
            let endedCleanly = last == 0 || (ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE)
            if endedCleanly {
                OpenSSLErrorQueue.clear()
                return (certificates, nil)
            }
            return (certificates, OpenSSLErrorQueue.drain())
        }
    }
}
