extension Diagnosis {
    /// The skill's Client Authentication Scheme is the one the token calls used first; it must work for both
    /// the code exchange and refresh, since Alexa uses only that one.
    func clientAuthSchemeCheck() -> CheckResult {
        guard let scheme = options.accessTokenScheme else {
            return CheckResult(
                .clientAuthScheme, .info,
                "Not tested: the skill's Client Authentication Scheme is unknown (give --skill-package); see "
                    + "client-auth-consistency.")
        }
        let method = scheme.method
        let setting = "\"\(method.consoleSetting)\" (\(scheme.rawValue))"
        let code = Self.outcomes(of: observations.codeCalls)[method]
        let refresh = refreshOutcomes[method]
        let fix =
            "Accept \(method.label) for both grants at the token endpoint, or switch the skill's Client Authentication "
            + "Scheme to \"\(method.other.consoleSetting)\" if that one works for both (see client-auth-code and "
            + "client-auth-refresh)."
        if case .rejected(let said) = code {
            return CheckResult(
                .clientAuthScheme, .fail,
                "The skill uses \(setting), and the code exchange rejects it (\(said)): no user can link.", fix: fix)
        }
        if case .rejected(let said) = refresh {
            return CheckResult(
                .clientAuthScheme, .fail,
                "The skill uses \(setting): the code exchange "
                    + (code == .accepted ? "accepts it" : "was not seen rejecting it") + ", but refresh rejects it (\(said)): "
                    + "linking succeeds, then every refresh fails and users must link again when the first access token "
                    + "expires.", fix: fix)
        }
        switch (code, refresh) {
        case (.accepted, .accepted):
            return CheckResult(.clientAuthScheme, .pass, "The skill uses \(setting), and both the code exchange and refresh accept it.")
        case (nil, .accepted) where !startedFromCode:
            return CheckResult(.clientAuthScheme, .pass, "The skill uses \(setting), and refresh accepts it (no code exchange was made).")
        default:
            return notTested(.clientAuthScheme, "\(setting) was not seen working for both grants")
        }
    }
}
