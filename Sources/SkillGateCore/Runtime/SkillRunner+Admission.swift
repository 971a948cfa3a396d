/// A request body after the runner's checks that need no handler (it decodes, it is for this skill,
/// its timestamp is recent), before anything else is spent on it.
package enum RequestAdmission: Sendable {
    /// The request passed; hand it to ``SkillRunner/handle(admitted:)``.
    case admitted(RequestEnvelope)
    /// The request is refused, with the rejection ready to send (HTTP 400).
    case rejected(SkillResult)
}

extension SkillRunner {
    /// Decodes a body and runs the request checks (application ID, timestamp) without running any
    /// handler: an endpoint calls it before a signature check that may need a certificate download,
    /// so a request that fails a cheap check never costs one.
    /// - Parameter body: the UTF-8 JSON request envelope.
    /// - Returns: the envelope, or its rejection.
    package func admit(body: some Collection<UInt8>) -> RequestAdmission {
        let envelope: RequestEnvelope
        do throws(RequestDecodingError) {
            envelope = try RequestEnvelope(jsonBytes: body)
        } catch {
            return .rejected(reject(Self.malformed(error), summary: RequestSummary()))
        }
        if let problem = checks.check(envelope) {
            return .rejected(reject(problem, summary: RequestSummary(envelope: envelope)))
        }
        return .admitted(envelope)
    }

    /// Handles a request that ``admit(body:)`` let through (and the endpoint has verified): the
    /// checks are not run again, so time spent verifying cannot turn an admitted request away.
    /// The handler deadline starts now.
    /// - Parameter envelope: the admitted envelope.
    /// - Returns: the response.
    package func handle(admitted envelope: RequestEnvelope) async -> SkillResult {
        await run(checked: envelope, summary: RequestSummary(envelope: envelope))
    }
}
