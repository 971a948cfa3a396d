/// The stable identifier of each doctor check, in report order.
public enum CheckID: String, Sendable, Codable, CaseIterable {
    /// The token URL uses HTTPS (plain HTTP only on a loopback host, as a WARN).
    case tokenURLHTTPS = "token-url-https"
    /// The probe URL uses HTTPS.
    case probeURLHTTPS = "probe-url-https"
    /// The authorization code is short enough for the redirect back to the Alexa app.
    case codeLength = "code-length"
    /// The authorization code exchange succeeds.
    case codeExchange = "code-exchange"
    /// Token responses are JSON with `Content-Type: application/json`.
    case responseFormat = "response-format"
    /// Token responses carry `access_token` and `token_type` Bearer.
    case tokenFields = "token-fields"
    /// The code exchange returns a refresh token.
    case refreshTokenIssued = "refresh-token-issued"
    /// `expires_in` is present and long enough.
    case expiresIn = "expires-in"
    /// `refresh_token_expires_in`, when sent, is at least 180 days.
    case refreshTokenLifetime = "refresh-token-lifetime"
    /// The token endpoint answers in time.
    case answerTime = "answer-time"
    /// A refresh with the refresh token works.
    case refresh = "refresh"
    /// The old refresh token still works right after a refresh (a rotation grace period).
    case refreshTokenReuse = "refresh-token-reuse"
    /// The old access token still works at the resource endpoint after a refresh.
    case oldAccessToken = "old-access-token"
    /// Which client authentication methods work for the code exchange.
    case clientAuthCode = "client-auth-code"
    /// Which client authentication methods work for refresh.
    case clientAuthRefresh = "client-auth-refresh"
    /// A method that works for the code exchange also works for refresh.
    case clientAuthConsistency = "client-auth-consistency"
    /// An invalid refresh token gets 400 `invalid_grant`.
    case invalidGrant = "invalid-grant"
    /// Wrong client credentials get `invalid_client`.
    case invalidClient = "invalid-client"
    /// Error answers are JSON objects with an `error` member (RFC 6749 §5.2).
    case errorFormat = "error-format"
    /// A reminder: server trouble must be a 5xx, never `invalid_grant`.
    case serverErrors = "server-errors"

    /// A short human title for the check.
    public var title: String {
        switch self {
        case .tokenURLHTTPS: "Token URL uses HTTPS"
        case .probeURLHTTPS: "Probe URL uses HTTPS"
        case .codeLength: "Authorization code length"
        case .codeExchange: "Code exchange succeeds"
        case .responseFormat: "Token responses are JSON"
        case .tokenFields: "access_token and token_type Bearer"
        case .refreshTokenIssued: "Refresh token issued"
        case .expiresIn: "Access token lifetime (expires_in)"
        case .refreshTokenLifetime: "Refresh token lifetime"
        case .answerTime: "Token endpoint answer time"
        case .refresh: "Refresh works"
        case .refreshTokenReuse: "Old refresh token works right after a refresh"
        case .oldAccessToken: "Old access token works after a refresh"
        case .clientAuthCode: "Client authentication for the code exchange"
        case .clientAuthRefresh: "Client authentication for refresh"
        case .clientAuthConsistency: "Same client authentication for code and refresh"
        case .invalidGrant: "Invalid refresh token gets invalid_grant"
        case .invalidClient: "Wrong client credentials get invalid_client"
        case .errorFormat: "Error bodies are JSON"
        case .serverErrors: "Server trouble is a 5xx"
        }
    }
}
