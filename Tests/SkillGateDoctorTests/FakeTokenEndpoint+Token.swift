import Foundation
import SkillGateHTTP
import Synchronization

extension FakeTokenEndpoint {
    /// Which way the client authenticated.
    enum Method: String { case basic, body }

    /// `POST /token`: client authentication first (RFC 6749 §3.2.1), then the grant.
    func token(_ request: HTTPRequest) async -> HTTPResponse {
        state.withLock { $0.tokenRequests += 1 }
        guard request.headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true else {
            return error(400, "invalid_request", "expected a form-encoded body")
        }
        let form = Self.decodeForm(String(decoding: request.body, as: UTF8.self))
        let grantType = form["grant_type"] ?? ""
        if grantType == "authorization_code", let delay = behaviour.codeExchangeDelay {
            try? await Task.sleep(for: delay)
        }
        let method: Method
        let credentials: (id: String, secret: String)
        switch (Self.decodeBasic(request.headers["Authorization"]), form["client_secret"]) {
        case (.some(let basic), nil):
            (method, credentials) = (.basic, basic)
        case (nil, .some(let secret)):
            (method, credentials) = (.body, (form["client_id"] ?? "", secret))
        case (.some, .some):
            return error(400, "invalid_request", "use one client authentication method")
        case (nil, nil):
            return error(401, "invalid_client", "client authentication required")
        }
        guard accepts(method, for: grantType) else {
            return error(401, "invalid_client", "\(method.rawValue) client authentication is not accepted here")
        }
        guard credentials.id == clientID, credentials.secret == clientSecret else {
            if behaviour.misbehaviour == .invalidGrantForBadClient {
                return error(400, "invalid_grant", "bad client \(credentials.secret)")
            }
            return error(401, "invalid_client", "bad client credentials \(credentials.secret)")
        }
        switch grantType {
        case "authorization_code":
            return exchange(code: form["code"] ?? "", redirectURI: form["redirect_uri"], verifier: form["code_verifier"])
        case "refresh_token": return refresh(form["refresh_token"] ?? "")
        default: return error(400, "unsupported_grant_type", "grant_type \(grantType)")
        }
    }

    private func accepts(_ method: Method, for grantType: String) -> Bool {
        switch behaviour.misbehaviour {
        case .onlyBasic: method == .basic
        case .onlyBody: method == .body
        case .bodyForCodeOnly: grantType == "authorization_code" ? method == .body : method == .basic
        case .basicOnlyForRefresh: grantType == "authorization_code" || method == .basic
        default: true
        }
    }

    private func exchange(code: String, redirectURI: String?, verifier: String?) -> HTTPResponse {
        if let verifier { state.withLock { $0.receivedSecrets.append(verifier) } }
        if behaviour.misbehaviour == .pkceRequired, verifier == nil {
            return error(400, "invalid_request", "Code verifier required.")
        }
        let challenge = state.withLock { $0.challenges[code] }
        if let challenge, verifier.map(Self.s256) != challenge {
            return error(400, "invalid_grant", "code_verifier does not match the code_challenge")
        }
        let valid = state.withLock { state in
            guard state.codes[code] == false, redirectURI == state.redirectURIs[code] ?? self.redirectURI else { return false }
            state.codes[code] = true
            return true
        }
        guard valid else { return error(400, "invalid_grant", "unknown or used code \(code)") }
        return issueTokens(withRefreshToken: behaviour.misbehaviour != .noRefreshToken)
    }

    private func refresh(_ token: String) -> HTTPResponse {
        let now = ContinuousClock.now
        let valid: Bool? = state.withLock { state in
            switch state.refreshTokens[token] {
            case .active?:
                state.refreshTokens[token] = behaviour.misbehaviour == .rotationWithoutGrace ? nil : .rotated(at: now)
            case .rotated(let at)? where now - at < behaviour.gracePeriod:
                if behaviour.misbehaviour == .serverErrorOnReuse { return nil }
            default:
                return false
            }
            if behaviour.misbehaviour == .revokeAccessOnRefresh { state.accessTokens.removeAll() }
            return true
        }
        guard let valid else {
            return HTTPResponse(status: 503, headers: ["Content-Type": "text/plain"], body: Array("try again".utf8))
        }
        guard valid else {
            if behaviour.misbehaviour == .serverErrorForBadToken {
                return HTTPResponse(status: 500, headers: ["Content-Type": "text/plain"], body: Array("oops".utf8))
            }
            return error(400, "invalid_grant", "refresh token \(token) is not valid")
        }
        return issueTokens(withRefreshToken: true)
    }

    /// A token response: JSON (lower-case `bearer`, a `charset`, extra fields) unless misbehaving.
    private func issueTokens(withRefreshToken: Bool) -> HTTPResponse {
        let accessToken = "at-" + Self.randomToken()
        let refreshToken = "rt-" + Self.randomToken()
        state.withLock { state in
            state.accessTokens.insert(accessToken)
            state.issuedSecrets.append(accessToken)
            if withRefreshToken {
                state.refreshTokens[refreshToken] = .active
                state.issuedSecrets.append(refreshToken)
            }
        }
        var fields: [String: Any] = ["access_token": accessToken, "token_type": "bearer", "scope": "profile"]
        if withRefreshToken { fields["refresh_token"] = refreshToken }
        switch behaviour.misbehaviour {
        case .shortExpiresIn: fields["expires_in"] = 300
        case .halfHourExpiresIn: fields["expires_in"] = 1800
        case .missingExpiresIn: break
        default: fields["expires_in"] = behaviour.expiresInAsString ? "3600" as Any : 3600 as Any
        }
        if behaviour.misbehaviour == .shortRefreshLifetime { fields["refresh_token_expires_in"] = 30 * 86400 }
        guard behaviour.misbehaviour == .formEncoded else { return json(200, fields) }
        let body = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.formEscape("\($0.value)"))" }
            .joined(separator: "&")
        return HTTPResponse(
            status: 200, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Array(body.utf8))
    }

    /// Decodes `application/x-www-form-urlencoded` (`+` is a space).
    static func decodeForm(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// HTTP Basic as RFC 6749 §2.3.1 has it: base64 of form-encoded id ":" form-encoded secret.
    static func decodeBasic(_ header: String?) -> (id: String, secret: String)? {
        guard let header, header.hasPrefix("Basic "), let data = Data(base64Encoded: String(header.dropFirst(6))),
            let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        else { return nil }
        let decode = { (part: Substring) in
            part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
        }
        return (decode(pair[..<colon]), decode(pair[pair.index(after: colon)...]))
    }

    static func formEscape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
