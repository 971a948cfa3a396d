import Foundation

extension Diagnosis {
    /// Alexa's limit on the domain list and on the scope list.
    static let maximumListLength = 15

    /// The skill package was read, and names what Alexa needs.
    func skillPackageCheck() -> CheckResult {
        guard let package = options.skillPackage else {
            return CheckResult(.skillPackage, .info, "Not tested: give --skill-package PATH (skill-package/accountLinking.json).")
        }
        var problems: [String] = []
        if package.linkingType == nil {
            problems.append("type is \(package.type.map { "\"\($0)\"" } ?? "missing"), not AUTH_CODE or IMPLICIT")
        }
        if package.authorizationURL == nil { problems.append("authorizationUrl is missing") }
        if package.clientID == nil { problems.append("clientId is missing") }
        if package.linkingType != .implicit {
            if package.accessTokenURL == nil { problems.append("accessTokenUrl is missing") }
            if package.scheme == nil {
                problems.append(
                    "accessTokenScheme is \(package.accessTokenScheme.map { "\"\($0)\"" } ?? "missing"), not HTTP_BASIC or "
                        + "REQUEST_BODY_CREDENTIALS")
            }
        }
        guard problems.isEmpty else {
            return CheckResult(
                .skillPackage, .fail, "\(package.path): " + problems.joined(separator: "; ") + ".",
                fix: "Complete accountLinkingRequest in accountLinking.json (see the ASK CLI's skill-package format) and "
                    + "deploy it with `ask deploy`.")
        }
        if package.clientSecret != nil {
            return CheckResult(
                .skillPackage, .warn, "\(package.path) holds the client secret (clientSecret), and the file is usually committed.",
                fix: "Remove clientSecret from accountLinking.json, rotate the secret, and pass it to the doctor with "
                    + "SKILLGATE_CLIENT_SECRET or --client-secret-file.")
        }
        let scheme = package.scheme.map { ", \($0.method.label)" } ?? ""
        return CheckResult(
            .skillPackage, .pass,
            "\(package.path): \(package.type ?? "")\(scheme), \(Self.plural(package.domains.count, "domain")), "
                + "\(Self.plural(package.scopes.count, "scope")).")
    }

    /// `defaultTokenExpirationInSeconds` is at least 360 (Alexa uses it when a token response has no `expires_in`).
    func defaultTokenExpirationCheck() -> CheckResult {
        guard let package = options.skillPackage else { return noPackage(.defaultTokenExpiration) }
        guard let seconds = package.defaultTokenExpirationInSeconds else {
            return CheckResult(
                .defaultTokenExpiration, .info,
                "defaultTokenExpirationInSeconds is not set: Alexa uses it only when a token response has no expires_in.")
        }
        guard seconds >= Self.minimumExpiresIn else {
            return CheckResult(
                .defaultTokenExpiration, .fail,
                "defaultTokenExpirationInSeconds is \(Self.seconds(seconds)): Alexa needs at least 360 (6 minutes).",
                fix: "Set defaultTokenExpirationInSeconds to the access tokens' real lifetime, at least 360 (ideally 3600 or more).")
        }
        return CheckResult(.defaultTokenExpiration, .pass, "defaultTokenExpirationInSeconds is \(Self.seconds(seconds)).")
    }

    /// At most 15 domains, each a bare host name.
    func domainListCheck() -> CheckResult {
        guard let package = options.skillPackage else { return noPackage(.domainList) }
        let malformed = package.domains.filter { $0.contains("/") || $0.contains(":") || $0.contains(" ") || $0.isEmpty }
        if package.domains.count > Self.maximumListLength {
            return CheckResult(
                .domainList, .fail, "The domain list has \(package.domains.count) entries; Alexa accepts at most 15.",
                fix: "Serve the login page's assets from fewer domains (or your own), so at most 15 need listing.")
        }
        if !malformed.isEmpty {
            return CheckResult(
                .domainList, .fail,
                "Domain list entries that are not host names: " + malformed.map { "\"\(ServerText.quote($0))\"" }.joined(separator: ", ")
                    + ".",
                fix: "List bare host names (cdn.example.com), without scheme, port or path.")
        }
        return CheckResult(.domainList, .pass, "\(package.domains.count) of at most 15 domains: \(Self.list(package.domains)).")
    }

    /// At most 15 scopes.
    func scopeListCheck() -> CheckResult {
        guard let package = options.skillPackage else { return noPackage(.scopeList) }
        guard package.scopes.count <= Self.maximumListLength else {
            return CheckResult(
                .scopeList, .fail, "The scope list has \(package.scopes.count) entries; Alexa accepts at most 15.",
                fix: "Request fewer scopes (combine them on the authorization server into a broader one).")
        }
        return CheckResult(.scopeList, .pass, "\(package.scopes.count) of at most 15 scopes: \(Self.list(package.scopes)).")
    }

    /// The client secret came from the environment or a file, not the command line.
    func clientSecretSourceCheck() -> CheckResult {
        switch options.clientSecretSource {
        case .commandLine:
            CheckResult(
                .clientSecretSource, .warn,
                "The client secret was given with --client-secret: it shows in ps to every user of this machine and stays "
                    + "in your shell history.",
                fix: "Pass it in the environment (SKILLGATE_CLIENT_SECRET) or with --client-secret-file PATH, and clear it from "
                    + "your shell history.")
        case .environment(let name):
            CheckResult(.clientSecretSource, .pass, "The client secret came from the environment variable \(name).")
        case .file(let path):
            CheckResult(.clientSecretSource, .pass, "The client secret came from the file \(path).")
        case .skillPackage(let path):
            CheckResult(
                .clientSecretSource, .warn, "The client secret came from \(path), which is usually committed.",
                fix: "Remove clientSecret from accountLinking.json, rotate the secret, and use SKILLGATE_CLIENT_SECRET.")
        case .caller:
            CheckResult(.clientSecretSource, .info, "The client secret was given by the calling program.")
        case .none:
            CheckResult(.clientSecretSource, .info, "No client secret was given: no token-endpoint call was made.")
        }
    }

    /// INFO for a skill-package check without a package.
    private func noPackage(_ id: CheckID) -> CheckResult {
        CheckResult(id, .info, "Not tested: give --skill-package PATH.")
    }

    /// `1 domain`, `2 domains`.
    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// `a, b, c`, or `none`.
    static func list(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.map { ServerText.quote($0) }.joined(separator: ", ")
    }
}
