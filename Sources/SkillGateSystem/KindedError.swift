/// The one shape of SkillGate's public errors: a ``kind`` for programs to switch on and a
/// ``message`` a person can act on.
///
/// Each module names its own error with a typealias over its own kind enum, e.g.
/// `public typealias TLSError = KindedError<TLSErrorKind>`, so `TLSError.Kind` is that enum and
/// `catch let error as TLSError` catches only TLS failures. Such a module re-exports this type
/// (`@_exported public import struct SkillGateSystem.KindedError`), so its clients reach `kind` and
/// `message` without importing SkillGateSystem.
public struct KindedError<ErrorKind: Sendable>: Error, Sendable, CustomStringConvertible {
    /// The module's kind enum, e.g. `TLSError.Kind`.
    public typealias Kind = ErrorKind

    /// What went wrong, for programs.
    public let kind: Kind
    /// What went wrong and what to check, as a sentence (never a secret).
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: what went wrong.
    ///   - message: a sentence a person can act on.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Creates an error; the same as ``init(_:_:)``, with labels.
    /// - Parameters:
    ///   - kind: what went wrong.
    ///   - description: a sentence a person can act on.
    public init(kind: Kind, description: String) {
        self.init(kind, description)
    }

    /// The message.
    public var description: String { message }
}

extension KindedError: Equatable where ErrorKind: Equatable {}

extension KindedError: Hashable where ErrorKind: Hashable {}
