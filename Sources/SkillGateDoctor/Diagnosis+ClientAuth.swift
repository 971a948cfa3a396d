/// What a call showed about one client authentication method.
enum MethodOutcome: Equatable {
    /// The server issued tokens.
    case accepted
    /// The server refused the client (with what it said).
    case rejected(String)
    /// The call says nothing about the method (why).
    case undetermined(String)

    /// `accepted`, `rejected (401 invalid_client)`, `not determined (…)`.
    var phrase: String {
        switch self {
        case .accepted: "accepted"
        case .rejected(let said): "rejected (\(said))"
        case .undetermined(let why): "not determined (\(why))"
        }
    }
}

extension Diagnosis {
    /// 8: which methods work for the code exchange. Only one can be tried for real, as the code is single-use.
    func clientAuthCodeCheck() -> CheckResult {
        guard startedFromCode else {
            return noCode(.clientAuthCode)
        }
        guard !observations.codeCalls.isEmpty else { return notTested(.clientAuthCode, "no code exchange was made") }
        return methodsVerdict(.clientAuthCode, Self.outcomes(of: observations.codeCalls), for: "the code exchange")
    }

    /// 8: which methods work for refresh (both are tried).
    func clientAuthRefreshCheck() -> CheckResult {
        guard !observations.refreshCalls.isEmpty else { return notTested(.clientAuthRefresh, whyNoRefresh) }
        return methodsVerdict(.clientAuthRefresh, refreshOutcomes, for: "refresh")
    }

    /// 8: a method that works for the code exchange also works for refresh; otherwise linking works and every
    /// refresh fails.
    func clientAuthConsistencyCheck() -> CheckResult {
        guard startedFromCode else {
            return noCode(.clientAuthConsistency)
        }
        let code = Self.outcomes(of: observations.codeCalls)
        let refresh = refreshOutcomes
        for method in ClientAuthMethod.allCases where code[method] == .accepted {
            if case .rejected(let said) = refresh[method] {
                return CheckResult(
                    .clientAuthConsistency, .fail,
                    "The code exchange accepts \(method.label) but refresh rejects that method (\(said)): "
                        + "linking succeeds, then every refresh fails and users must link again when the first "
                        + "access token expires.",
                    fix: "Accept the same client authentication for both grants, and set the skill's Client "
                        + "Authentication Scheme to one that works for both.")
            }
        }
        let both = ClientAuthMethod.allCases.filter { code[$0] == .accepted && refresh[$0] == .accepted }
        guard let method = both.first else {
            return notTested(.clientAuthConsistency, "no method was seen working for both grants")
        }
        return CheckResult(
            .clientAuthConsistency, .pass,
            "\(method.label) works for both the code exchange and refresh: set the skill's Client "
                + "Authentication Scheme to \"\(method.consoleSetting)\".")
    }

    /// What the refresh calls (step 3, and step 5) showed for each method.
    var refreshOutcomes: [ClientAuthMethod: MethodOutcome] {
        Self.outcomes(of: observations.refreshCalls + [observations.otherMethodCall].compactMap { $0 })
    }

    /// What calls showed for each method (the first call per method counts). A failure other than a client
    /// rejection counts as a rejection only when the other method was accepted.
    static func outcomes(of calls: [TokenCall]) -> [ClientAuthMethod: MethodOutcome] {
        let accepted = Set(calls.filter { $0.issuedTokens }.map(\.method))
        var outcomes: [ClientAuthMethod: MethodOutcome] = [:]
        for call in calls where outcomes[call.method] == nil {
            guard let answer = call.answer else {
                outcomes[call.method] = .undetermined("no answer")
                continue
            }
            switch answer.kind {
            case .tokens:
                outcomes[call.method] = .accepted
            case .clientRejected:
                outcomes[call.method] = .rejected(answer.summary)
            case .grantRejected:
                outcomes[call.method] = .undetermined("\(answer.summary): the grant itself was refused")
            case .otherFailure:
                outcomes[call.method] =
                    accepted.contains(call.method.other)
                    ? .rejected(answer.summary) : .undetermined(answer.summary)
            }
        }
        return outcomes
    }

    /// PASS when every tested method works, WARN when only one does, FAIL when none does.
    private func methodsVerdict(
        _ id: CheckID, _ outcomes: [ClientAuthMethod: MethodOutcome], for grant: String
    ) -> CheckResult {
        let untested = grant == "the code exchange" ? "not tested (the code is single-use)" : "not tested"
        let line = ClientAuthMethod.allCases.map { "\($0.label): \(outcomes[$0]?.phrase ?? untested)" }
            .joined(separator: "; ")
        let accepted = ClientAuthMethod.allCases.filter { outcomes[$0] == .accepted }
        let rejected = ClientAuthMethod.allCases.filter {
            if case .rejected = outcomes[$0] { true } else { false }
        }
        switch (accepted.first, rejected.first) {
        case (.some(let works), .some):
            let rfc = works == .body ? " RFC 6749 §2.3.1 says servers MUST support HTTP Basic." : ""
            return CheckResult(
                id, .warn, "Only one method works for \(grant): \(line).",
                fix: "Set the skill's Client Authentication Scheme to \"\(works.consoleSetting)\", or accept both "
                    + "methods.\(rfc)")
        case (.some, nil):
            return CheckResult(id, .pass, line + ".")
        case (nil, .some):
            return CheckResult(
                id, .fail, "No client authentication method works for \(grant) (\(line)).",
                fix: "Check the client ID and secret, and accept HTTP Basic (RFC 6749 §2.3.1) for \(grant).")
        case (nil, nil):
            if let failure = observations.networkFailure {
                return CheckResult(id, .info, "Not determined: the run stopped because it \(failure.message).")
            }
            return CheckResult(id, .info, "Not determined: \(line).")
        }
    }
}
