import Foundation
import SkillGateLogging
import SkillGateHTTP

/// Runs the doctor's call sequence against the token endpoint and records what it saw.
///
/// First, without spending anything: the TLS of each HTTPS server among the skill's URLs, and (with an
/// authorization URL) the authorization request Alexa would send, following redirects to the login page.
///
/// The token sequence, kept short because an authorization code is single-use and refreshes may rotate tokens
/// (at most 7 token calls and 2 probe calls; each call has the request timeout and is timed):
/// Each step uses the skill's Client Authentication Scheme first when it is known, HTTP Basic otherwise
/// (called the primary method below; the other method is the fallback).
/// 1. **Code exchange** (with `--code`, plus `code_verifier` with PKCE) using the primary method. If that is
///    rejected for any reason but `invalid_grant`, the same code once more with the other method: a rejected exchange does not consume a code on
///    servers that follow RFC 6749. Whichever method the first success did not use is "not tested".
/// 2. **Probe** (with `--probe`): GET the resource with the new access token, to learn that the probe accepts it.
///    From `--refresh-token`, this happens right after step 3, with the access token step 3 returned.
/// 3. **Refresh** with the refresh token (from step 1, or `--refresh-token`) using the primary method; if the
///    client is rejected, the same refresh with the other method. The newest refresh token is tracked from here on.
/// 4. **Reuse**: the same OLD refresh token again at once, with the method that worked. A server that rotates
///    refresh tokens must give the old one a grace period, or Alexa's retries fail.
/// 5. **Other method**: if the primary method worked in step 3, a refresh with the other method and the
///    newest refresh token.
/// 6. **Old access token** (with `--probe`): the access token probed in step 2 again, now that a refresh happened.
/// 7. **Invalid grant**: a made-up refresh token, with a working method: expect 400 `invalid_grant`.
/// 8. **Wrong client**: the newest refresh token with a wrong client secret: expect `invalid_client`.
///
/// The first network failure of a token call stops the sequence (its check is an ERROR, later ones are not
/// tested); a probe's network failure does not.
struct DoctorRun {
    /// What to check.
    let options: DoctorOptions
    /// Sends the requests.
    let client: DoctorHTTPClient
    /// Receives a line per call (never a secret).
    let logger: Logger
    /// What the run saw.
    var observations = Observations()
    /// Every secret the run handled (the code, tokens), so the report can be scrubbed of them.
    private(set) var secrets: [String] = []
    /// The newest refresh token the server issued (or the given one once it has worked).
    private var newestRefreshToken: String?
    /// The access token probed in step 2.
    private var probeToken: String?
    /// The authorization request to send, when there is an authorization URL.
    let authorizationRequest: AuthorizationRequest?

    /// The method tried first: the skill's scheme when known, else HTTP Basic.
    private var primary: ClientAuthMethod { options.accessTokenScheme?.method ?? .basic }

    /// Creates a run.
    init(options: DoctorOptions, client: DoctorHTTPClient, logger: Logger, authorizationRequest: AuthorizationRequest?) {
        self.options = options
        self.client = client
        self.logger = logger
        self.authorizationRequest = authorizationRequest
        remember(options.clientSecret)
        remember(options.codeVerifier)
    }

    /// Makes the calls of the sequence above.
    mutating func perform() async {
        await inspectTLS()
        if let authorizationRequest { await requestAuthorization(authorizationRequest) }
        switch options.grant {
        case .authorizationCode(let code, let redirectURI):
            remember(code)
            var grant = TokenRequest.codeGrant(code: code, redirectURI: redirectURI)
            if let verifier = options.codeVerifier { grant.append(("code_verifier", verifier)) }
            await exchangeCode(grant)
            if let tokens = observations.codeTokens {
                await probeFresh(with: tokens.body.accessToken)
                if let refreshToken = tokens.body.refreshToken, !refreshToken.isEmpty {
                    await refreshSequence(from: refreshToken)
                }
            }
        case .refreshToken(let refreshToken):
            remember(refreshToken)
            await refreshSequence(from: refreshToken)
        case .notGiven:
            return
        }
        await probeOld()
        await errorProbes()
    }

    /// Step 1.
    private mutating func exchangeCode(_ grant: [(String, String)]) async {
        guard let first = await call(.codeExchange, primary, grant) else { return }
        observations.codeCalls.append(first)
        guard let answer = first.answer, answer.kind != .tokens, answer.kind != .grantRejected else { return }
        if let second = await call(.codeExchange, primary.other, grant) { observations.codeCalls.append(second) }
    }

