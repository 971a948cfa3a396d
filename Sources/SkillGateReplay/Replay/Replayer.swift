package import SkillGateModel

/// Replays files against a skill: sends each request, prints the transcript, checks the
/// expectations and, with `--update`, writes new ones.
package final class Replayer {
    /// What the command line asked for.
    package let options: ReplaySettings
    /// How requests reach the skill.
    package let transport: any SkillTransport
    /// Where the transcript goes.
    package let transcript: Transcript
    /// The counts so far.
    package var tally = ReplayTally()
    private var builder: RequestBuilder?

    /// Creates a replayer.
    /// - Parameters:
    ///   - options: the parsed command line.
    ///   - transport: a started transport.
    ///   - output: where the transcript and messages go.
    package init(options: ReplaySettings, transport: any SkillTransport, output: ReplayOutput = .standard) {
        self.options = options
        self.transport = transport
        transcript = Transcript(quiet: options.quiet, output: output)
    }

    /// Replays one file; a file that cannot be used is reported and counted, and the run goes on.
    /// - Parameter path: a request file or a conversation.
    /// - Throws: ``CLIError`` when the skill cannot be reached: the run stops.
    package func replay(file path: String) async throws(CLIError) {
        tally.files += 1
        do throws(CLIError) {
            let json = try FileSystem.readJSON(path)
            if json["conversation"] != nil || json["turns"] != nil {
                try await replay(ConversationDocument(path: path, json: json))
            } else if json["envelope"] != nil || json["request"]?["type"] != nil {
                try await replay(RequestDocument(path: path, json: json))
            } else {
                throw CLIError.io(
                    "\(path) is not a replay file: expected a request envelope, {\"envelope\": ..., \"expect\": ...} or {\"conversation\": ..., \"turns\": [...]}"
                )
            }
        } catch {
            guard error.kind == .io else { throw error }
            tally.badFiles += 1
            transcript.output.error("skillgate replay: \(error.message)")
        }
    }

    /// Sends one envelope and parses the answer.
    /// - Parameter envelope: the request envelope.
    /// - Returns: the answer.
    /// - Throws: ``CLIError`` (a transport error) when the skill is unreachable or answers with something that is not JSON.
    package func exchange(_ envelope: JSONValue) async throws(CLIError) -> SkillAnswer {
        let (status, bytes) = try await transport.send(envelope.jsonBytes)
        guard let body = try? JSONParser.parse(bytes) else {
            let preview = String(decoding: bytes.prefix(200), as: UTF8.self)
            throw .transport("the skill's answer is not JSON (\(transport.target)): \(preview)")
        }
        return SkillAnswer(status: status, body: body)
    }

    /// The request builder for conversations, made on first use.
    package func requestBuilder() throws(CLIError) -> RequestBuilder {
        if let builder { return builder }
        let made = RequestBuilder(
            templatesDirectory: try TemplateLocator.locate(explicit: options.templates, environment: options.environment))
        builder = made
        return made
    }

    /// Counts a checked turn and prints it.
    package func record(
        _ label: Transcript.TurnLabel, source: String, answer: SkillAnswer, mismatches: [Mismatch], checks: Int, note: String? = nil
    ) {
        tally.requests += 1
        if checks == 0 {
            tally.unchecked += 1
        } else if mismatches.isEmpty || options.update {
            tally.passed += 1
        } else {
            tally.failed += 1
            tally.failures.append("\(source) turn \(label.number)")
        }
        transcript.turn(label, answer: answer, mismatches: options.update ? [] : mismatches, checks: checks, note: note)
    }

    private func replay(_ document: RequestDocument) async throws(CLIError) {
        transcript.file("\(document.path)\(document.isWrapped ? "" : " (envelope)")")
        let envelope = options.refreshTimestamps ? document.refreshedEnvelope() : document.envelope
        let answer = try await exchange(envelope)
        var mismatches = document.inline?.mismatches(for: answer) ?? []
        var checks = document.inline?.checkCount ?? 0
        if let sidecar = document.sidecar {
            if let rejection = answer.rejection, sidecar["error"] == nil {
                mismatches.append(
                    Mismatch(
                        field: "rejected", expected: "a response (\(document.sidecarPath))",
                        actual: "rejected: \(rejection.code): \(rejection.message)"))
            } else {
                mismatches += SubsetMatcher.mismatches(expected: sidecar, actual: answer.body, path: "$")
            }
            checks += 1
        }
        var note: String?
        if options.update {
            let attributes = document.envelope["session"]?["attributes"]?.objectValue ?? [:]
            if document.isWrapped {
                let updated = ExpectationWriter.setting(
                    document.json, "expect", to: ExpectationWriter.inline(for: answer, previousAttributes: attributes))
                try FileSystem.write(PrettyJSON.render(updated), to: document.path)
            }
            if !document.isWrapped || document.sidecar != nil {
                try FileSystem.write(PrettyJSON.render(answer.body), to: document.sidecarPath)
            }
            tally.updated += 1
            note = mismatches.isEmpty && checks > 0 ? "expectations unchanged (rewritten)" : "expectations updated"
            checks = max(checks, 1)
            mismatches = []
        }
        let label = Transcript.TurnLabel(number: 1, envelope: envelope, opensSession: false)
        record(label, source: document.path, answer: answer, mismatches: mismatches, checks: checks, note: note)
    }
}
