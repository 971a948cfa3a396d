/// Where the Lambda Runtime API listens: the `host:port` Lambda puts in `AWS_LAMBDA_RUNTIME_API`.
public struct LambdaRuntimeEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The environment variable Lambda sets for custom runtimes, e.g. `127.0.0.1:9001`.
    public static let environmentVariable = "AWS_LAMBDA_RUNTIME_API"

    /// The host name or address, without brackets for IPv6.
    public let host: String
    /// The TCP port.
    public let port: Int

    /// Creates an endpoint from its parts.
    /// - Parameters:
    ///   - host: a host name or address (IPv6 without brackets).
    ///   - port: the TCP port.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, e.g. `127.0.0.1:9001`, `localhost:9001` or `[::1]:9001`.
    /// - Parameter text: the value of `AWS_LAMBDA_RUNTIME_API`.
    /// - Throws: ``LambdaRuntimeError`` of kind ``LambdaRuntimeError/Kind/invalidEndpoint`` when the
    ///   text is not `host:port` with a port from 1 to 65535.
    public init(parsing text: String) throws(LambdaRuntimeError) {
        let trimmed = text.filter { $0 != " " && $0 != "\t" }
        let hostPart: Substring
        let portPart: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]"), trimmed[close...].hasPrefix("]:") else {
                throw Self.invalid(text)
            }
            hostPart = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            portPart = trimmed[trimmed.index(close, offsetBy: 2)...]
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else { throw Self.invalid(text) }
            hostPart = trimmed[..<colon]
            portPart = trimmed[trimmed.index(after: colon)...]
            guard !hostPart.contains(":") else { throw Self.invalid(text) }
        }
        guard !hostPart.isEmpty, !hostPart.contains("/"), let port = Int(portPart), (1...65535).contains(port) else {
            throw Self.invalid(text)
        }
        self.init(host: String(hostPart), port: port)
    }

    /// Reads and parses ``environmentVariable`` from an environment.
    /// - Parameter environment: the process environment.
    /// - Throws: ``LambdaRuntimeError`` of kind ``LambdaRuntimeError/Kind/invalidEndpoint`` when the
    ///   variable is missing or malformed.
    public init(environment: [String: String]) throws(LambdaRuntimeError) {
        guard let value = environment[Self.environmentVariable], !value.isEmpty else {
            throw LambdaRuntimeError(
                kind: .invalidEndpoint,
                description: "\(Self.environmentVariable) is not set: the lambda command runs inside AWS Lambda "
                    + "(runtime provided.al2023), or locally with \(Self.environmentVariable)=host:port pointing "
                    + "at a Runtime API emulator"
            )
        }
        try self.init(parsing: value)
    }

    /// `host:port`, with brackets around an IPv6 address.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func invalid(_ text: String) -> LambdaRuntimeError {
        LambdaRuntimeError(
            kind: .invalidEndpoint,
            description: "\(environmentVariable)='\(text)' is not host:port (e.g. 127.0.0.1:9001 or [::1]:9001)"
        )
    }
}
