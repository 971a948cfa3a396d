import Foundation
import SkillGateCrypto
import SkillGateHTTP
import Synchronization

extension FakeTokenEndpoint {
    /// The domain the well-behaved login page loads its stylesheet from (the skill lists it).
    static let listedDomain = "cdn.example.com"
    /// The domain `.unlistedAsset` loads a script from (the skill does not list it).
    static let unlistedDomain = "tracker.example.net"

    /// `GET /authorize`: checks Alexa's query, then redirects to the login page (or back to Alexa with an error).
    func authorize(_ request: HTTPRequest) -> HTTPResponse {
        let query = Self.decodeForm(request.query ?? "")
        let redirect = query["redirect_uri"] ?? ""
        guard query["client_id"] == clientID, Self.isAlexaRedirect(redirect) else {
            return HTTPResponse(status: 400, headers: ["Content-Type": "text/plain"], body: Array("invalid client or redirect_uri".utf8))
        }
        if behaviour.misbehaviour == .authorizationError {
            return backToAlexa(redirect, ["error": "unauthorized_client", "error_description": "not allowed" + echoSuffix], query)
        }
        if behaviour.misbehaviour == .pkceRequired, query["code_challenge"] == nil {
            return backToAlexa(redirect, ["error": "invalid_request", "error_description": "Code challenge required." + echoSuffix], query)
        }
        let id = Self.randomToken()
        state.withLock { $0.pendingLogins[id] = query }
        return HTTPResponse(status: 302, headers: ["Location": "/login?request=\(id)", "Set-Cookie": "login=\(id); HttpOnly"])
    }

    /// `GET /login`: the login page, with what the behaviour puts in it.
    func loginPage(_ request: HTTPRequest) -> HTTPResponse {
        let id = Self.decodeForm(request.query ?? "")["request"] ?? ""
        guard state.withLock({ $0.pendingLogins[id] }) != nil, request.headers["Cookie"] == "login=\(id)" else {
            return HTTPResponse(status: 400, headers: ["Content-Type": "text/plain"], body: Array("no login in progress".utf8))
        }
        var head = "<link rel=\"stylesheet\" href=\"https://\(Self.listedDomain)/app.css\"><script src=\"/static/login.js\"></script>"
        var body = "<form method=\"post\" action=\"/login\"><input name=\"user\"><input type=\"password\" name=\"password\"></form>"
        switch behaviour.misbehaviour {
        case .unlistedAsset: head += "<script src=\"https://\(Self.unlistedDomain)/t.js\"></script>"
        case .popupWindow: body += "<script>function help() { window.open('/help', 'help'); }</script>"
        case .blankTarget: body += "<a href=\"/terms\" target=\"_blank\">Terms</a>"
        default: break
        }
        let echo = echoed
        if !echo.isEmpty {
            body += "<img src=\"https://\(Self.listedDomain)/pixel.gif?e=\(Self.formEscape(echo))\"><p>\(echo)</p>"
        }
        let html = "<!DOCTYPE html><html><head><title>Log in</title>\(head)</head><body>\(body)</body></html>"
        return HTTPResponse(status: 200, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(html.utf8))
    }

    /// What the browser ends on after the user logs in at `authorizationURL` (the page the doctor printed):
    /// Alexa's redirect URL with a fresh code (or, for `response_type=token`, a token in the fragment).
    func approve(_ authorizationURL: String) -> String {
        let query = Self.decodeForm(URLComponents(string: authorizationURL)?.percentEncodedQuery ?? "")
        let redirect = query["redirect_uri"] ?? ""
        var parameters: [(String, String)] = []
        if query["response_type"] == "token" {
            let token = "at-" + Self.randomToken()
            state.withLock { state in
                state.accessTokens.insert(token)
                state.issuedSecrets.append(token)
            }
            parameters = [("access_token", token), ("token_type", "Bearer"), ("expires_in", "3600")]
        } else {
            let code = issueCode(length: behaviour.loginCodeLength)
            state.withLock { state in
                state.redirectURIs[code] = redirect
                if let challenge = query["code_challenge"] { state.challenges[code] = challenge }
            }
            parameters = [("code", code)]
        }
        if behaviour.misbehaviour != .dropsState, let sent = query["state"] { parameters.append(("state", sent)) }
        let encoded = parameters.map { "\($0.0)=\(Self.formEscape($0.1))" }.joined(separator: "&")
        let base = behaviour.misbehaviour == .wrongRedirect ? "https://login.example.com/done" : redirect
        if query["response_type"] == "token" || behaviour.misbehaviour == .codeInFragment { return base + "#" + encoded }
        return base + "?" + encoded
    }

    /// A redirect back to Alexa's redirect URL with the given parameters (and `state`).
    private func backToAlexa(_ redirect: String, _ parameters: [String: String], _ query: [String: String]) -> HTTPResponse {
        var all = parameters
        all["state"] = query["state"]
        let encoded = all.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.formEscape($0.value))" }.joined(separator: "&")
        return HTTPResponse(status: 302, headers: ["Location": redirect + "?" + encoded])
    }

    /// ` echo: …` with every secret (in the echo encoding), or nothing.
    private var echoSuffix: String {
        let echo = echoed
        return echo.isEmpty ? "" : " echo: " + echo
    }

    /// Whether a redirect URI is one of Alexa's.
    static func isAlexaRedirect(_ text: String) -> Bool {
        [
            "https://pitangui.amazon.com/api/skill/link/", "https://layla.amazon.com/api/skill/link/",
            "https://alexa.amazon.co.jp/api/skill/link/",
        ]
        .contains { text.hasPrefix($0) }
    }

    /// The S256 code challenge of a verifier (RFC 7636 §4.2), computed with SkillGateCrypto's SHA-256.
    static func s256(_ verifier: String) -> String {
        Data(SHA256.hash(Array(verifier.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
