@_exported public import struct SkillGateSystem.KindedError

/// Why certificates or trust roots could not be used.
///
/// ``KindedError/message`` is a sentence naming what was being read and what to check;
/// ``KindedError/kind`` is for programs.
public typealias CertificateError = KindedError<CertificateErrorKind>

/// The kind of ``CertificateError``.
public enum CertificateErrorKind: String, Sendable, Hashable, CaseIterable {
    /// PEM bytes are empty, too large, hold no certificate, or hold one OpenSSL cannot parse.
    case malformedCertificate
    /// Trust roots could not be read or loaded.
    case trustRootsUnavailable
}