    /// Steps 3 to 5 (and step 2 when the run started from a refresh token).
    private mutating func refreshSequence(from oldToken: String) async {
        guard let first = await call(.refresh, primary, TokenRequest.refreshGrant(oldToken)) else { return }
        observations.refreshCalls.append(first)
        if !first.issuedTokens, let answer = first.answer, answer.kind != .grantRejected,
            let second = await call(.refresh, primary.other, TokenRequest.refreshGrant(oldToken))
        {
            observations.refreshCalls.append(second)
        }
        guard let success = observations.successfulRefresh, let tokens = success.answer else { return }
        observations.rotated = tokens.body.refreshToken.map { !$0.isEmpty && $0 != oldToken } ?? false
        if case .refreshToken = options.grant { await probeFresh(with: tokens.body.accessToken) }
        observations.reuseCall = await call(.reuse, success.method, TokenRequest.refreshGrant(oldToken))
        if success.method == primary, let newest = newestRefreshToken {
            observations.otherMethodCall = await call(.otherMethod, primary.other, TokenRequest.refreshGrant(newest))
        }
    }

    /// Steps 7 and 8.
    private mutating func errorProbes() async {
        let method =
            observations.successfulRefresh?.method ?? observations.codeCalls.first { $0.issuedTokens }?.method
            ?? primary
        let madeUpToken = "skillgate-doctor-invalid-" + Self.randomHex()
        observations.invalidGrantCall = await call(
            .invalidGrantProbe, method, TokenRequest.refreshGrant(madeUpToken))
        observations.wrongClientUsedValidToken = newestRefreshToken != nil
        let token = newestRefreshToken ?? "skillgate-doctor-invalid-" + Self.randomHex()
        observations.wrongClientCall = await call(
            .wrongClientProbe, method, TokenRequest.refreshGrant(token),
            secret: "skillgate-doctor-wrong-secret-" + Self.randomHex())
    }

    /// Step 2: remembers the access token and checks that the probe accepts it.
    private mutating func probeFresh(with accessToken: String?) async {
        guard let url = options.probeURL, let accessToken, !accessToken.isEmpty else { return }
        probeToken = accessToken
        observations.freshProbe = await probe(url, accessToken)
    }

    /// Step 6: the same access token after a refresh.
    private mutating func probeOld() async {
        guard let url = options.probeURL, let token = probeToken, observations.refreshedSinceProbeToken,
            case .success(let fresh)? = observations.freshProbe, fresh.isSuccess
        else { return }
        observations.oldProbe = await probe(url, token)
    }

    /// One token call, unless the run has stopped. Records secrets, the newest refresh token and whether a
    /// refresh happened after the probed access token was issued.
    private mutating func call(
        _ purpose: TokenCall.Purpose,
        _ method: ClientAuthMethod,
        _ grant: [(String, String)],
        secret: String? = nil
    ) async -> TokenCall? {
        guard observations.networkFailure == nil else { return nil }
        let request = TokenRequest(
            grant: grant, clientID: options.clientID, clientSecret: secret ?? options.clientSecret, method: method)
        let (headers, body) = request.httpRequest()
        let outcome = await client.send("POST", options.tokenURL, headers: headers, body: body)
            .map { TokenAnswer(http: $0, body: TokenBody($0.body)) }
        switch outcome {
        case .failure(let failure):
            observations.networkFailure = failure
            logger.warning("token endpoint: \(purpose.rawValue) (\(method.label)): \(failure.message)")
        case .success(let answer):
            logger.debug(
                "token endpoint: \(purpose.rawValue) (\(method.label)) answered \(answer.http.status) "
                    + "in \(answer.http.elapsed.measured)")
            remember(answer.body.accessToken)
            remember(answer.body.refreshToken)
            if answer.kind == .tokens, purpose != .wrongClientProbe, purpose != .invalidGrantProbe {
                let used = grant.first { $0.0 == "refresh_token" }?.1
                if let issued = answer.body.refreshToken, !issued.isEmpty {
                    newestRefreshToken = issued
                } else if let used {
                    newestRefreshToken = used
                }
                if used != nil, let probeToken, answer.body.accessToken != probeToken {
                    observations.refreshedSinceProbeToken = true
                }
            }
        }
        return TokenCall(purpose: purpose, method: method, outcome: outcome)
    }

    /// A GET of the resource endpoint with the access token as a Bearer token (RFC 6750 §2.1).
    private func probe(_ url: URL, _ accessToken: String) async -> ProbeCall {
        let result = await client.send("GET", url, headers: ["Authorization": "Bearer \(accessToken)"])
        switch result {
        case .success(let answer): logger.debug("probe answered \(answer.status) in \(answer.elapsed.measured)")
        case .failure(let failure): logger.warning("probe: \(failure.message)")
        }
        return result
    }

    /// Adds a secret to the list the report is scrubbed of.
    private mutating func remember(_ secret: String?) {
        guard let secret, !secret.isEmpty, !secrets.contains(secret) else { return }
        secrets.append(secret)
    }

    /// 32 random hex digits.
    private static func randomHex() -> String {
        (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max)) }.joined()
    }
}
