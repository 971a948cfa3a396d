import Foundation

extension Diagnosis {
    /// A certificate with fewer days left than this is a WARN.
    static let certificateWarningDays = 30.0

    /// The servers send their intermediates: Alexa does not fetch missing ones.
    func tlsChainCheck() -> CheckResult {
        tlsCheck(.tlsChain) { facts in
            switch facts.chain {
            case .complete:
                return (.pass, "sends a complete chain (\(facts.sent.count) certificate\(facts.sent.count == 1 ? "" : "s"))")
            case .missingIssuer(let issuer):
                return (
                    .fail,
                    "sent \(facts.sent.count) certificate\(facts.sent.count == 1 ? "" : "s") and not the one of its issuer "
                        + "\(ServerText.quote(issuer)), which is not a trusted root: Alexa does not fetch missing intermediates"
                )
            }
        } fix: {
            "Configure the server to send the full chain: its certificate followed by every intermediate (nginx: "
                + "ssl_certificate with the fullchain file; a load balancer: upload the chain with the certificate)."
        }
    }

    /// The chain leads to a trusted root (the system's, or `--ca-file`'s).
    func tlsTrustCheck() -> CheckResult {
        let roots = options.caFile.map { "the CAs in \($0)" } ?? "the system's trusted roots"
        return tlsCheck(.tlsTrust) { facts in
            switch facts.trust {
            case .trusted: return (.pass, "leads to one of \(roots)")
            case .untrusted(let why): return (.fail, "does not lead to one of \(roots) (OpenSSL: \(why))")
            case .undetermined: return (.info, "cannot be judged: the chain is incomplete (see tls-chain)")
            }
        } fix: {
            "Use a certificate from a certificate authority Amazon trusts (a public CA other than Let's Encrypt), not a "
                + "self-signed or private one."
        }
    }

    /// In date, with the days left; a WARN under 30 days.
    func tlsExpiryCheck() -> CheckResult {
        tlsCheck(.tlsExpiry) { facts in
            guard let end = facts.notAfter, let start = facts.notBefore else { return (.warn, "has unreadable dates") }
            let now = Date()
            if now < start.date { return (.fail, "is not valid yet: \(ServerText.quote(start.subject)) starts \(Self.day(start.date))") }
            let days = end.date.timeIntervalSince(now) / 86400
            if days < 0 {
                return (.fail, "has expired: \(ServerText.quote(end.subject)) ended \(Self.day(end.date))")
            }
            let left = "\(Int(days.rounded(.down))) days left (\(ServerText.quote(end.subject)) until \(Self.day(end.date)))"
            return (days < Self.certificateWarningDays ? .warn : .pass, left)
        } fix: {
            "Renew the certificate before it expires, and automate renewal so it never lapses: Alexa refuses an "
                + "expired certificate and linking stops for everyone."
        }
    }

    /// The leaf names the host of the URL.
    func tlsHostnameCheck() -> CheckResult {
        tlsCheck(.tlsHostname) { facts in
            if facts.hostMatches { return (.pass, "names the host") }
            let names = facts.names.isEmpty ? "no DNS names" : "only " + facts.names.map { ServerText.quote($0) }.joined(separator: ", ")
            return (.fail, "does not name the host (it carries \(names))")
        } fix: {
            "Use a certificate whose Subject Alternative Names include the URL's host (or change the URL to a name the "
                + "certificate carries)."
        }
    }

    /// A WARN for Let's Encrypt: Amazon does not accept it for account linking.
    func tlsIssuerCheck() -> CheckResult {
        tlsCheck(.tlsIssuer) { facts in
            let issuers = facts.issuers.map { ServerText.quote($0) }.joined(separator: " ← ")
            let letsEncrypt = facts.issuers.contains { $0.localizedCaseInsensitiveContains("let's encrypt") || $0.contains("ISRG") }
            return letsEncrypt
                ? (.warn, "is issued by Let's Encrypt (\(issuers)), which Amazon's account-linking requirements do not accept")
                : (.pass, "is issued by \(issuers)")
        } fix: {
            "Use a certificate from another public certificate authority for the authorization and token URLs."
        }
    }

    /// One TLS check over every inspected server: each server's line, the worst verdict, and the fix unless
    /// everything passed.
    private func tlsCheck(
        _ id: CheckID, _ judge: (TLSFacts) -> (CheckVerdict, String), fix: () -> String
    ) -> CheckResult {
        guard !observations.tls.isEmpty else {
            return CheckResult(id, .info, "Not tested: no HTTPS URL to inspect (plain HTTP, or no URL given).")
        }
        var lines: [String] = []
        var verdicts: [CheckVerdict] = []
        for server in observations.tls {
            let name = "\(server.endpoint) (\(server.roles.joined(separator: " and ")))"
            switch server.outcome {
            case .failure(let failure):
                verdicts.append(.error)
                lines.append("\(name): could not be inspected: \(failure.reason)")
            case .success(let facts):
                let (verdict, line) = judge(facts)
                verdicts.append(verdict)
                lines.append("The certificate of \(name) \(line)")
            }
        }
        let worst = Self.worst(verdicts)
        let reason = lines.joined(separator: "; ") + "."
        switch worst {
        case .fail, .warn: return CheckResult(id, worst, reason, fix: fix())
        case .error:
            return CheckResult(
                id, .error, reason, fix: "Check that the server is running and speaks TLS on that port; this is not a verdict on it.")
        case .pass, .info: return CheckResult(id, worst, reason)
        }
    }

    /// FAIL over ERROR over WARN over INFO over PASS.
    static func worst(_ verdicts: [CheckVerdict]) -> CheckVerdict {
        let order: [CheckVerdict] = [.fail, .error, .warn, .info, .pass]
        return order.first { verdicts.contains($0) } ?? .pass
    }

    /// `2026-12-31`.
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
