import FoundationEssentials
extension Diagnosis {
    /// What a check looked at, one line per observation, for the JSON report.
    func evidence(for id: CheckID) -> [String] {
        switch id {
        case .skillPackage, .defaultTokenExpiration, .domainList, .scopeList:
            options.skillPackage.map { ["read \($0.path)"] } ?? []
        case .clientSecretSource:
            ["client secret …\(options.clientSecret.count > 4 ? String(options.clientSecret.suffix(4)) : "")"]
        case .authorizationURLHTTPS:
            options.authorizationURL.map { [$0.absoluteString] } ?? []
        case .tokenURLHTTPS:
            [options.tokenURL.absoluteString]
        case .probeURLHTTPS:
            options.probeURL.map { [$0.absoluteString] } ?? []
        case .tlsChain, .tlsTrust, .tlsExpiry, .tlsHostname, .tlsIssuer:
            observations.tls.flatMap(Self.lines(of:))
        case .authorizationPage, .authorizationDomains, .authorizationPopups:
            observations.authorization.map(Self.lines(of:)) ?? []
        case .pkce:
            (observations.authorization.map(Self.lines(of:)) ?? []) + observations.codeCalls.map(Self.line(of:))
        case .linkRedirect, .linkState, .linkCredential:
            observations.link.map(Self.lines(of:)) ?? []
        case .codeLength, .codeExchange, .clientAuthCode:
            observations.codeCalls.map(Self.line(of:))
        case .refresh, .clientAuthRefresh:
            (observations.refreshCalls + [observations.otherMethodCall].compactMap { $0 }).map(Self.line(of:))
        case .clientAuthConsistency, .clientAuthScheme, .responseFormat, .tokenFields, .refreshTokenIssued, .expiresIn,
            .refreshTokenLifetime, .answerTime:
            observations.alexaCalls.map(Self.line(of:))
        case .refreshTokenReuse:
            [observations.reuseCall].compactMap { $0 }.map(Self.line(of:))
        case .oldAccessToken:
            [("fresh", observations.freshProbe), ("old", observations.oldProbe)].compactMap { name, probe in
                probe.map { "probe with the \(name) access token: " + Self.describe($0) }
            }
        case .invalidGrant:
            [observations.invalidGrantCall].compactMap { $0 }.map(Self.line(of:))
        case .invalidClient:
            [observations.wrongClientCall].compactMap { $0 }.map(Self.line(of:))
        case .errorFormat:
            observations.allTokenCalls.map(Self.line(of:))
        case .serverErrors:
            []
        }
    }

    /// `the refresh (HTTP Basic): 200 in 12 ms (application/json)`.
    static func line(of call: TokenCall) -> String {
        "\(call.purpose.rawValue) (\(call.method.label)): "
            + (call.answer.map { "\($0.summary) in \($0.http.elapsed.measured) (\($0.http.mediaType ?? "no Content-Type"))" }
                ?? call.failure?.message ?? "no answer")
    }

    /// `200` or `could not reach …`.
    static func describe(_ probe: ProbeCall) -> String {
        switch probe {
        case .success(let answer): "\(answer.status) in \(answer.elapsed.measured)"
        case .failure(let failure): failure.message
        }
    }

    /// The requests made, and the references the page holds.
    static func lines(of observation: AuthorizationObservation) -> [String] {
        var lines = observation.hops
        if case .page(_, let page) = observation.outcome {
            lines += page.references.map { "\($0.kind): \($0.host)" } + page.popups.map { "popup: \($0)" }
        }
        return lines
    }

    /// The certificates a server sent.
    static func lines(of observation: TLSObservation) -> [String] {
        switch observation.outcome {
        case .success(let facts): facts.sent.map { "\(observation.endpoint) sent \(ServerText.quote($0))" }
        case .failure(let failure): [failure.message]
        }
    }

    /// The pasted redirect, without its code or token.
    static func lines(of link: LinkObservation) -> [String] {
        guard let landed = link.landedOn else { return [link.pastedSomething ? "pasted: not a URL" : "nothing was pasted"] }
        let names = (Array(link.query.keys).map { "?\($0)" } + Array(link.fragment.keys).map { "#\($0)" }).sorted()
        return ["landed on \(ServerText.quote(landed))", "parameters: " + names.joined(separator: ", ")]
    }
}
