/// Why certificates or trust roots could not be used.
///
/// ``reason`` is a sentence naming what was being read and what to check; ``kind`` is for programs.
public struct CertificateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// PEM bytes are empty, too large, hold no certificate, or hold one OpenSSL cannot parse.
        case malformedCertificate
        /// Trust roots could not be read or loaded.
        case trustRootsUnavailable
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
