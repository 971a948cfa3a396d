import Foundation

extension Diagnosis {
    /// The authorization URL is HTTPS on port 443.
    func authorizationURLCheck() -> CheckResult {
        guard let url = options.authorizationURL else {
            return CheckResult(.authorizationURLHTTPS, .info, "Not tested: give --skill-package PATH or --authorization-url URL.")
        }
        return httpsCheck(.authorizationURLHTTPS, url, what: "The authorization URL", setting: "Your Web Authorization URI")
    }

    /// The authorization URI answers Alexa's request with a login page (after redirects), not an error.
    func authorizationPageCheck() -> CheckResult {
        guard let observation = observations.authorization else { return noAuthorization(.authorizationPage) }
        let sent =
            "Alexa's request (response_type=\(observation.request.responseType)"
            + (options.codeVerifier == nil ? "" : ", PKCE S256") + ")"
        let placeholder =
            observation.request.placeholderVendor
            ? " The redirect_uri used a placeholder vendor ID: pass --vendor-id (yours is in the Alexa developer console) "
                + "if the server checks it." : ""
        switch observation.outcome {
        case .page(let url, _):
            let redirects = observation.hops.count - 1
            return CheckResult(
                .authorizationPage, .pass,
                "\(sent) got a page (\(Self.host(url)))\(redirects > 0 ? " after \(redirects) redirect\(redirects == 1 ? "" : "s")" : "").")
        case .backToAlexa(let parameters) where parameters["error"] == nil:
            return CheckResult(
                .authorizationPage, .pass,
                "\(sent) was answered with a redirect back to Alexa without an error (no login was asked for).")
        case .backToAlexa, .refused:
            if observation.wantsPKCE, options.codeVerifier == nil {
                return CheckResult(
                    .authorizationPage, .info, "Not judged: the server refused the request because PKCE is off (see pkce).")
            }
            let said = observation.serverError.map { "\($0.error)" + ($0.description.map { " (\"\(ServerText.quote($0))\")" } ?? "") }
            return CheckResult(
                .authorizationPage, .fail,
                "\(sent) was refused with \(said ?? "an error") instead of a login page: users cannot start linking.",
                fix: "Accept Alexa's request at the authorization URI: allow the redirect URLs from the Alexa developer console "
                    + "(\(AlexaRedirect.hosts.map { "https://\($0)/api/skill/link/…" }.joined(separator: ", "))) for this client, "
                    + "response_type=\(observation.request.responseType), and the skill's scopes.\(placeholder)")
        case .tooManyRedirects(let limit):
            return CheckResult(
                .authorizationPage, .fail, "\(sent) was redirected more than \(limit) times without reaching a page.",
                fix: "Make the authorization URI reach the login page in a few redirects (look for a redirect loop, e.g. one "
                    + "that needs a cookie).")
        case .badLocation(let location):
            return CheckResult(
                .authorizationPage, .fail, "\(sent) was redirected to \"\(ServerText.quote(location))\", not an http(s) URL.",
                fix: "Redirect only to absolute http(s) URLs.")
        case .unreachable(let failure):
            return unreachable(.authorizationPage, failure, calling: "the authorization URI")
        }
    }

    /// Every other domain the login page loads from (and that redirects go to) is in the skill's domain list.
    func authorizationDomainsCheck() -> CheckResult {
        guard let observation = observations.authorization else { return noAuthorization(.authorizationDomains) }
        guard case .page(let url, let page) = observation.outcome else {
            return CheckResult(.authorizationDomains, .info, "Not tested: no login page was reached (see authorization-page).")
        }
        let own = Set([observation.request.url.host?.lowercased() ?? "", url.host?.lowercased() ?? ""])
        var external: [String] = observation.redirectHosts.filter { !own.contains($0) }
        for reference in page.references where !own.contains(reference.host) && !external.contains(reference.host) {
            external.append(reference.host)
        }
        external.removeAll { own.contains($0) }
        let listed = Set((options.domains ?? []).map { $0.lowercased() })
        guard options.domains != nil else {
            let found = external.isEmpty ? "no other domain" : "other domains: " + Self.list(external)
            return CheckResult(
                .authorizationDomains, .info, "Not judged without the skill's domain list (--skill-package); the page uses \(found).")
        }
        let missing = external.filter { !listed.contains($0) }
        guard missing.isEmpty else {
            return CheckResult(
                .authorizationDomains, .fail,
                "The login page uses domains missing from the skill's domain list: \(Self.list(missing)); the Alexa app "
                    + "blocks them, so the page breaks.",
                fix: "Add " + Self.list(missing) + " to the domain list (exact host names: each subdomain is listed on its own), "
                    + "or serve those resources from the authorization URL's own domain.")
        }
        return CheckResult(
            .authorizationDomains, .pass,
            external.isEmpty ? "The login page loads nothing from other domains." : "Every other domain is listed: \(Self.list(external)).")
    }

    /// The login page opens no popups.
    func authorizationPopupsCheck() -> CheckResult {
        guard let observation = observations.authorization else { return noAuthorization(.authorizationPopups) }
        guard case .page(_, let page) = observation.outcome else {
            return CheckResult(.authorizationPopups, .info, "Not tested: no login page was reached (see authorization-page).")
        }
        guard page.popups.isEmpty else {
            return CheckResult(
                .authorizationPopups, .fail,
                "The login page opens popups (\(page.popups.joined(separator: ", "))): the Alexa app's browser does not show "
                    + "them, so users cannot finish linking.",
                fix: "Keep the whole login in one window: no window.open and no target=\"_blank\" on the login path.")
        }
        return CheckResult(.authorizationPopups, .pass, "The login page opens no popups.")
    }

    /// INFO without an authorization URL.
    private func noAuthorization(_ id: CheckID) -> CheckResult {
        CheckResult(id, .info, "Not tested: give --skill-package PATH or --authorization-url URL.")
    }

    /// `host` of a URL.
    static func host(_ url: URL) -> String { url.host ?? url.absoluteString }
}
