/// The account-linking grant the skill is configured for (`type` in `accountLinking.json`).
public enum LinkingType: String, Sendable, Equatable {
    /// The authorization-code grant: Alexa exchanges a code at the token endpoint.
    case authCode = "AUTH_CODE"
    /// The implicit grant: the authorization server returns the access token in the redirect's fragment.
    case implicit = "IMPLICIT"

    /// The `response_type` Alexa sends to the authorization URI.
    var responseType: String { self == .authCode ? "code" : "token" }
}

/// The skill's Client Authentication Scheme (`accessTokenScheme` in `accountLinking.json`): how Alexa sends
/// the client credentials to the token endpoint.
public enum AccessTokenScheme: String, Sendable, Equatable {
    /// `Authorization: Basic …`.
    case httpBasic = "HTTP_BASIC"
    /// `client_id` and `client_secret` in the form body.
    case requestBodyCredentials = "REQUEST_BODY_CREDENTIALS"

    /// The client authentication method the doctor sends for this scheme.
    var method: ClientAuthMethod { self == .httpBasic ? .basic : .body }
}

/// Where the client secret came from, so the report can say whether it was exposed on the way.
public enum ClientSecretSource: Sendable, Equatable {
    /// `--client-secret` on the command line: visible in `ps` and kept in shell history.
    case commandLine
    /// An environment variable (its name).
    case environment(String)
    /// `--client-secret-file` (its path).
    case file(String)
    /// `clientSecret` in the skill package's `accountLinking.json` (its path).
    case skillPackage(String)
    /// The program that built the options (no command line involved).
    case caller
    /// No client secret was given (only checks that need none ran).
    case none
}
