/// Why a TLS client connection could not be set up or used.
///
/// ``reason`` is a sentence naming the server and what to check; ``kind`` is for programs.
public struct TLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
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

    /// The kind of failure.
    public let kind: Kind
    /// What went wrong and what to check, as a sentence.
    public let reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of failure.
    ///   - reason: a sentence a person can act on.
    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
