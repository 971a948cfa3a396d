/// The stable identifier of each doctor check, in report order: the skill's settings, the URLs and their TLS,
/// the authorization URI, the walkthrough, then the token endpoint.
public enum CheckID: String, Sendable, Codable, CaseIterable {
    /// `--skill-package`: `accountLinking.json` was read and names a linking type, URLs and a client.
    case skillPackage = "skill-package"
    /// `defaultTokenExpirationInSeconds` is at least 360.
    case defaultTokenExpiration = "default-token-expiration"
    /// At most 15 domains, each a bare host name.
    case domainList = "domain-list"
    /// At most 15 scopes.
    case scopeList = "scope-list"
    /// The client secret came from the environment or a file, not the command line.
    case clientSecretSource = "client-secret-source"
    /// The authorization URL uses HTTPS on port 443.
    case authorizationURLHTTPS = "authorization-url-https"
    /// The token URL uses HTTPS (plain HTTP only on a loopback host, as a WARN).
    case tokenURLHTTPS = "token-url-https"
    /// The probe URL uses HTTPS.
    case probeURLHTTPS = "probe-url-https"
    /// The TLS servers send their intermediate certificates (Alexa does not fetch missing ones).
    case tlsChain = "tls-chain"
    /// The TLS certificates lead to a trusted root.
    case tlsTrust = "tls-trust"
    /// The TLS certificates are in date, with 30 days or more left.
    case tlsExpiry = "tls-expiry"
    /// The TLS certificates name their hosts.
    case tlsHostname = "tls-hostname"
    /// The TLS certificates come from a CA Amazon accepts for account linking (not Let's Encrypt).
    case tlsIssuer = "tls-issuer"
    /// The authorization URI answers Alexa's request with a login page, not an error.
    case authorizationPage = "authorization-page"
    /// Every other domain the login page loads from is in the skill's domain list.
    case authorizationDomains = "authorization-domains"
    /// The login page opens no popups.
    case authorizationPopups = "authorization-popups"
    /// PKCE: the skill's setting and the server's requirement agree.
    case pkce = "pkce"
    /// The walkthrough: the browser landed on the redirect_uri the doctor sent.
    case linkRedirect = "link-redirect"
    /// The walkthrough: `state` came back unchanged.
    case linkState = "link-state"
    /// The walkthrough: the code is in the query (the token in the fragment for the implicit grant).
    case linkCredential = "link-credential"
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
    /// The skill's Client Authentication Scheme works for both the code exchange and refresh.
    case clientAuthScheme = "client-auth-scheme"
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
        case .skillPackage: "Skill package account-linking settings"
        case .defaultTokenExpiration: "Default token expiration setting"
        case .domainList: "Domain list"
        case .scopeList: "Scope list"
        case .clientSecretSource: "Where the client secret came from"
        case .authorizationURLHTTPS: "Authorization URL uses HTTPS"
        case .tokenURLHTTPS: "Token URL uses HTTPS"
        case .probeURLHTTPS: "Probe URL uses HTTPS"
        case .tlsChain: "TLS chain is complete"
        case .tlsTrust: "TLS certificate is trusted"
        case .tlsExpiry: "TLS certificate is in date"
        case .tlsHostname: "TLS certificate names the host"
        case .tlsIssuer: "TLS certificate authority accepted by Amazon"
        case .authorizationPage: "Authorization URI shows a login page"
        case .authorizationDomains: "Login page domains are listed"
        case .authorizationPopups: "Login page opens no popups"
        case .pkce: "PKCE setting matches the server"
        case .linkRedirect: "Redirect went to Alexa's redirect_uri"
        case .linkState: "state came back unchanged"
        case .linkCredential: "Code (or token) where Alexa reads it"
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
        case .clientAuthScheme: "The skill's Client Authentication Scheme works"
        case .invalidGrant: "Invalid refresh token gets invalid_grant"
        case .invalidClient: "Wrong client credentials get invalid_client"
        case .errorFormat: "Error bodies are JSON"
        case .serverErrors: "Server trouble is a 5xx"
        }
    }
}
