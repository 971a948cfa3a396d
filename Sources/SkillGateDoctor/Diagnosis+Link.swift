extension Diagnosis {
    /// The browser landed on the `redirect_uri` the doctor sent.
    func linkRedirectCheck() -> CheckResult {
        guard let link = observations.link else { return noWalkthrough(.linkRedirect) }
        guard link.pastedSomething else {
            return CheckResult(
                .linkRedirect, .fail, "Nothing was pasted: the walkthrough has no redirect to check.",
                fix: "Run `skillgate doctor link` again and paste the whole URL from the browser's address bar.")
        }
        guard let landed = link.landedOn else {
            return CheckResult(
                .linkRedirect, .fail, "What was pasted is not a URL.",
                fix: "Paste the whole URL from the browser's address bar, starting with https://.")
        }
        guard link.reachedRedirectURI else {
            return CheckResult(
                .linkRedirect, .fail,
                "The browser landed on \(ServerText.quote(landed)), not on the redirect_uri sent (\(link.request.redirectURI)): "
                    + "Alexa never receives the result.",
                fix: "Redirect to exactly the redirect_uri of the request (one of Alexa's redirect URLs) once the user logs in.")
        }
        return CheckResult(.linkRedirect, .pass, "The browser landed on the redirect_uri sent (\(link.request.redirectURI)).")
    }

    /// `state` came back unchanged.
    func linkStateCheck() -> CheckResult {
        guard let link = observations.link else { return noWalkthrough(.linkState) }
        guard link.landedOn != nil else { return CheckResult(.linkState, .info, "Not tested: no URL was pasted (see link-redirect).") }
        let fix =
            "Return the state parameter exactly as received in Alexa's redirect (RFC 6749 §4.1.2): Alexa rejects a "
            + "redirect whose state it did not send."
        guard let state = link.state else {
            return CheckResult(.linkState, .fail, "The redirect dropped the state parameter: Alexa refuses the result.", fix: fix)
        }
        guard state == link.request.state else {
            return CheckResult(
                .linkState, .fail, "The redirect carries state \"\(ServerText.quote(state))\", not the one sent: Alexa refuses it.",
                fix: fix)
        }
        return CheckResult(.linkState, .pass, "state came back unchanged.")
    }

    /// The code is in the query (code grant), the token in the fragment (implicit grant).
    func linkCredentialCheck() -> CheckResult {
        guard let link = observations.link else { return noWalkthrough(.linkCredential) }
        guard link.landedOn != nil else {
            return CheckResult(.linkCredential, .info, "Not tested: no URL was pasted (see link-redirect).")
        }
        if let error = link.query["error"] ?? link.fragment["error"] {
            let description = (link.query["error_description"] ?? link.fragment["error_description"]).map {
                " (\"\(ServerText.quote($0))\")"
            }
            return CheckResult(
                .linkCredential, .fail, "The redirect carries error=\(ServerText.quote(error))\(description ?? "") instead of a result.",
                fix: PKCE.isRequirement(error + (description ?? "")) && options.codeVerifier == nil
                    ? "The server wants PKCE: see pkce." : "Fix what the error names, then run the walkthrough again.")
        }
        switch options.linkingType {
        case .authCode:
            if let code = link.code {
                return CheckResult(
                    .linkCredential, .pass, "The code (…\(code.suffix(4)), \(code.count) characters) is in the query, where Alexa reads it."
                )
            }
            let inFragment = link.fragment["code"] != nil
            return CheckResult(
                .linkCredential, .fail,
                inFragment
                    ? "The code is in the URL's fragment (#…): Alexa reads it from the query." : "The redirect carries no code.",
                fix: "Redirect to redirect_uri?code=…&state=… (RFC 6749 §4.1.2), with response_mode query.")
        case .implicit:
            if let token = link.accessToken {
                return CheckResult(
                    .linkCredential, .pass, "The access token (…\(token.suffix(4))) is in the fragment, where Alexa reads it.")
            }
            return CheckResult(
                .linkCredential, .fail,
                link.query["access_token"] != nil
                    ? "The access token is in the query: the implicit grant returns it in the fragment (#access_token=…)."
                    : "The redirect carries no access_token.",
                fix: "Redirect to redirect_uri#access_token=…&token_type=Bearer&state=… (RFC 6749 §4.2.2).")
        }
    }

    /// INFO outside the walkthrough.
    private func noWalkthrough(_ id: CheckID) -> CheckResult {
        CheckResult(id, .info, "Not tested: run `skillgate doctor link` to log in through the authorization URI.")
    }
}
