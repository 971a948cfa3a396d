import Foundation
import SkillGateHTTP

/// How the client authenticates at the token endpoint; Alexa's console calls this the Client Authentication
/// Scheme. RFC 6749 §2.3.1 forbids using both in one request, so each call uses exactly one.
enum ClientAuthMethod: String, Sendable, CaseIterable {
    /// `Authorization: Basic base64(form-encoded id ":" form-encoded secret)`.
    case basic
    /// `client_id` and `client_secret` in the form body.
    case body

    /// The method's name in reports.
    var label: String {
        switch self {
        case .basic: "HTTP Basic"
        case .body: "body credentials"
        }
    }

    /// The setting in the skill's account-linking configuration that selects this method.
    var consoleSetting: String {
        switch self {
        case .basic: "HTTP Basic"
        case .body: "Credentials in request body"
        }
    }

    /// The other method.
    var other: ClientAuthMethod { self == .basic ? .body : .basic }
}

/// A token request: the grant's parameters plus client credentials sent one way.
struct TokenRequest {
    /// The grant parameters (`grant_type` first).
    let grant: [(String, String)]
    /// The client ID.
    let clientID: String
    /// The client secret.
    let clientSecret: String
    /// How the credentials are sent.
    let method: ClientAuthMethod

    /// The parameters of an authorization-code exchange.
    static func codeGrant(code: String, redirectURI: String) -> [(String, String)] {
        [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI)]
    }

    /// The parameters of a refresh.
    static func refreshGrant(_ refreshToken: String) -> [(String, String)] {
        [("grant_type", "refresh_token"), ("refresh_token", refreshToken)]
    }

    /// The `Authorization` value for HTTP Basic: both parts form-urlencoded before base64 (RFC 6749 §2.3.1).
    static func basicAuthorization(clientID: String, clientSecret: String) -> String {
        let pair = FormURLEncoding.escape(clientID) + ":" + FormURLEncoding.escape(clientSecret)
        return "Basic " + Data(pair.utf8).base64EncodedString()
    }

    /// The POST's headers and body as Alexa sends them: `application/x-www-form-urlencoded`, no
    /// `Accept: application/json`.
    func httpRequest() -> (headers: HTTPHeaders, body: [UInt8]) {
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        var parameters = grant
        switch method {
        case .basic:
            headers.add(name: "Authorization", value: Self.basicAuthorization(clientID: clientID, clientSecret: clientSecret))
        case .body:
            parameters.append(("client_id", clientID))
            parameters.append(("client_secret", clientSecret))
        }
        return (headers, Array(FormURLEncoding.encode(parameters).utf8))
    }
}
