import Foundation
import SkillGateHTTP
import Synchronization

/// A configurable OAuth 2.0 token endpoint (`POST /token`) and resource endpoint (`GET /userinfo`), following
/// RFC 6749 and 6750 unless told to misbehave one way.
final class FakeTokenEndpoint: HTTPResponder, Sendable {
    /// The client ID; the space and slash make HTTP Basic's form-encoding matter (RFC 6749 §2.3.1).
    let clientID = "alexa skill/1"
    /// The client secret; `:`, `+`, space and `/` make HTTP Basic's form-encoding matter.
    let clientSecret = "s3cr3t:pa ss+word/dWXYZ"
    /// The redirect URI codes are issued for.
    let redirectURI = "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA"
    /// How the endpoint behaves.
    let behaviour: FakeBehaviour

    /// A refresh token's life.
    enum RefreshState: Sendable {
        case active
        case rotated(at: ContinuousClock.Instant)
    }

    struct State: Sendable {
        var codes: [String: Bool] = [:]
        var refreshTokens: [String: RefreshState] = [:]
        var accessTokens: Set<String> = []
        var issuedSecrets: [String] = []
        /// Secrets clients sent that the endpoint did not issue (PKCE verifiers).
        var receivedSecrets: [String] = []
        /// The PKCE challenge each code was issued for.
        var challenges: [String: String] = [:]
        /// The redirect_uri each code from the login was issued for.
        var redirectURIs: [String: String] = [:]
        /// Authorization requests waiting at the login page, by id.
        var pendingLogins: [String: [String: String]] = [:]
        var tokenRequests = 0
    }

    let state = Mutex(State())

    init(behaviour: FakeBehaviour) {
        self.behaviour = behaviour
    }

    /// A fresh single-use authorization code.
    func issueCode(length: Int = 40) -> String {
        var code = "code-"
        while code.count < length { code += Self.randomToken() }
        code = String(code.prefix(length))
        state.withLock { state in
            state.codes[code] = false
            state.issuedSecrets.append(code)
        }
        return code
    }

    /// An active refresh token, as if issued earlier.
    func issueRefreshToken() -> String {
        let token = "rt-" + Self.randomToken()
        state.withLock { state in
            state.refreshTokens[token] = .active
            state.issuedSecrets.append(token)
        }
        return token
    }

    /// Every code and token the endpoint handed out.
    var issuedSecrets: [String] { state.withLock { $0.issuedSecrets } }

    /// How many token requests arrived.
    var tokenRequests: Int { state.withLock { $0.tokenRequests } }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch (request.method, request.path) {
        case ("POST", "/token"): await token(request)
        case ("GET", "/userinfo"): userinfo(request)
        case ("GET", "/authorize"): authorize(request)
        case ("GET", "/login"): loginPage(request)
        case ("POST", "/moved"): HTTPResponse(status: 302, headers: ["Location": "/token" + (echoed.isEmpty ? "" : "?echo=" + echoed)])
        default: HTTPResponse(status: 404)
        }
    }

    /// The resource endpoint: 200 for a live access token, else 401 (RFC 6750 §3).
    private func userinfo(_ request: HTTPRequest) -> HTTPResponse {
        let header = request.headers["Authorization"] ?? ""
        let token = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : ""
        guard state.withLock({ $0.accessTokens.contains(token) }) else {
            return HTTPResponse(status: 401, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""])
        }
        return json(200, ["sub": "user-1"])
    }

    static func randomToken() -> String {
        (0..<3).map { _ in String(UInt64.random(in: .min ... .max), radix: 36) }.joined()
    }

    /// A JSON answer with `application/json; charset=utf-8` (the parameter must be tolerated).
    func json(_ status: Int, _ object: [String: Any], headers: HTTPHeaders = [:]) -> HTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        var all = headers
        all.add(name: "Content-Type", value: "application/json; charset=utf-8")
        all.add(name: "Cache-Control", value: "no-store")
        return HTTPResponse(status: status, headers: all, body: Array(data))
    }

    /// An error answer (RFC 6749 §5.2), or HTML under `.nonJSONErrors`.
    func error(_ status: Int, _ code: String, _ description: String) -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        let echo = echoed
        if status == 401 { headers.add(name: "WWW-Authenticate", value: "Basic realm=\"token\(echo)\"") }
        if !echo.isEmpty { headers.add(name: "X-Echo", value: echo) }
        if behaviour.misbehaviour == .nonJSONErrors {
            headers.add(name: "Content-Type", value: "text/html")
            let html = "<html><body><h1>Error \(status)</h1><p>\(code)</p></body></html>"
            return HTTPResponse(status: status, headers: headers, body: Array(html.utf8))
        }
        var fields: [String: Any] = [
            "error": code, "error_description": String(repeating: "x", count: behaviour.errorPadding) + description,
        ]
        if !echo.isEmpty {
            fields["error_description"] = "\(fields["error_description"] ?? "") echo: \(echo)"
            fields["error_uri"] = "https://errors.example/?echo=\(echo)"
            fields["detail"] = echo
        }
        return json(status, fields, headers: headers)
    }

    /// Every real secret the endpoint knows, in the encoding `behaviour.echo` names; empty when not echoing.
    var echoed: String {
        guard let name = behaviour.echo else { return "" }
        if let pair = SecretEncodings.basic(clientID: clientID, secret: clientSecret)[name] { return pair }
        let secrets = [clientSecret] + state.withLock { $0.issuedSecrets + $0.receivedSecrets }
        return secrets.compactMap { SecretEncodings.all($0)[name] }.joined(separator: " | ")
    }
}
