/// Why an ``HTTPServer`` could not start, with a message a person can act on.
public struct HTTPServerError: Error, CustomStringConvertible, Sendable {
    /// The broad kind of failure.
    public enum Kind: Sendable, Equatable {
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

    /// The broad kind of failure.
    public var kind: Kind
    /// The full explanation, including what to do about it.
    public var description: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of failure.
    ///   - description: the actionable message.
    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }

    static func invalidConfiguration(_ message: String) -> HTTPServerError {
        HTTPServerError(kind: .invalidConfiguration, description: "invalid HTTP server configuration: \(message)")
    }

    static func systemCall(_ call: String, errno code: Int32) -> HTTPServerError {
        HTTPServerError(kind: .systemCallFailed, description: "\(call) failed: \(SystemError.message(code))")
    }
}
