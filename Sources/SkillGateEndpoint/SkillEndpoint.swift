public import SkillGateHTTP
public import SkillGateCore
public import SkillGateVerification

/// The HTTP face of a skill: `POST <path>` runs it, `GET /health` answers 200, everything else
/// gets a JSON error. Verification failures and rejected requests are 400; a request whose signing
/// certificate could not be obtained (a network failure, the download limits, shutdown) is 503, as
/// the failure is this server's; skill answers are always 200 (any other status makes Alexa report a
/// broken skill). A request that is not verified never gets 200: the handler, its deadline and its
/// spoken apology come only after verification.
public struct SkillEndpoint: HTTPResponder {
    let runner: SkillRunner
    let path: String
    let verifier: AlexaRequestVerifier?
    let logger: Logger

    /// Creates an endpoint.
    /// - Parameters:
    ///   - runner: the skill.
    ///   - path: the skill's path, e.g. `/`.
    ///   - verifier: Alexa signature verification; nil turns it off.
    ///   - logger: where verification failures are logged.
    public init(runner: SkillRunner, path: String, verifier: AlexaRequestVerifier?, logger: Logger) {
        self.runner = runner
        self.path = path
        self.verifier = verifier
        self.logger = logger
    }

    private static let healthBody = Array(#"{"status":"ok"}"#.utf8)

    /// Answers one HTTP request.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch await screen(request) {
        case .answered(let response): return response
        case .unverified: return Self.answer(await runner.handle(body: request.body))
        case .verified(let envelope): return Self.answer(await runner.handle(admitted: envelope))
        }
    }

    /// Answers one HTTP request through `reply`: the skill runs in the server's task for the
    /// request, and past the runner's handler deadline the spoken apology is sent at once.
    public func respond(to request: HTTPRequest, reply: HTTPReply) async {
        switch await screen(request) {
        case .answered(let response): reply(response)
        case .unverified: await runner.handle(body: request.body) { reply(Self.answer($0)) }
        case .verified(let envelope): await runner.handle(admitted: envelope) { reply(Self.answer($0)) }
        }
    }

    /// What a request needs before the skill runs.
    private enum Screening {
        /// Answered without the skill: `/health`, other paths and methods, refusals.
        case answered(HTTPResponse)
        /// A `POST` to the skill with verification off: the runner decodes and checks it.
        case unverified
        /// A `POST` that passed the runner's checks and the signature check.
        case verified(RequestEnvelope)
    }

    /// Answers everything that does not reach the skill and verifies the rest. Every check that
    /// needs no certificate comes first (headers, then body, skill ID and timestamp), so a request
    /// that fails one never causes a download, and the handler (with its deadline and its spoken
    /// apology) runs only for a request whose signature verified.
    private func screen(_ request: HTTPRequest) async -> Screening {
        if request.path == "/health" && request.path != path {
            guard request.method == "GET" || request.method == "HEAD" else { return .answered(methodNotAllowed("GET, HEAD")) }
            return .answered(.json(status: 200, Self.healthBody))
        }
        guard request.path == path else {
            return .answered(.error(status: 404, message: "no skill at \(request.path); POST Alexa requests to \(path)"))
        }
        guard request.method == "POST" else { return .answered(methodNotAllowed("POST")) }
        guard let verifier else { return .unverified }
        let headers: CheckedSignatureHeaders
        do {
            headers = try verifier.checkHeaders(header: { request.headers[$0] })
        } catch {
            return .answered(refused(error, from: request))
        }
        let envelope: RequestEnvelope
        switch runner.admit(body: request.body) {
        case .rejected(let rejection): return .answered(Self.answer(rejection))
        case .admitted(let admitted): envelope = admitted
        }
        do {
            try await verifier.verify(body: request.body, checkedHeaders: headers)
        } catch {
            return .answered(refused(error, from: request))
        }
        return .verified(envelope)
    }

    /// Stops certificate downloads for a shutdown: requests waiting for one are answered 503 at once,
    /// so the server's drain never waits on a stuck download. Call it right after the server's
    /// `triggerGracefulShutdown()`, so those answers are sent as part of the drain.
    public func beginShutdown() {
        verifier?.shutDown()
    }

    /// The runner's answer: 200 with the response, or 400 with the rejection.
    private static func answer(_ result: SkillResult) -> HTTPResponse {
        guard let error = result.error else {
            return HTTPResponse.json(status: 200, result.body).withLogFields(result.summary.logFields)
        }
        return HTTPResponse.json(status: 400, result.body).withLogFields(result.summary.logFields + [("error", error.code.name)])
    }

    /// A verification failure: 400, or 503 when the certificate could not be obtained (a failure on
    /// this side: the request is refused, but not blamed), with a JSON error body.
    private func refused(_ error: VerificationError, from request: HTTPRequest) -> HTTPResponse {
        logger.warning(
            "request verification failed: \(error.reason)", metadata: ["remote": request.remoteAddress, "code": error.code.rawValue])
        let body = SkillError(.verificationFailed, error.reason, underlying: error).jsonBytes
        return HTTPResponse.json(status: error.httpStatus, body).withLogFields([
            ("verification", error.isTransient ? "unavailable" : "failed")
        ])
    }

    private func methodNotAllowed(_ allowed: String) -> HTTPResponse {
        var response = HTTPResponse.error(status: 405, message: "method not allowed here; use \(allowed)")
        response.headers.replaceOrAdd(name: "Allow", value: allowed)
        return response
    }
}

extension HTTPResponse {
    func withLogFields(_ fields: [(String, String)]) -> HTTPResponse {
        var copy = self
        copy.logFields = fields
        return copy
    }
}
