/// One way the fake token endpoint can misbehave (one at a time), or not at all.
enum Misbehaviour: String, Sendable, CaseIterable {
    /// Follows the RFCs and Amazon's guidance.
    case none
    /// `expires_in` 300 (under Alexa's 6 minutes).
    case shortExpiresIn
    /// `expires_in` 1800 (under Amazon's recommended hour).
    case halfHourExpiresIn
    /// No `expires_in`.
    case missingExpiresIn
    /// No refresh token from the code exchange (Google without `access_type=offline`).
    case noRefreshToken
    /// Token responses form-encoded (as GitHub answers).
    case formEncoded
    /// `refresh_token_expires_in` of 30 days.
    case shortRefreshLifetime
    /// Rotates refresh tokens with no grace period: the old one is refused once used.
    case rotationWithoutGrace
    /// Revokes every access token on refresh.
    case revokeAccessOnRefresh
    /// Answers `invalid_grant` for wrong client credentials (a client fault dressed as a dead link).
    case invalidGrantForBadClient
    /// Answers 500 for an unknown refresh token.
    case serverErrorForBadToken
    /// Error answers as HTML.
    case nonJSONErrors
    /// Accepts only HTTP Basic client authentication.
    case onlyBasic
    /// Accepts only client credentials in the body.
    case onlyBody
    /// Body credentials for the code exchange only; refresh accepts only HTTP Basic.
    case bodyForCodeOnly
    /// Both methods for the code exchange; refresh accepts only HTTP Basic.
    case basicOnlyForRefresh
    /// Answers 500 to the old refresh token within its grace period.
    case serverErrorOnReuse
    /// Requires PKCE as django-oauth-toolkit does: "Code challenge required." at the authorization URI and
    /// "Code verifier required." at the token endpoint.
    case pkceRequired
    /// The authorization URI redirects back to Alexa with error=unauthorized_client.
    case authorizationError
    /// The login page loads a script from a domain the skill does not list.
    case unlistedAsset
    /// The login page calls window.open.
    case popupWindow
    /// The login page has a link with target="_blank".
    case blankTarget
    /// The redirect after login drops state.
    case dropsState
    /// The redirect after login puts the code in the fragment.
    case codeInFragment
    /// The redirect after login goes somewhere else than the redirect_uri.
    case wrongRedirect
}

/// How the fake token endpoint behaves.
struct FakeBehaviour: Sendable {
    /// The misbehaviour, if any.
    var misbehaviour: Misbehaviour = .none
    /// A delay before answering the code exchange (the slow-answer checks).
    var codeExchangeDelay: Duration?
    /// Send `expires_in` as a numeric string ("3600") rather than a number.
    var expiresInAsString = false
    /// How long a rotated refresh token stays valid.
    var gracePeriod: Duration = .seconds(30)
    /// Characters of filler put before every `error_description`, so a secret echoed in it straddles the
    /// place where a report would cut a long description.
    var errorPadding = 0
    /// When set, every error answer, reflected header and redirect echoes every real secret the endpoint
    /// knows in this encoding (a name from `SecretEncodings.all` or `SecretEncodings.basic`).
    var echo: String?
    /// The length of the codes the login issues.
    var loginCodeLength = 40
}
