public import Foundation
import SkillGateLogging

/// What `skillgate doctor` checks: a token endpoint, the client's credentials, and the grant to start from.
///
/// Build one with ``Doctor/parseArguments(_:)`` or directly. The thresholds are configurable so tests can use
/// short ones; the defaults are Alexa's.
public struct DoctorOptions: Sendable {
    /// How the run gets its first tokens.
    public enum Grant: Sendable, Equatable {
        /// Exchange an authorization code, as Alexa does when a user links. The code is single-use: the run spends it.
        case authorizationCode(code: String, redirectURI: String)
        /// Start from a refresh token the server issued earlier (the code exchange is then not checked).
        case refreshToken(String)
        /// No grant: only the checks that need no token call run (settings, TLS, the authorization URI).
        case notGiven
    }

    /// How the command line prints the report.
    public enum OutputFormat: String, Sendable {
        /// A readable list (``DoctorReport/renderText()``).
        case text
        /// Machine-readable JSON (``DoctorReport/renderJSON()``).
        case json
    }

    /// The skill's Access Token URI.
    public var tokenURL: URL
    /// The client ID configured in the Alexa developer console.
    public var clientID: String
    /// The client secret configured in the Alexa developer console. Never printed in full.
    public var clientSecret: String
    /// The grant the run starts from.
    public var grant: Grant
    /// A resource endpoint that accepts the access token as a Bearer token (RFC 6750), used to check that the
    /// old access token survives a refresh. Optional.
    public var probeURL: URL?
    /// How the report should be printed.
    public var outputFormat: OutputFormat
    /// The limit for each HTTP call; a call that takes longer is a network error, not a verdict on the server.
    public var requestTimeout: Duration
    /// A token answer slower than this is a WARN (Amazon asks for answers within 2 s).
    public var slowAnswerWarning: Duration
    /// A token answer slower than this is a FAIL (Alexa gives up after about 4.5 s).
    public var slowAnswerFailure: Duration
    /// A PEM file of certificate authorities to trust for HTTPS instead of the system's (a private or test
    /// CA); nil trusts the system's roots.
    public var caFile: String?
    /// The account-linking settings read with `--skill-package`, if any.
    public var skillPackage: AccountLinkingConfig?
    /// The skill's Authorization URI; nil skips the authorization-URI checks.
    public var authorizationURL: URL?
    /// The grant the skill is configured for.
    public var linkingType: LinkingType
    /// The skill's Client Authentication Scheme; nil when unknown (HTTP Basic is tried first, then the body).
    public var accessTokenScheme: AccessTokenScheme?
    /// The scopes Alexa requests.
    public var scopes: [String]
    /// The skill's domain list; nil when unknown (external domains are then listed, not judged).
    public var domains: [String]?
    /// The vendor ID in Alexa's redirect URLs; nil uses a placeholder.
    public var vendorID: String?
    /// The PKCE code verifier when PKCE is on (43–128 unreserved characters); nil when it is off.
    public var codeVerifier: String?
    /// Where the client secret came from.
    public var clientSecretSource: ClientSecretSource
    /// The `redirect_uri` sent to the authorization URI; nil derives it from the grant or the vendor ID.
    public var authorizationRedirectURI: String?
    /// Whether this is `skillgate doctor link`, the guided walkthrough (see ``Doctor/link(readLine:write:)``).
    public var walkthrough = false
    /// How many redirects the authorization request follows before giving up.
    public var maximumRedirects = 10

    /// Creates options.
    /// - Parameters:
    ///   - tokenURL: the Access Token URI.
    ///   - clientID: the client ID.
    ///   - clientSecret: the client secret.
    ///   - grant: an authorization code with its redirect URI, or a refresh token.
    ///   - probeURL: an optional resource endpoint that accepts the access token.
    ///   - outputFormat: text (default) or JSON.
    ///   - requestTimeout: the limit for each HTTP call, 10 s by default.
    ///   - slowAnswerWarning: the answer time above which the answer-time check WARNs, 2 s by default.
    ///   - slowAnswerFailure: the answer time above which the answer-time check FAILs, 4.5 s by default.
    ///   - caFile: a PEM file of certificate authorities to trust for HTTPS instead of the system's.
    ///   - authorizationURL: the skill's Authorization URI, for the authorization-URI checks.
    ///   - linkingType: AUTH_CODE (default) or IMPLICIT.
    ///   - accessTokenScheme: the skill's Client Authentication Scheme, if known.
    ///   - scopes: the scopes Alexa requests.
    ///   - domains: the skill's domain list, if known.
    ///   - codeVerifier: the PKCE code verifier when PKCE is on.
    ///   - clientSecretSource: where the client secret came from.
    public init(
        tokenURL: URL,
        clientID: String,
        clientSecret: String,
        grant: Grant,
        probeURL: URL? = nil,
        outputFormat: OutputFormat = .text,
        requestTimeout: Duration = .seconds(10),
        slowAnswerWarning: Duration = .seconds(2),
        slowAnswerFailure: Duration = .milliseconds(4500),
        caFile: String? = nil,
        authorizationURL: URL? = nil,
        linkingType: LinkingType = .authCode,
        accessTokenScheme: AccessTokenScheme? = nil,
        scopes: [String] = [],
        domains: [String]? = nil,
        codeVerifier: String? = nil,
        clientSecretSource: ClientSecretSource = .caller
    ) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.grant = grant
        self.probeURL = probeURL
        self.outputFormat = outputFormat
        self.requestTimeout = requestTimeout
        self.slowAnswerWarning = slowAnswerWarning
        self.slowAnswerFailure = slowAnswerFailure
        self.caFile = caFile
        self.authorizationURL = authorizationURL
        self.linkingType = linkingType
        self.accessTokenScheme = accessTokenScheme
        self.scopes = scopes
        self.domains = domains
        self.codeVerifier = codeVerifier
        self.clientSecretSource = clientSecretSource
    }
}

extension DoctorOptions: CustomStringConvertible, CustomReflectable {
    /// A one-line summary with every secret shortened to its last four characters.
    public var description: String {
        "DoctorOptions(tokenURL: \(tokenURL.absoluteString), clientID: \(clientID), "
            + "clientSecret: \(redacted(clientSecret)), grant: \(grant.redactedDescription)"
            + (probeURL.map { ", probeURL: \($0.absoluteString)" } ?? "") + (caFile.map { ", caFile: \($0)" } ?? "") + ")"
    }

    /// A mirror without the secrets, so `dump(options)` cannot leak them either.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}

extension DoctorOptions.Grant {
    /// The grant with its secrets shortened, for reports and logs.
    var redactedDescription: String {
        switch self {
        case .authorizationCode(let code, let redirectURI):
            "authorization code \(redacted(code)) (redirect_uri \(redirectURI))"
        case .refreshToken(let token):
            "refresh token \(redacted(token))"
        case .notGiven:
            "no grant"
        }
    }
}
