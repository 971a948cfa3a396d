extension Diagnosis {
    /// 5: a refresh with the refresh token works.
    func refreshCheck() -> CheckResult {
        let calls = observations.refreshCalls
        guard let last = calls.last else { return notTested(.refresh, whyNoRefresh) }
        let rotation = observations.rotated == true ? " and a new refresh token" : ""
        return exchangeCheck(
            .refresh, calls: calls, last: last, success: observations.successfulRefresh,
            passed: { how, elapsed in "A refresh (\(how)) answered 200 with a new access token\(rotation) in \(elapsed)." },
            refused: { said in
                "The refresh was refused (\(said)): Alexa cannot renew the access token, so users must link again "
                    + "whenever it expires."
            },
            fix: { answer in Self.exchangeFix(for: answer, refreshing: true) })
    }

    /// 5: the OLD refresh token still works right after a refresh (a grace period for rotation).
    func refreshTokenReuseCheck() -> CheckResult {
        judging(
            observations.reuseCall, .refreshTokenReuse,
            notMade:
                !observations.refreshCalls.isEmpty && observations.successfulRefresh == nil ? "the refresh failed" : whyNoRefresh
        ) { answer in
            let rotated = observations.rotated == true
            if answer.kind == .tokens {
                return CheckResult(
                    .refreshTokenReuse, .pass,
                    rotated
                        ? "The old refresh token still worked right after the rotation: the server has a grace period."
                        : "The server keeps the refresh token (no rotation), and it still worked after a refresh.")
            }
            if answer.http.status >= 500 {
                return CheckResult(
                    .refreshTokenReuse, .fail,
                    "The server errored on a retried refresh (\(answer.summary)): when Alexa misses a refresh answer it "
                        + "retries with the same refresh token, and this retry fails.",
                    fix: "Answer a repeated refresh within the grace period like the first one (200 with tokens), or with "
                        + "invalid_grant once the old token is really dead; find the server error in the token endpoint's logs.")
            }
            if rotated {
                return CheckResult(
                    .refreshTokenReuse, .fail,
                    "The OLD refresh token was refused right after a refresh (\(answer.summary)): rotation without a "
                        + "grace period. When Alexa misses a refresh answer it retries with the old token; the retry "
                        + "fails (servers with reuse detection then revoke every token) and the user is unlinked.",
                    fix: "Keep the previous refresh token valid for at least 30 s after issuing a new one (a reuse "
                        + "interval or grace period), or do not rotate refresh tokens.")
            }
            return CheckResult(
                .refreshTokenReuse, .fail,
                "The refresh token stopped working after one refresh (\(answer.summary)) and no new one was issued: "
                    + "Alexa cannot refresh a second time.",
                fix: "Either keep refresh tokens valid after use, or return a new refresh_token with every refresh "
                    + "(and keep the old one valid for at least 30 s).")
        }
    }

    /// 5: with `--probe`, the access token issued before a refresh still works after it.
    func oldAccessTokenCheck() -> CheckResult {
        guard options.probeURL != nil else {
            return CheckResult(
                .oldAccessToken, .info,
                "Not tested: give --probe URL (a resource endpoint that accepts the access token) to check that "
                    + "the old access token survives a refresh.")
        }
        guard let fresh = observations.freshProbe else {
            return notTested(.oldAccessToken, "no access token was issued to probe with")
        }
        let freshAnswer: HTTPAnswer
        switch fresh {
        case .failure(let failure):
            return unreachable(.oldAccessToken, failure, calling: "the probe")
        case .success(let answer):
            freshAnswer = answer
        }
        guard freshAnswer.isSuccess else {
            return CheckResult(
                .oldAccessToken, .warn,
                "Could not check: the probe answered \(freshAnswer.status) to a freshly issued access token.",
                fix: "Pass a --probe URL that answers 2xx to a valid Bearer token (for example the user-profile "
                    + "endpoint your skill calls).")
        }
        guard let old = observations.oldProbe else {
            return notTested(.oldAccessToken, "no refresh succeeded after the probed access token was issued")
        }
        switch old {
        case .failure(let failure):
            return unreachable(.oldAccessToken, failure, calling: "the probe")
        case .success(let answer) where answer.isSuccess:
            return CheckResult(
                .oldAccessToken, .pass,
                "The access token issued before the refresh still worked after it (\(answer.status)).")
        case .success(let answer) where answer.status == 401 || answer.status == 403:
            return CheckResult(
                .oldAccessToken, .fail,
                "The access token issued before the refresh was refused after it (\(answer.status)): requests "
                    + "that carry it until it expires fail, and users are told to link again.",
                fix: "Do not revoke access tokens when refreshing: let each live until its expires_in. If the server "
                    + "has no setting for this, make the resource server accept an access token until its expires_in "
                    + "(validate it by signature and expiry instead of looking it up), or issue shorter-lived access "
                    + "tokens (at least 360 s) so fewer requests carry a revoked one.")
        case .success(let answer):
            return CheckResult(
                .oldAccessToken, .warn,
                "The probe answered \(answer.status) to the old access token after the refresh (2xx was expected).",
                fix: "Check the probe endpoint: it answered 2xx to the same token before the refresh.")
        }
    }
}
