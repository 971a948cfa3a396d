import SkillGateLogging
import SkillGateModel

/// Prints what `replay` sends and gets back, turn by turn, and the final tally, on stdout.
package struct Transcript {
    /// Whether to print only failing turns and the summary.
    package let quiet: Bool
    /// Where the text goes.
    package let output: ReplayOutput

    /// What a turn was, for its first line.
    package struct TurnLabel {
        /// The turn number in its file.
        let number: Int
        /// The sent envelope.
        let envelope: JSONValue
        /// Whether this turn opened a session in a conversation.
        let opensSession: Bool
        /// What the user said, for a `say` turn.
        var utterance: String?
    }

    /// The start of a file.
    /// - Parameter text: the file and what it is.
    package func file(_ text: String) {
        if !quiet { output.out("\n\(text)\n") }
    }

    /// One request and its answer, and whether the expectations held.
    /// - Parameters:
    ///   - label: what was sent.
    ///   - answer: what came back.
    ///   - mismatches: expectations that failed.
    ///   - checks: how many checks ran (0: the file has no expectations for this answer).
    ///   - note: a last line such as `expectations updated`.
    package func turn(_ label: TurnLabel, answer: SkillAnswer, mismatches: [Mismatch], checks: Int, note: String? = nil) {
        if quiet && mismatches.isEmpty && note == nil { return }
        var text = "  " + describe(label) + "\n"
        if let rejection = answer.rejection {
            text += "     rejected: \(rejection.code): \(rejection.message)\(answer.status.map { " (HTTP \($0))" } ?? "")\n"
        } else {
            text += "     speech: \(answer.speech ?? "(none)")\n"
            if let reprompt = answer.repromptSpeech { text += "     reprompt: \(reprompt)\n" }
            let session = answer.shouldEndSession.map { $0 ? "ended" : "open" } ?? "(shouldEndSession absent)"
            text += "     card: \(answer.cardType ?? "none") · session: \(session)\n"
            if !answer.sessionAttributes.isEmpty {
                text += "     attributes: \(JSONValue.object(answer.sessionAttributes).jsonString)\n"
            }
        }
        text += results(mismatches: mismatches, checks: checks, updating: note != nil)
        if let note { text += "     \(note)\n" }
        output.out(text)
    }

    /// A turn that could not be sent, reported as a failure.
    /// - Parameters:
    ///   - number: the turn number.
    ///   - what: the turn's action.
    ///   - problem: why it failed.
    package func failedTurn(number: Int, what: String, problem: String) {
        output.out("  \(number)  \(what)\n     FAIL: \(problem)\n")
    }

    /// A line about the file that is not a turn, printed even with `--quiet`.
    /// - Parameter text: the line.
    package func note(_ text: String) {
        output.out("     (\(text))\n")
    }

    /// The closing tally.
    /// - Parameter tally: the counts.
    package func summary(_ tally: ReplayTally) {
        var text =
            "\nreplay: \(tally.files) file\(tally.files == 1 ? "" : "s"), \(tally.requests) request\(tally.requests == 1 ? "" : "s"): "
        text += "\(tally.passed) passed, \(tally.failed) failed"
        if tally.unchecked > 0 { text += ", \(tally.unchecked) without expectations" }
        if tally.updatedTurns > 0 { text += ", \(tally.updatedTurns) updated" }
        if tally.updatedFiles > 0 {
            text += "; \(tally.dryRun ? "would update" : "updated") \(tally.updatedExpectations) expectation"
            text += "\(tally.updatedExpectations == 1 ? "" : "s") in \(tally.updatedFiles) file\(tally.updatedFiles == 1 ? "" : "s")"
            if tally.dryRun { text += " (--dry-run: nothing written)" }
        }
        if tally.badFiles > 0 { text += ", \(tally.badFiles) unreadable file\(tally.badFiles == 1 ? "" : "s")" }
        text += "\n"
        for failure in tally.failures { text += "FAILED \(failure)\n" }
        output.out(text)
    }

    private func results(mismatches: [Mismatch], checks: Int, updating: Bool) -> String {
        if checks == 0 { return "     (no expectations)\n" }
        if mismatches.isEmpty { return "     ok: \(checks) check\(checks == 1 ? "" : "s") passed\n" }
        let count = "\(mismatches.count) difference\(mismatches.count == 1 ? "" : "s")"
        var text = updating ? "     \(count), rewritten from the answer:\n" : "     FAIL: \(count)\n"
        for mismatch in mismatches {
            text += "       \(mismatch.field)\n         expected: \(mismatch.expected)\n         actual:   \(mismatch.actual)\n"
        }
        return text
    }

    private func describe(_ label: TurnLabel) -> String {
        let request = label.envelope["request"]
        var text = "\(label.number)  " + (label.utterance.map { "say \"\($0)\" → " } ?? "")
        text += request?["type"]?.stringValue ?? "(no request type)"
        if let intent = request?["intent"]?["name"]?.stringValue {
            text += " " + intent
            let slots = (request?["intent"]?["slots"]?.objectValue ?? [:]).compactMap { member -> String? in
                guard let value = member.value["value"]?.stringValue else { return nil }
                let match = member.value["resolutions"]?["resolutionsPerAuthority"]?[0]
                let id = match?["status"]?["code"] == "ER_SUCCESS_MATCH" ? match?["values"]?[0]?["value"]?["id"]?.stringValue : nil
                return "\(member.key)=\(value)" + (id.map { $0 == value ? "" : " (\($0))" } ?? "")
            }
            if !slots.isEmpty { text += " {" + slots.joined(separator: ", ") + "}" }
        }
        if let state = request?["dialogState"]?.stringValue { text += " · dialog \(state)" }
        if let reason = request?["reason"]?.stringValue { text += " " + reason }
        let token =
            label.envelope["context"]?["System"]?["user"]?["accessToken"]?.stringValue
            ?? label.envelope["session"]?["user"]?["accessToken"]?.stringValue
        text += token.map { " · linked \(redacted($0))" } ?? " · unlinked"
        if let person = label.envelope["context"]?["System"]?["person"] {
            text += " · person" + (person["accessToken"]?.stringValue.map { " linked \(redacted($0))" } ?? "")
        }
        if label.opensSession { text += " · new session" }
        return text
    }
}
