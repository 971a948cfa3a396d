import SkillGateModel

extension Replayer {
    /// Replays a request file: the envelope (fresh timestamp and request ID with
    /// `--refresh-timestamps`), checked against its inline `expect` and its sidecar.
    ///
    /// `--update` rewrites what fails: the inline `expect` in its own style, the sidecar's
    /// differing members. A bare envelope without a sidecar gets one with the whole answer; a
    /// wrapped file with no expectations gets an inline `expect`.
    func replay(_ document: RequestDocument) async throws(CLIError) {
        transcript.file("\(document.file.path)\(document.isWrapped ? "" : " (envelope)")")
        let envelope = options.refreshTimestamps ? document.refreshedEnvelope() : document.envelope
        let answer = try await exchange(envelope)
        var mismatches = document.inline?.mismatches(for: answer) ?? []
        var checks = document.inline?.checkCount ?? 0
        if let sidecar = document.sidecar {
            mismatches += Self.sidecarMismatches(sidecar, answer: answer, path: document.sidecarPath)
            checks += 1
        }
        var updated: [String]?
        if options.update { updated = try update(document, answer: answer) }
        let label = Transcript.TurnLabel(number: 1, envelope: envelope, opensSession: false)
        record(label, source: document.file.path, answer: answer, mismatches: mismatches, checks: checks, updated: updated)
    }

    /// A sidecar's differences from an answer: a subset match, and a rejection where a response
    /// was expected is one difference.
    static func sidecarMismatches(_ sidecar: JSONValue, answer: SkillAnswer, path: String) -> [Mismatch] {
        if let rejection = answer.rejection, sidecar["error"] == nil {
            return [
                Mismatch(field: "rejected", expected: "a response (\(path))", actual: "rejected: \(rejection.code): \(rejection.message)")
            ]
        }
        return SubsetMatcher.mismatches(expected: sidecar, actual: answer.body, path: "$")
    }

    /// The sidecar `--update` keeps: unchanged when it holds, else only the differing members
    /// changed (the whole answer when it turned from a response into a rejection or back).
    static func updatedSidecar(_ sidecar: JSONValue, answer: SkillAnswer, path: String) -> JSONValue? {
        guard !sidecarMismatches(sidecar, answer: answer, path: path).isEmpty else { return nil }
        if (sidecar["error"] != nil) != (answer.rejection != nil) { return answer.body }
        return SubsetMatcher.corrected(sidecar, actual: answer.body)
    }

    /// Rewrites what fails in a request file and its sidecar; returns what changed.
    private func update(_ document: RequestDocument, answer: SkillAnswer) throws(CLIError) -> [String] {
        var changed: [String] = []
        let attributes = document.envelope["session"]?["attributes"]?.objectValue ?? [:]
        if document.isWrapped && (document.inline != nil || document.sidecar == nil),
            let update = ExpectationUpdater.updated(document.file.json["expect"], for: answer, previousAttributes: attributes)
        {
            try rewrite(document.file, setting: "expect", to: update.expect, changes: update.changed.count)
            changed += update.changed
        }
        if let sidecar = document.sidecar {
            if let corrected = Self.updatedSidecar(sidecar, answer: answer, path: document.sidecarPath) {
                try rewrite(document.sidecarPath, to: corrected, changes: 1)
                changed.append(FileSystem.name(of: document.sidecarPath))
            }
        } else if !document.isWrapped {
            try rewrite(document.sidecarPath, to: answer.body, changes: 1)
            changed.append(FileSystem.name(of: document.sidecarPath) + " (added)")
        }
        return changed
    }
}
