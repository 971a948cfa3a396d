@_exported public import struct SkillGateSystem.KindedError

/// Why an ``HTTPServer`` could not start, with a message a person can act on.
public typealias HTTPServerError = KindedError<HTTPServerErrorKind>

/// The broad kind of ``HTTPServerError``.
public enum HTTPServerErrorKind: Sendable, Equatable {
    /// The address and port are already bound by another process.
    case addressInUse
    /// Binding needs privileges the process lacks (ports below 1024).
    case permissionDenied
    /// The host could not be resolved or is not a local address.
    case invalidAddress
    /// A configuration value is out of range.
    case invalidConfiguration
    /// The server was started twice or used after shutdown.
    case invalidState
    /// A system call failed.
    case systemCallFailed
}

extension HTTPServerError {
    static func invalidConfiguration(_ message: String) -> HTTPServerError {
        HTTPServerError(kind: .invalidConfiguration, description: "invalid HTTP server configuration: \(message)")
    }

    static func systemCall(_ call: String, errno code: Int32) -> HTTPServerError {
        HTTPServerError(kind: .systemCallFailed, description: "\(call) failed: \(SystemError.message(code))")
    }
}
