/// Everything a run saw, step by step; ``Diagnosis`` turns it into verdicts.
struct Observations: Sendable {
    /// Step 1: the code exchange (the primary method, then the other if it was rejected).
    var codeCalls: [TokenCall] = []
    /// Step 3: the first refresh (the primary method, then the other if it was rejected).
    var refreshCalls: [TokenCall] = []
    /// Step 4: the old refresh token again.
    var reuseCall: TokenCall?
    /// Step 5: a refresh with the other method after the primary one worked.
    var otherMethodCall: TokenCall?
    /// Step 7: a made-up refresh token.
    var invalidGrantCall: TokenCall?
    /// Step 8: a wrong client secret.
    var wrongClientCall: TokenCall?
    /// Whether step 8 sent a refresh token the server had issued (so only the client was wrong).
    var wrongClientUsedValidToken = false
    /// Whether the first refresh returned a different refresh token; nil when no refresh succeeded.
    var rotated: Bool?
    /// Step 2: the probe with the first access token.
    var freshProbe: ProbeCall?
    /// Step 6: the probe with that same (now old) access token after a refresh.
    var oldProbe: ProbeCall?
    /// Whether a refresh succeeded after the probed access token was issued.
    var refreshedSinceProbeToken = false
    /// The network failure that stopped the run, if one did.
    var networkFailure: NetworkFailure?
    /// The TLS of each HTTPS server among the skill's URLs.
    var tls: [TLSObservation] = []
    /// The authorization request, when there was an authorization URL.
    var authorization: AuthorizationObservation?
    /// The walkthrough's pasted redirect, in `doctor link`.
    var link: LinkObservation?

    /// Every token call, in the order made.
    var allTokenCalls: [TokenCall] {
        codeCalls + refreshCalls + [reuseCall, otherMethodCall, invalidGrantCall, wrongClientCall].compactMap { $0 }
    }

    /// The calls Alexa itself would make (code exchange and refreshes), in order.
    var alexaCalls: [TokenCall] {
        codeCalls + refreshCalls + [reuseCall, otherMethodCall].compactMap { $0 }
    }

    /// Status-200 answers to the calls Alexa would make: the token responses whose shape is checked.
    var tokenResponses: [(purpose: TokenCall.Purpose, answer: TokenAnswer)] {
        alexaCalls.compactMap { call in
            guard let answer = call.answer, answer.http.status == 200 else { return nil }
            return (call.purpose, answer)
        }
    }

    /// The successful code exchange's answer, if any.
    var codeTokens: TokenAnswer? { codeCalls.first { $0.issuedTokens }?.answer }

    /// The successful first refresh, if any.
    var successfulRefresh: TokenCall? { refreshCalls.first { $0.issuedTokens } }
}
