/// Turns what a run observed into one ``CheckResult`` per ``CheckID``, in order.
struct Diagnosis {
    /// What was checked.
    let options: DoctorOptions
    /// What the run saw.
    let observations: Observations

    /// Every check, in ``CheckID`` order, each with its evidence.
    func checks() -> [CheckResult] {
        CheckID.allCases.map { check($0).with(evidence: evidence(for: $0)) }
    }

    /// One check.
    private func check(_ id: CheckID) -> CheckResult {
        switch id {
        case .skillPackage: skillPackageCheck()
        case .defaultTokenExpiration: defaultTokenExpirationCheck()
        case .domainList: domainListCheck()
        case .scopeList: scopeListCheck()
        case .clientSecretSource: clientSecretSourceCheck()
        case .authorizationURLHTTPS: authorizationURLCheck()
        case .tokenURLHTTPS: tokenURLCheck()
        case .probeURLHTTPS: probeURLCheck()
        case .tlsChain: tlsChainCheck()
        case .tlsTrust: tlsTrustCheck()
        case .tlsExpiry: tlsExpiryCheck()
        case .tlsHostname: tlsHostnameCheck()
        case .tlsIssuer: tlsIssuerCheck()
        case .authorizationPage: authorizationPageCheck()
        case .authorizationDomains: authorizationDomainsCheck()
        case .authorizationPopups: authorizationPopupsCheck()
        case .pkce: pkceCheck()
        case .linkRedirect: linkRedirectCheck()
        case .linkState: linkStateCheck()
        case .linkCredential: linkCredentialCheck()
        case .codeLength: codeLengthCheck()
        case .codeExchange: codeExchangeCheck()
        case .responseFormat: responseFormatCheck()
        case .tokenFields: tokenFieldsCheck()
        case .refreshTokenIssued: refreshTokenIssuedCheck()
        case .expiresIn: expiresInCheck()
        case .refreshTokenLifetime: refreshTokenLifetimeCheck()
        case .answerTime: answerTimeCheck()
        case .refresh: refreshCheck()
        case .refreshTokenReuse: refreshTokenReuseCheck()
        case .oldAccessToken: oldAccessTokenCheck()
        case .clientAuthCode: clientAuthCodeCheck()
        case .clientAuthRefresh: clientAuthRefreshCheck()
        case .clientAuthConsistency: clientAuthConsistencyCheck()
        case .clientAuthScheme: clientAuthSchemeCheck()
        case .invalidGrant: invalidGrantCheck()
        case .invalidClient: invalidClientCheck()
        case .errorFormat: errorFormatCheck()
        case .serverErrors: serverErrorsCheck()
        }
    }

    /// Whether the run started from an authorization code.
    var startedFromCode: Bool {
        if case .authorizationCode = options.grant { true } else { false }
    }

    /// INFO for a code-exchange check when there was no code: why.
    func noCode(_ id: CheckID) -> CheckResult {
        switch options.grant {
        case .refreshToken: CheckResult(id, .info, "Not tested: the run started from --refresh-token.")
        default: notTested(id, whyNoRefresh)
        }
    }

    /// INFO for a check with nothing to look at. When a network failure stopped the run, that is the reason.
    /// - Parameters:
    ///   - id: the check.
    ///   - why: why there was nothing to look at, when the run was not stopped.
    func notTested(_ id: CheckID, _ why: String) -> CheckResult {
        if let failure = observations.networkFailure {
            return CheckResult(id, .info, "Not tested: the run stopped because it \(failure.message).")
        }
        return CheckResult(id, .info, "Not tested: \(why).")
    }

    /// ERROR for a check whose own call got no answer: not a verdict on the server.
    /// - Parameters:
    ///   - id: the check.
    ///   - failure: what went wrong.
    ///   - what: what was being called.
    func unreachable(_ id: CheckID, _ failure: NetworkFailure, calling what: String) -> CheckResult {
        CheckResult(
            id, .error, "Could not reach \(failure.endpoint) for \(what): \(failure.reason).",
            fix: "Check the URL, that the server is running, and that it is reachable (DNS, firewall, TLS "
                + "certificate); this is not a verdict on its OAuth behaviour.")
    }

    /// Why no refresh was tried, for the refresh-related checks.
    var whyNoRefresh: String {
        if options.linkingType == .implicit { return "the skill uses the implicit grant (no token endpoint)" }
        if options.grant == .notGiven { return "no --code, --refresh-token or walkthrough code was given" }
        if startedFromCode, observations.codeTokens == nil { return "the code exchange did not return tokens" }
        if startedFromCode { return "the code exchange returned no refresh token (see refresh-token-issued)" }
        return "no refresh was made"
    }

    /// `300` or `299.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(value)
    }
}
