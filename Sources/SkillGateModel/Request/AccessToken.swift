/// A bearer token from a request: the account-linking token (user, session or person), the
/// permissions consent token, or the Alexa API token. It never prints its value: `print`,
/// string interpolation, `debugPrint` and `dump` all show `AccessToken(redacted)`, so a token
/// cannot leak into logs, errors or test failures by accident. Read ``value`` to send it on.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable,
    ExpressibleByStringLiteral
{
    /// The token itself, to send to the service that issued it.
    public let value: String

    /// Wraps a token.
    /// - Parameter value: the token string.
    public init(_ value: String) { self.value = value }

    /// Wraps a token written as a literal (handy in tests).
    /// - Parameter value: the token string.
    public init(stringLiteral value: String) { self.value = value }

    /// Whether the token is the empty string, which Alexa's requests sometimes carry and which
    /// counts as no token at all.
    public var isEmpty: Bool { value.isEmpty }

    /// `AccessToken(redacted)`.
    public var description: String { "AccessToken(redacted)" }
    /// `AccessToken(redacted)`.
    public var debugDescription: String { "AccessToken(redacted)" }
    /// A mirror with no children, so `dump` and reflection show nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
