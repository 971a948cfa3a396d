extension Diagnosis {
    /// The code exchange succeeds (with either client authentication method).
    func codeExchangeCheck() -> CheckResult {
        guard startedFromCode else {
            return noCode(.codeExchange)
        }
        let calls = observations.codeCalls
        guard let last = calls.last else { return notTested(.codeExchange, "no code exchange was made") }
        return exchangeCheck(
            .codeExchange, calls: calls, last: last, success: calls.first(where: { $0.issuedTokens }),
            passed: { how, elapsed in "The code exchange answered 200 with an access token (\(how)) in \(elapsed)." },
            refused: { said in "The code exchange was refused (\(said))." },
            fix: { answer in
                if options.codeVerifier == nil,
                    PKCE.isRequirement((answer.body.error ?? "") + " " + (answer.body.errorDescription ?? ""))
                {
                    return "The server requires PKCE and the skill has it off: see the pkce check."
                }
                return Self.exchangeFix(for: answer, refreshing: false)
            })
    }

    /// What to do about a refused code exchange or refresh.
    static func exchangeFix(for answer: TokenAnswer, refreshing: Bool) -> String {
        if (300..<400).contains(answer.http.status) {
            return "Answer the POST at the Access Token URI itself with 200; redirects are not followed. Put the "
                + "final URL in the skill's account-linking settings."
        }
        switch answer.body.error {
        case "invalid_grant":
            return refreshing
                ? "The refresh token was refused: if it came from --refresh-token, pass a current one; if the "
                    + "code exchange just issued it, make it valid for the refresh_token grant."
                : "The code had expired (codes live minutes), was already used (they are single-use), or "
                    + "redirect_uri differs from the one sent to the authorization URI: get a fresh code and run "
                    + "the doctor at once, with the same redirect_uri."
        case "invalid_client":
            return "Both HTTP Basic and body credentials were refused: check the client ID and secret (the values "
                + "in the skill's account-linking settings)."
        case "unauthorized_client", "unsupported_grant_type":
            return "Allow this client the \(refreshing ? "refresh_token" : "authorization_code") grant in the "
                + "authorization server's client settings."
        default:
            break
        }
        if answer.http.status == 200 {
            return "Return access_token in the 200 answer (RFC 6749 §5.1)."
        }
        return "Answer a valid \(refreshing ? "refresh" : "code exchange") with 200 and a JSON token response "
            + "(RFC 6749 §5.1)."
    }

    /// 1: token responses are JSON objects with `Content-Type: application/json` (parameters such as
    /// `charset=utf-8` are fine).
    func responseFormatCheck() -> CheckResult {
        let responses = observations.tokenResponses
        guard !responses.isEmpty else { return notTested(.responseFormat, "no call returned a 200 answer") }
        let fix =
            "Return the token response as a JSON object with Content-Type: application/json (RFC 6749 "
            + "§5.1). GitHub, for one, answers form-encoded unless asked for JSON, and Alexa does not ask."
        for (purpose, answer) in responses {
            let contentType = answer.http.contentType ?? "none"
            switch answer.body.encoding {
            case .json:
                guard answer.http.isJSONContentType else {
                    return CheckResult(
                        .responseFormat, .fail,
                        "The answer to \(purpose.rawValue) is JSON but its Content-Type is \(contentType).",
                        fix: "Send Content-Type: application/json with token responses (RFC 6749 §5.1).")
                }
            case .form, .text, .empty:
                let shape = answer.body.encoding == .form ? "form-encoded" : "not JSON"
                return CheckResult(
                    .responseFormat, .fail,
                    "The answer to \(purpose.rawValue) is \(shape) (Content-Type \(contentType)): Alexa cannot read it.", fix: fix)
            }
        }
        return CheckResult(
            .responseFormat, .pass,
            "\(Self.count(responses.count, "token response")) JSON with Content-Type "
                + "\(responses[0].answer.http.contentType ?? "application/json").")
    }

    /// 2: `access_token` and `token_type` Bearer (any case) in every token response.
    func tokenFieldsCheck() -> CheckResult {
        let responses = observations.tokenResponses
        guard !responses.isEmpty else { return notTested(.tokenFields, "no call returned a 200 answer") }
        for (purpose, answer) in responses {
            guard let token = answer.body.accessToken, !token.isEmpty else {
                return CheckResult(
                    .tokenFields, .fail, "The answer to \(purpose.rawValue) has no access_token.",
                    fix: "Return access_token in every token response (RFC 6749 §5.1).")
            }
            guard let type = answer.body.tokenType else {
                return CheckResult(
                    .tokenFields, .fail, "The answer to \(purpose.rawValue) has no token_type.",
                    fix: "Send \"token_type\": \"Bearer\" in every token response (RFC 6749 §5.1 requires it).")
            }
            guard type.lowercased() == "bearer" else {
                return CheckResult(
                    .tokenFields, .fail,
                    "The answer to \(purpose.rawValue) has token_type \"\(ServerText.quote(type))\": Alexa "
                        + "and the skill use the token as a Bearer token.",
                    fix: "Issue Bearer tokens (RFC 6750) and say \"token_type\": \"Bearer\".")
            }
        }
        return CheckResult(
            .tokenFields, .pass,
            "access_token and token_type Bearer in "
                + "\(Self.count(responses.count, "token response", verb: false).lowercased()).")
    }

    /// 2: the code exchange returns a refresh token.
    func refreshTokenIssuedCheck() -> CheckResult {
        guard startedFromCode else {
            return noCode(.refreshTokenIssued)
        }
        guard let tokens = observations.codeTokens else {
            return notTested(.refreshTokenIssued, "the code exchange did not return tokens")
        }
        if let refreshToken = tokens.body.refreshToken, !refreshToken.isEmpty {
            return CheckResult(.refreshTokenIssued, .pass, "The code exchange returned a refresh token.")
        }
        let lifetime = tokens.body.expiresIn.seconds.map { " (in \(Self.seconds($0)) s)" } ?? ""
        return CheckResult(
            .refreshTokenIssued, .warn,
            "The code exchange returned no refresh_token: when the access token expires\(lifetime), the user "
                + "must link the account again.",
            fix: "Issue a refresh token with the authorization-code grant. (Google, for example, sends one only "
                + "when the authorization URI asks for access_type=offline.)")
    }

    /// `1 token response is` / `All 3 token responses are` (or without the verb), to start a sentence.
    static func count(_ count: Int, _ noun: String, verb: Bool = true) -> String {
        let phrase = count == 1 ? "1 \(noun)" : (count == 2 ? "Both \(noun)s" : "All \(count) \(noun)s")
        guard verb else { return phrase }
        return phrase + (count == 1 ? " is" : " are")
    }
}
