/// The checks that need no cryptography: the request is for this skill, and it is recent.
struct RequestChecks: Sendable {
    /// The accepted skill IDs; empty turns the check off.
    let applicationIDs: [String]
    let options: RunnerOptions

    func check(_ envelope: RequestEnvelope) -> SkillError? {
        if !applicationIDs.isEmpty {
            guard let id = envelope.applicationId else {
                return SkillError(.applicationIdMismatch, "the request names no applicationId (context.System.application.applicationId)")
            }
            guard applicationIDs.contains(id) else {
                return SkillError(
                    .applicationIdMismatch,
                    "the request is for skill \(id), not this one; pass --skill-id or set SKILL_ID if this skill should answer it")
            }
        }
        guard options.checksTimestamp else { return nil }
        guard let timestamp = envelope.request.header.timestamp else {
            return SkillError(.timestampOutOfRange, "request.timestamp is missing")
        }
        let tolerance = envelope.request.isSkillEvent ? options.skillEventTimestampToleranceSeconds : options.timestampToleranceSeconds
        let distanceMilliseconds = options.now().millisecondsSince1970 - timestamp.millisecondsSince1970
        guard abs(distanceMilliseconds) <= tolerance * 1000 else {
            let seconds = distanceMilliseconds / 1000
            let direction = distanceMilliseconds > 0 ? "\(seconds) s old" : "\(-seconds) s in the future"
            return SkillError(
                .timestampOutOfRange,
                "request.timestamp \(timestamp) is \(direction); at most \(tolerance) s is allowed (replay protection)")
        }
        return nil
    }
}
