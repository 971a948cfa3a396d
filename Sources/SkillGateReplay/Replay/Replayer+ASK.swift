import SkillGateModel

extension Replayer {
    /// Replays an `ask dialog --replay` file as a conversation of `say` turns. It holds no
    /// expectations, so `--update` leaves it alone.
    func replay(_ document: AskReplayDocument) async throws(CLIError) {
        try await replay(document.conversation, updating: false)
        if options.update { transcript.note("\(document.file.path) is an ask dialog --replay file: it holds no expectations to update") }
    }

    /// Replays an `ask dialog --save-skill-io` recording: each recorded request with a fresh
    /// timestamp and request ID, the recorded response its subset expectation. `--update`
    /// rewrites the members of a recorded response that differ, keeping its `{"body": ...}` wrapper.
    func replay(_ document: SkillIODocument) async throws(CLIError) {
        let count = document.invocations.count
        transcript.file("\(document.file.path) (ask dialog --save-skill-io recording, \(count) invocation\(count == 1 ? "" : "s"))")
        var invocationsJSON = document.file.json["invocations"]?.arrayValue ?? []
        var changes = 0
        for (index, invocation) in document.invocations.enumerated() {
            let envelope = RequestDocument.refreshed(invocation.request)
            let answer = try await exchange(envelope)
            let source = "\(document.file.path) invocation \(index + 1)"
            var mismatches: [Mismatch] = []
            var updated: [String]?
            if let expected = invocation.expectation {
                mismatches = Self.sidecarMismatches(expected, answer: answer, path: source)
                if options.update, let corrected = Self.updatedSidecar(expected, answer: answer, path: source) {
                    invocationsJSON[index] = Self.setting(response: corrected, of: invocation, in: invocationsJSON[index])
                    changes += 1
                    updated = ["response"]
                }
            }
            let label = Transcript.TurnLabel(number: index + 1, envelope: envelope, opensSession: false)
            record(
                label, source: document.file.path, answer: answer, mismatches: mismatches, checks: invocation.response == nil ? 0 : 1,
                updated: updated)
        }
        if options.update {
            try rewrite(
                document.file, setting: "invocations", to: .array(invocationsJSON), changes: changes)
        }
    }

    /// An invocation with its recorded response replaced, in the recording's own shape: inside
    /// `body` when it was wrapped, with members the comparison left out (`userAgent`) kept.
    private static func setting(response corrected: JSONValue, of invocation: SkillIODocument.Invocation, in json: JSONValue) -> JSONValue {
        var body = invocation.response?.objectValue ?? [:]
        for member in corrected.objectValue ?? [:] { body[member.key] = member.value }
        for key in body.keys where key != "userAgent" && corrected[key] == nil { body[key] = nil }
        if invocation.isWrapped {
            let wrapper = ExpectationWriter.setting(json["response"] ?? [:], "body", to: .object(body))
            return ExpectationWriter.setting(json, "response", to: wrapper)
        }
        return ExpectationWriter.setting(json, "response", to: .object(body))
    }
}
