/// Why a TLS client session could not be set up or used: the kind of both SkillGateCrypto's
/// `TLSError` (the OpenSSL binding) and SkillGateHTTP's `HTTPClientTLSFailure` (what the HTTP
/// client's pluggable TLS reports), which are one type, `KindedError<TLSFailureKind>`.
public enum TLSFailureKind: String, Sendable, Hashable, CaseIterable {
    /// The TLS client context or its trust roots could not be set up.
    case setupFailed
    /// The server's certificate does not lead to a trusted root (or is out of date).
    case untrustedCertificate
    /// The server's certificate is valid but does not name the host that was asked for.
    case hostnameMismatch
    /// TLS failed for another reason: protocol version, cipher, an alert, a corrupt record, a peer
    /// that does not speak TLS.
    case protocolFailed
    /// The peer closed or reset the connection while it was in use.
    case connectionClosed
    /// A socket call failed.
    case connectionFailed
    /// The deadline passed.
    case timedOut
    /// The interrupt descriptor became readable (the caller cancelled).
    case interrupted
}
