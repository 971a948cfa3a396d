/// The root certificates a certificate chain (a signing certificate's, or a TLS server's) must reach.
public enum TrustRoots: Sendable {
    /// The operating system's store: `/etc/ssl/certs/ca-certificates.crt` (and OpenSSL's certificate
    /// directory) when present, otherwise OpenSSL's default paths, which honour `SSL_CERT_FILE` and
    /// `SSL_CERT_DIR`. Loading parses the whole bundle (about 20 ms), so load it once and reuse it.
    case system
    /// Root certificates given as PEM bytes (one or more `BEGIN CERTIFICATE` blocks); for tests and pinning.
    case pem([UInt8])
    /// Root certificates read from a PEM file at this path.
    case file(String)
}
