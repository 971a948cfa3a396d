import Foundation

/// The request Alexa sends to the authorization URI when a user starts linking: `client_id`,
/// `response_type`, `state`, `redirect_uri` (one of Alexa's), `scope`, and with PKCE `code_challenge` and
/// `code_challenge_method=S256`.
struct AuthorizationRequest: Sendable {
    /// The full URL, query included.
    let url: URL
    /// The `state` sent; it must come back unchanged.
    let state: String
    /// The `redirect_uri` sent.
    let redirectURI: String
    /// `code` or `token`.
    let responseType: String

    /// Whether the vendor ID in `redirect_uri` is a placeholder.
    var placeholderVendor: Bool { redirectURI.hasSuffix("/" + AlexaRedirect.placeholderVendorID) }

    /// Builds the request for the options, or nil without an authorization URL.
    /// - Parameter options: the doctor's options.
    init?(_ options: DoctorOptions) {
        guard let base = options.authorizationURL else { return nil }
        let redirect: String
        if let given = options.authorizationRedirectURI {
            redirect = given
        } else if case .authorizationCode(_, let redirectURI) = options.grant {
            redirect = redirectURI
        } else {
            redirect = AlexaRedirect.url(vendorID: options.vendorID ?? AlexaRedirect.placeholderVendorID)
        }
        redirectURI = redirect
        responseType = options.linkingType.responseType
        state = "skillgate-doctor-" + (0..<2).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max)) }.joined()
        var query: [(String, String)] = [
            ("client_id", options.clientID), ("response_type", responseType), ("state", state), ("redirect_uri", redirect),
        ]
        if !options.scopes.isEmpty { query.append(("scope", options.scopes.joined(separator: " "))) }
        if let verifier = options.codeVerifier {
            query.append(("code_challenge", PKCE.challenge(for: verifier)))
            query.append(("code_challenge_method", "S256"))
        }
        let encoded = query.map { SecretEncoder.percentEncoded($0.0) + "=" + SecretEncoder.percentEncoded($0.1) }.joined(separator: "&")
        let text = base.absoluteString
        let separator = text.contains("?") ? (text.hasSuffix("?") || text.hasSuffix("&") ? "" : "&") : "?"
        guard let url = URL(string: text + separator + encoded) else { return nil }
        self.url = url
    }
}
