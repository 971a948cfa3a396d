extension Diagnosis {
    /// 6: a made-up refresh token gets 400 `invalid_grant`.
    func invalidGrantCheck() -> CheckResult {
        judging(observations.invalidGrantCall, .invalidGrant, notMade: "no invalid refresh token was sent") { answer in
            let fix =
                "Answer 400 with {\"error\": \"invalid_grant\"} for an unknown, expired or revoked refresh "
                + "token (RFC 6749 §5.2): it is how Alexa learns that the user must link again."
            if answer.kind == .tokens {
                return CheckResult(
                    .invalidGrant, .fail, "A made-up refresh token was accepted (200): refresh tokens are not checked.",
                    fix: "Validate the refresh token on every refresh; " + fix)
            }
            if answer.body.error == "invalid_grant" {
                guard answer.http.status == 400 else {
                    return CheckResult(
                        .invalidGrant, .warn, "A made-up refresh token got \(answer.summary); RFC 6749 §5.2 says 400.",
                        fix: "Answer invalid_grant with status 400.")
                }
                return CheckResult(.invalidGrant, .pass, "A made-up refresh token got 400 invalid_grant.")
            }
            let harm =
                answer.http.status >= 500
                ? ": a 5xx says \"try again later\", so users whose tokens are dead are never asked to link again."
                : ", not 400 invalid_grant: Alexa cannot tell that the user must link again."
            return CheckResult(.invalidGrant, .fail, "A made-up refresh token got \(answer.summary)\(harm)", fix: fix)
        }
    }

    /// 6: wrong client credentials get `invalid_client` with 400 or 401 (RFC 6749 §5.2).
    func invalidClientCheck() -> CheckResult {
        judging(observations.wrongClientCall, .invalidClient, notMade: "no wrong client secret was sent") { answer in
            let fix =
                "Answer {\"error\": \"invalid_client\"} with 401 (or 400) when client authentication fails "
                + "(RFC 6749 §5.2), and keep invalid_grant for bad codes and refresh tokens."
            let status = answer.http.status
            switch answer.body.error {
            case _ where answer.kind == .tokens:
                return CheckResult(
                    .invalidClient, .fail,
                    "A wrong client secret was accepted (200): the token endpoint does not authenticate the client.",
                    fix: "Check the client secret on every token request (RFC 6749 §2.3.1).")
            case "invalid_client" where status == 400 || status == 401:
                return CheckResult(.invalidClient, .pass, "A wrong client secret got \(status) invalid_client.")
            case "invalid_client":
                return CheckResult(
                    .invalidClient, .warn, "A wrong client secret got \(answer.summary); RFC 6749 §5.2 says 400 or 401.",
                    fix: fix)
            case "invalid_grant":
                let verdict: CheckVerdict = observations.wrongClientUsedValidToken ? .fail : .warn
                let token =
                    observations.wrongClientUsedValidToken
                    ? "with a valid refresh token" : "(the refresh token was made up too, so this is ambiguous)"
                return CheckResult(
                    .invalidClient, verdict,
                    "A wrong client secret \(token) got \(answer.summary): Alexa takes invalid_grant to mean the user's "
                        + "link is dead, so a client problem (a rotated secret, a misconfiguration) would unlink users.",
                    fix: fix)
            case _ where status >= 500:
                return CheckResult(
                    .invalidClient, .fail,
                    "A wrong client secret got \(answer.summary): wrong credentials are a client error, not a server "
                        + "fault.", fix: fix)
            default:
                return CheckResult(
                    .invalidClient, .warn, "A wrong client secret got \(answer.summary), not invalid_client.", fix: fix)
            }
        }
    }

    /// 6: every 4xx answer is a JSON object with an `error` member and `Content-Type: application/json`.
    func errorFormatCheck() -> CheckResult {
        let errors = observations.allTokenCalls.compactMap { call in
            call.answer.flatMap { (400..<500).contains($0.http.status) ? (call.purpose, $0) : nil }
        }
        guard !errors.isEmpty else { return notTested(.errorFormat, "no 4xx answer was seen") }
        let fix =
            "Answer errors with a JSON object such as {\"error\": \"invalid_grant\", \"error_description\": "
            + "\"…\"} and Content-Type: application/json (RFC 6749 §5.2)."
        for (purpose, answer) in errors {
            let contentType = answer.http.contentType ?? "none"
            guard answer.body.encoding == .json, answer.body.error != nil else {
                let body =
                    answer.body.encoding == .json
                    ? "a JSON body without an error member"
                    : "a "
                        + (answer.body.encoding == .empty ? "empty" : answer.body.encoding == .form ? "form-encoded" : "non-JSON")
                        + " body"
                return CheckResult(
                    .errorFormat, .fail,
                    "The \(answer.http.status) answer to \(purpose.rawValue) has \(body) (Content-Type "
                        + "\(contentType)): Alexa cannot read the error code.", fix: fix)
            }
            guard answer.http.isJSONContentType else {
                return CheckResult(
                    .errorFormat, .fail,
                    "The \(answer.http.status) answer to \(purpose.rawValue) is JSON with Content-Type "
                        + "\(contentType).", fix: fix)
            }
        }
        return CheckResult(
            .errorFormat, .pass, "\(Self.count(errors.count, "error answer")) JSON with an error member.")
    }

    /// 6: always a reminder that server trouble must be a 5xx, never `invalid_grant`.
    func serverErrorsCheck() -> CheckResult {
        CheckResult(
            .serverErrors, .info,
            "Reminder: when your server has trouble (a database or upstream down, a timeout), answer 5xx, never "
                + "invalid_grant.",
            fix: "Alexa takes invalid_grant to mean the user's link is dead and asks them to link again; a 5xx "
                + "makes it retry later. Check every catch-all error path of the token endpoint.")
    }
}
