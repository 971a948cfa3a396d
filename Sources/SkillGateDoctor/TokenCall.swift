/// One answered token-endpoint call: the HTTP answer and its body, read leniently.
struct TokenAnswer: Sendable {
    /// How a token answer is classified.
    enum Kind: Sendable, Equatable {
        /// 200 with an access token.
        case tokens
        /// 401 or `invalid_client`: the client authentication was rejected.
        case clientRejected
        /// `invalid_grant`: the code or refresh token was rejected (the client was accepted).
        case grantRejected
        /// Anything else.
        case otherFailure
    }

    /// The HTTP answer.
    let http: HTTPAnswer
    /// The body.
    let body: TokenBody

    /// How the answer is classified.
    var kind: Kind {
        if http.status == 200, let token = body.accessToken, !token.isEmpty { return .tokens }
        if body.error == "invalid_grant" { return .grantRejected }
        if http.status == 401 || body.error == "invalid_client" { return .clientRejected }
        return .otherFailure
    }

    /// `400 invalid_grant ("…")`, `302 to https://…`, or `500 (text/html)`: what the server said.
    var summary: String {
        var text = "\(http.status)"
        if let error = body.error {
            text += " \(error)"
            if let description = body.errorDescription { text += " (\"\(ServerText.quote(description))\")" }
        } else if (300..<400).contains(http.status), let location = http.location {
            text += " redirecting to \(ServerText.quote(location))"
        } else if http.status != 200 {
            text += " (\(http.mediaType ?? "no Content-Type"), \(body.encoding == .empty ? "empty body" : "no error code"))"
        }
        return text
    }
}

/// One token-endpoint call the run made: why, how the client authenticated, and what came back.
struct TokenCall: Sendable {
    /// Why the call was made.
    enum Purpose: String, Sendable {
        /// Step 1: the authorization-code exchange.
        case codeExchange = "the code exchange"
        /// Step 3: the first refresh.
        case refresh = "the refresh"
        /// Step 4: the old refresh token again.
        case reuse = "the reuse of the old refresh token"
        /// Step 5: a refresh with the other client authentication method.
        case otherMethod = "the refresh with the other client authentication"
        /// Step 7: a made-up refresh token.
        case invalidGrantProbe = "the refresh with an invalid refresh token"
        /// Step 8: a wrong client secret.
        case wrongClientProbe = "the refresh with a wrong client secret"
    }

    /// Why the call was made.
    let purpose: Purpose
    /// How the client authenticated.
    let method: ClientAuthMethod
    /// The answer, or why there was none.
    let outcome: Result<TokenAnswer, NetworkFailure>

    /// The answer, if there was one.
    var answer: TokenAnswer? { try? outcome.get() }

    /// The network failure, if there was no answer.
    var failure: NetworkFailure? {
        if case .failure(let failure) = outcome { failure } else { nil }
    }

    /// Whether the call returned tokens.
    var issuedTokens: Bool { answer?.kind == .tokens }
}

/// One probe of the resource endpoint: the answer's status, or why there was none.
typealias ProbeCall = Result<HTTPAnswer, NetworkFailure>
