public import SkillGateHTTP
public import SkillGateCore
public import SkillGateVerification

/// The HTTP face of a skill: `POST <path>` runs it, `GET /health` answers 200, everything else
/// gets a JSON error. Verification failures and rejected requests are 400; skill answers are
/// always 200 (any other status makes Alexa report a broken skill).
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
        if request.path == "/health" && request.path != path {
            guard request.method == "GET" || request.method == "HEAD" else { return methodNotAllowed("GET, HEAD") }
            return .json(status: 200, Self.healthBody)
        }
        guard request.path == path else {
            return .error(status: 404, message: "no skill at \(request.path); POST Alexa requests to \(path)")
        }
        guard request.method == "POST" else { return methodNotAllowed("POST") }
        if let verifier {
            do {
                try await verifier.verify(body: request.body, header: { request.headers[$0] })
            } catch {
                logger.warning("request verification failed: \(error.reason)", metadata: ["remote": request.remoteAddress])
                let body = SkillError(.verificationFailed, error.reason, underlying: error).jsonBytes
                return HTTPResponse.json(status: 400, body).withLogFields([("verification", "failed")])
            }
        }
        let result = await runner.handle(body: request.body)
        guard let error = result.error else {
            return HTTPResponse.json(status: 200, result.body).withLogFields(result.summary.logFields)
        }
        return HTTPResponse.json(status: 400, result.body).withLogFields(result.summary.logFields + [("error", error.code.name)])
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
