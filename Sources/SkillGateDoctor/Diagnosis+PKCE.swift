extension Diagnosis {
    /// PKCE: a server that requires it while the skill has it off is named as such.
    func pkceCheck() -> CheckResult {
        let atAuthorization = observations.authorization?.wantsPKCE == true
        let atToken = observations.codeCalls.contains { call in
            guard let body = call.answer?.body, call.answer?.kind != .tokens else { return false }
            return PKCE.isRequirement((body.error ?? "") + " " + (body.errorDescription ?? ""))
        }
        guard options.codeVerifier == nil else {
            if atAuthorization || atToken {
                return CheckResult(
                    .pkce, .fail, "PKCE is on (S256), and the server still refused the request over PKCE.",
                    fix: "Accept code_challenge_method=S256 at the authorization URI and check code_verifier at the token "
                        + "endpoint (RFC 7636).")
            }
            let exchanged = observations.codeTokens != nil ? " and the code exchange with the verifier succeeded" : ""
            return CheckResult(.pkce, .pass, "PKCE is on: the doctor sent an S256 code_challenge\(exchanged).")
        }
        if atAuthorization || atToken {
            let said = atAuthorization ? "the authorization URI" : "the token endpoint"
            return CheckResult(
                .pkce, .fail,
                "The server requires PKCE (\(said) refused a request without it) but the skill has PKCE off: no user can link.",
                fix: "Turn PKCE on in the skill's account-linking settings (Alexa then sends code_challenge with S256) and "
                    + "rerun the doctor with --pkce; or, if the skill cannot use PKCE, stop requiring it for this client "
                    + "(django-oauth-toolkit: PKCE_REQUIRED).")
        }
        return CheckResult(
            .pkce, .info,
            "PKCE is off and the server did not ask for it. Amazon recommends PKCE: turn it on for the skill and rerun with --pkce.")
    }
}
