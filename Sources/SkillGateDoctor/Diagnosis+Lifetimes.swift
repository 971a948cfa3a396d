extension Diagnosis {
    /// Alexa needs an access token to live at least this long (6 minutes).
    static let minimumExpiresIn = 360.0
    /// Amazon recommends access tokens that live at least an hour.
    static let recommendedExpiresIn = 3600.0
    /// A refresh-token lifetime under 180 days is a WARN.
    static let minimumRefreshTokenLifetime = 180.0 * 86400

    /// 3: `expires_in` (a number or a numeric string) is present and at least 360 s, ideally 3600 s.
    func expiresInCheck() -> CheckResult {
        let responses = observations.tokenResponses.filter { $0.answer.kind == .tokens }
        guard !responses.isEmpty else { return notTested(.expiresIn, "no call returned tokens") }
        var shortest: (seconds: Double, purpose: TokenCall.Purpose)?
        var missing: [TokenCall.Purpose] = []
        for (purpose, answer) in responses {
            switch answer.body.expiresIn {
            case .unreadable(let text):
                return CheckResult(
                    .expiresIn, .fail,
                    "expires_in in the answer to \(purpose.rawValue) is \"\(ServerText.quote(text))\", not a number of "
                        + "seconds.",
                    fix: "Send expires_in as a number of seconds (RFC 6749 §5.1), e.g. 3600.")
            case .missing:
                missing.append(purpose)
            case .seconds(let seconds):
                if seconds < shortest?.seconds ?? .infinity { shortest = (seconds, purpose) }
            }
        }
        let fix = "Issue access tokens that live at least an hour (expires_in 3600 or more)."
        if let shortest, shortest.seconds < Self.minimumExpiresIn {
            return CheckResult(
                .expiresIn, .fail,
                "expires_in is \(Self.seconds(shortest.seconds)) s (\(shortest.purpose.rawValue)): Alexa needs "
                    + "at least 6 minutes (360 s).", fix: fix)
        }
        if let shortest, shortest.seconds < Self.recommendedExpiresIn {
            return CheckResult(
                .expiresIn, .warn,
                "expires_in is \(Self.seconds(shortest.seconds)) s (\(shortest.purpose.rawValue)); Amazon "
                    + "recommends at least an hour.", fix: fix)
        }
        if let first = missing.first {
            return CheckResult(
                .expiresIn, .warn,
                "The answer to \(first.rawValue) has no expires_in: Alexa cannot tell when to refresh, so "
                    + "requests can arrive with an expired token.",
                fix: "Send expires_in (seconds) with every token response, at least 3600.")
        }
        return CheckResult(
            .expiresIn, .pass,
            "expires_in is at least \(Self.seconds(shortest?.seconds ?? 0)) s in every token response.")
    }

    /// 7: `refresh_token_expires_in`, when sent, is at least 180 days.
    func refreshTokenLifetimeCheck() -> CheckResult {
        let responses = observations.tokenResponses.filter { $0.answer.kind == .tokens }
        guard !responses.isEmpty else { return notTested(.refreshTokenLifetime, "no call returned tokens") }
        let fix =
            "Let refresh tokens live at least 180 days, or expire only after long disuse (a sliding "
            + "lifetime), so users are not asked to link again."
        var shortest: Double?
        for (purpose, answer) in responses {
            switch answer.body.refreshTokenExpiresIn {
            case .missing:
                continue
            case .unreadable(let text):
                return CheckResult(
                    .refreshTokenLifetime, .warn,
                    "refresh_token_expires_in in the answer to \(purpose.rawValue) is \"\(ServerText.quote(text))\", not a "
                        + "number of seconds.", fix: fix)
            case .seconds(let seconds):
                shortest = min(shortest ?? seconds, seconds)
            }
        }
        guard let shortest else {
            return CheckResult(
                .refreshTokenLifetime, .info,
                "Refresh-token lifetime not announced (no refresh_token_expires_in); cannot be checked from outside.",
                fix: "Make sure refresh tokens live at least 180 days or expire only after long disuse; the server's "
                    + "settings are the only place to check.")
        }
        let days = Self.seconds((shortest / 86400 * 10).rounded() / 10)
        if shortest < Self.minimumRefreshTokenLifetime {
            return CheckResult(
                .refreshTokenLifetime, .warn,
                "Refresh tokens expire after \(days) days (refresh_token_expires_in \(Self.seconds(shortest))): "
                    + "users who do not use the skill for that long must link again.", fix: fix)
        }
        return CheckResult(.refreshTokenLifetime, .pass, "Refresh tokens live \(days) days.")
    }

    /// 4: the slowest token-endpoint answer is within the thresholds (FAIL over 4.5 s, WARN over 2 s).
    func answerTimeCheck() -> CheckResult {
        let answered = observations.allTokenCalls.compactMap { call in call.answer.map { (call.purpose, $0) } }
        guard let slowest = answered.max(by: { $0.1.http.elapsed < $1.1.http.elapsed }) else {
            return notTested(.answerTime, "no call was answered")
        }
        let elapsed = slowest.1.http.elapsed
        let which = "the slowest of \(answered.count) answers (to \(slowest.0.rawValue)) took \(elapsed.measured)"
        let fix =
            "Answer token requests within \(options.slowAnswerWarning.threshold): keep the token endpoint "
            + "warm (no cold starts), and move slow work (profile lookups, emails) out of the token request."
        return graded(
            .answerTime, elapsed, warnAbove: options.slowAnswerWarning, failAbove: options.slowAnswerFailure,
            fail: "The token endpoint is too slow: \(which); Alexa gives up after \(options.slowAnswerFailure.threshold).",
            warn: "The token endpoint is slow: \(which); keep answers under \(options.slowAnswerWarning.threshold) "
                + "(Alexa gives up after \(options.slowAnswerFailure.threshold)).",
            pass: "Fast enough: \(which).", fix: fix)
    }
}
