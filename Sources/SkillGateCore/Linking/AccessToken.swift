/// An account-linking access token. It never prints its value: `print(token)` shows
/// `AccessToken(redacted)`, so it cannot leak into logs by accident.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The token itself, to send to the skill's own service.
    public let value: String

    /// Wraps a token.
    /// - Parameter value: the token string.
    public init(_ value: String) { self.value = value }

    /// `AccessToken(redacted)`.
    public var description: String { "AccessToken(redacted)" }
    /// `AccessToken(redacted)`.
    public var debugDescription: String { "AccessToken(redacted)" }
}
