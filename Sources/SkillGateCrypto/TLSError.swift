@_exported public import enum SkillGateSystem.TLSFailureKind
@_exported public import struct SkillGateSystem.KindedError

/// Why a TLS client connection could not be set up or used.
///
/// ``KindedError/message`` is a sentence naming the server and what to check; ``KindedError/kind``
/// is for programs. The same type as SkillGateHTTP's `HTTPClientTLSFailure`, so a TLS session
/// reports its failures to the HTTP client as they are.
public typealias TLSError = KindedError<TLSFailureKind>
