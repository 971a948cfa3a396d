import Foundation

extension Diagnosis {
    /// A code longer than this is a WARN. The code travels back to the Alexa app inside the redirect URL,
    /// next to Alexa's own redirect path and `state` (together a few hundred characters), and URLs that long
    /// meet the limits of web views and proxies (2,083 characters is the historical lowest common limit).
    /// Self-contained codes (JWTs, encrypted blobs) grow with each claim added, so WARN at half the FAIL
    /// threshold, while there is still room to switch to a short opaque code.
    static let codeLengthWarning = 512
    /// A code longer than this is a FAIL: codes beyond 1024 characters are known to break the redirect back
    /// to the Alexa app.
    static let codeLengthFailure = 1024

    /// 7: the token URL is HTTPS on port 443 (plain HTTP only on a loopback host, as a WARN).
    func tokenURLCheck() -> CheckResult {
        guard options.linkingType == .authCode else {
            return CheckResult(.tokenURLHTTPS, .info, "Not tested: the implicit grant has no token endpoint.")
        }
        return httpsCheck(.tokenURLHTTPS, options.tokenURL, what: "The token URL", setting: "Access Token URI")
    }

    /// A skill URL is HTTPS on port 443 (plain HTTP only on a loopback host, as a WARN).
    func httpsCheck(_ id: CheckID, _ url: URL, what: String, setting: String) -> CheckResult {
        guard url.scheme?.lowercased() == "https" else {
            return plainHTTP(
                id, url, what: what, needs: "Alexa needs HTTPS",
                consequence: "Alexa calls only HTTPS URLs, and the client secret and tokens would cross the network in clear text")
        }
        if let port = url.port, port != 443 {
            return CheckResult(
                id, .warn, "\(what) uses HTTPS on port \(port); Amazon requires port 443.",
                fix: "Serve the \(setting) on the standard HTTPS port 443.")
        }
        return CheckResult(id, .pass, "\(what) uses HTTPS.")
    }

    /// 7: the probe URL is HTTPS (RFC 6750 §5.3: bearer tokens need TLS).
    func probeURLCheck() -> CheckResult {
        guard let url = options.probeURL else {
            return CheckResult(.probeURLHTTPS, .info, "Not tested: no --probe URL given.")
        }
        guard url.scheme?.lowercased() == "https" else {
            return plainHTTP(
                .probeURLHTTPS, url, what: "The probe URL", needs: "bearer tokens need TLS in production",
                consequence: "bearer tokens would cross the network in clear text (RFC 6750 §5.3 requires TLS)")
        }
        return CheckResult(.probeURLHTTPS, .pass, "The probe URL uses HTTPS.")
    }

    /// 7: the authorization code is short enough for the redirect to the Alexa app.
    func codeLengthCheck() -> CheckResult {
        guard case .authorizationCode(let code, _) = options.grant else {
            return noCode(.codeLength)
        }
        let length = code.utf8.count
        let fix =
            "Issue short opaque authorization codes (a random reference to server-side state, e.g. 32–128 "
            + "characters) instead of self-contained ones."
        return graded(
            .codeLength, length, warnAbove: Self.codeLengthWarning, failAbove: Self.codeLengthFailure,
            fail: "The authorization code is \(length) characters long; codes over \(Self.codeLengthFailure) "
                + "characters break the redirect back to the Alexa app.",
            warn: "The authorization code is \(length) characters long, close to the \(Self.codeLengthFailure)-"
                + "character length that breaks the redirect back to the Alexa app.",
            pass: "The authorization code is \(length) characters long.", fix: fix)
    }

    /// The verdict on a non-HTTPS URL: a WARN on a loopback host (a development server), a FAIL elsewhere.
    private func plainHTTP(
        _ id: CheckID, _ url: URL, what: String, needs: String, consequence: String
    ) -> CheckResult {
        let scheme = url.scheme ?? "no scheme"
        let host = url.host ?? ""
        if scheme.lowercased() == "http", Self.isLoopback(host) {
            return CheckResult(
                id, .warn,
                "\(what) uses plain HTTP on the loopback host \(host): fine for checking a development server, "
                    + "but \(needs).",
                fix: "Deploy the endpoint over HTTPS (port 443, a certificate from a CA Amazon trusts) before "
                    + "certification.")
        }
        return CheckResult(
            id, .fail, "\(what) uses \(scheme), not HTTPS: \(consequence).",
            fix: "Serve it over HTTPS on port 443 with a certificate signed by a CA Amazon trusts.")
    }

    /// Whether a host is a loopback address: `localhost`, `::1` or `127.x.x.x`.
    static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" || name == "localhost." || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
