import Foundation

/// The doctor's command line after scanning: turns option values into ``DoctorOptions``, reading the skill
/// package and the client-secret file, and checks the combinations.
struct ParsedArguments {
    /// Option values by name.
    let values: [String: String]
    /// The flags given.
    let flags: Set<String>
    /// The process environment.
    let environment: [String: String]
    /// Whether this is `doctor link`.
    let walkthrough: Bool
    /// The skill package, once read.
    private var package: AccountLinkingConfig?

    init(values: [String: String], flags: Set<String>, environment: [String: String], walkthrough: Bool) {
        self.values = values
        self.flags = flags
        self.environment = environment
        self.walkthrough = walkthrough
    }

    /// The options, or the first problem with the command line.
    mutating func options() throws(DoctorUsageError) -> DoctorOptions {
        if let path = values["--skill-package"] { package = try AccountLinkingConfig.read(path) }
        let linkingType = package?.linkingType ?? .authCode
        let authorizationURL = try url("--authorization-url", fallback: package?.authorizationURL)
        if walkthrough, authorizationURL == nil { throw .missingAuthorizationURL }
        let tokenURL = try url("--token-url", fallback: package?.accessTokenURL) ?? implicitStandIn(linkingType, authorizationURL)
        guard let tokenURL else { throw .missingOption("--token-url") }
        guard let clientID = values["--client-id"] ?? package?.clientID else { throw .missingOption("--client-id") }
        let secret = try clientSecret()
        let grant = try self.grant(authorizationKnown: authorizationURL != nil)
        let needsSecret = grant != .notGiven || (walkthrough && linkingType == .authCode)
        if needsSecret, secret == nil { throw .missingOption("--client-secret") }
        var options = DoctorOptions(
            tokenURL: tokenURL,
            clientID: clientID,
            clientSecret: secret?.value ?? "",
            grant: grant,
            probeURL: values["--probe"] == nil ? nil : try url("--probe", fallback: nil),
            outputFormat: flags.contains("--json") ? .json : .text,
            caFile: values["--ca-file"],
            authorizationURL: authorizationURL,
            linkingType: linkingType,
            accessTokenScheme: package?.scheme,
            scopes: package?.scopes ?? [],
            domains: package?.domains,
            codeVerifier: try codeVerifier(grant),
            clientSecretSource: secret?.source ?? ClientSecretSource.none
        )
        options.skillPackage = package
        options.vendorID = values["--vendor-id"] ?? package?.redirectURLs.first.flatMap(AlexaRedirect.vendorID(in:))
        options.authorizationRedirectURI = values["--redirect-uri"] ?? package?.redirectURLs.first
        options.walkthrough = walkthrough
        return options
    }

    /// The implicit grant has no token endpoint: the authorization URL stands in so the options have one.
    private func implicitStandIn(_ type: LinkingType, _ authorizationURL: URL?) -> URL? {
        type == .implicit ? authorizationURL : nil
    }

    /// The secret and where it came from: `--client-secret-file`, `--client-secret`, the environment, or the
    /// skill package, in that order.
    private func clientSecret() throws(DoctorUsageError) -> (value: String, source: ClientSecretSource)? {
        switch (values["--client-secret"], values["--client-secret-file"]) {
        case (.some, .some):
            throw .conflictingSecrets
        case (.some(let secret), nil):
            return (secret, .commandLine)
        case (nil, .some(let path)):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadableFile(option: "--client-secret-file", path: path, reason: "check the path and its permissions")
            }
            var text = String(decoding: data, as: UTF8.self)
            while let last = text.last, last.isNewline { text.removeLast() }
            guard !text.isEmpty else { throw .unreadableFile(option: "--client-secret-file", path: path, reason: "it is empty") }
            return (text, .file(path))
        case (nil, nil):
            if let secret = environment[Doctor.clientSecretVariable], !secret.isEmpty {
                return (secret, .environment(Doctor.clientSecretVariable))
            }
            if let package, let secret = package.clientSecret, !secret.isEmpty { return (secret, .skillPackage(package.path)) }
            return nil
        }
    }

    /// The grant, checking the combinations of `--code`, `--redirect-uri` and `--refresh-token`.
    private func grant(authorizationKnown: Bool) throws(DoctorUsageError) -> DoctorOptions.Grant {
        let redirectAlone = walkthrough || authorizationKnown
        switch (values["--code"], values["--redirect-uri"], values["--refresh-token"]) {
        case (.some, _, _) where walkthrough, (_, _, .some) where walkthrough:
            throw .grantInWalkthrough
        case (.some, _, .some):
            throw .conflictingGrants
        case (.some(let code), .some(let redirectURI), nil):
            guard let url = URL(string: redirectURI), url.scheme != nil else {
                throw .invalidURL(option: "--redirect-uri", value: redirectURI)
            }
            return .authorizationCode(code: code, redirectURI: redirectURI)
        case (.some, nil, nil):
            throw .missingRedirectURI
        case (nil, .some, _) where !redirectAlone:
            throw .redirectURIWithoutCode
        case (nil, _, .some(let refreshToken)):
            return .refreshToken(refreshToken)
        case (nil, _, nil):
            guard walkthrough || authorizationKnown else { throw .missingGrant }
            return .notGiven
        }
    }

    /// The PKCE verifier: `--code-verifier`, or one made now for `--pkce`.
    private func codeVerifier(_ grant: DoctorOptions.Grant) throws(DoctorUsageError) -> String? {
        if let given = values["--code-verifier"] {
            guard PKCE.isValidVerifier(given) else { throw .invalidCodeVerifier }
            return given
        }
        guard flags.contains("--pkce") else { return nil }
        if case .authorizationCode = grant { throw .verifierNeeded }
        return PKCE.makeVerifier()
    }

    /// The value of a URL option (or the skill package's), checked to be absolute http(s) with a host.
    private func url(_ option: String, fallback: String?) throws(DoctorUsageError) -> URL? {
        guard let text = values[option] ?? fallback else { return nil }
        guard let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw .invalidURL(option: option, value: text)
        }
        return url
    }
}
