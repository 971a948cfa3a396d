import SkillGateModel

/// Replays files against a skill: sends each request, prints the transcript, checks the
/// expectations and, with `--update`, rewrites the ones that fail.
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
    private var resolvers: [String: UtteranceResolver] = [:]

    /// Creates a replayer.
    /// - Parameters:
    ///   - options: the parsed command line.
    ///   - transport: a started transport.
    ///   - output: where the transcript and messages go.
    package init(options: ReplaySettings, transport: any SkillTransport, output: ReplayOutput = .standard) {
        self.options = options
        self.transport = transport
        transcript = Transcript(quiet: options.quiet, output: output)
        tally.dryRun = options.update && options.dryRun
    }

    /// Replays one file; a file that cannot be used is reported and counted, and the run goes on.
    /// The kind of file is told by its shape (see ``ReplayFileKind``).
    /// - Parameter path: a request file, a conversation, or an ASK CLI replay file or recording.
    /// - Throws: ``CLIError`` when the skill cannot be reached: the run stops.
    package func replay(file path: String) async throws(CLIError) {
        tally.files += 1
        do throws(CLIError) {
            let file = try ReplayFile(reading: path)
            switch ReplayFileKind(file.json) {
            case .conversation: try await replay(ConversationDocument(file))
            case .request: try await replay(RequestDocument(file))
            case .askReplay: try await replay(AskReplayDocument(file))
            case .skillIO: try await replay(SkillIODocument(file))
            case nil: throw CLIError.io("\(path) is not a replay file: expected \(ReplayFileKind.shapes)")
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
    func exchange(_ envelope: JSONValue) async throws(CLIError) -> SkillAnswer {
        let (status, bytes) = try await transport.send(envelope.jsonBytes)
        guard let body = try? JSONParser.parse(bytes) else {
            let preview = String(decoding: bytes.prefix(200), as: UTF8.self)
            throw .transport("the skill's answer is not JSON (\(transport.target)): \(preview)")
        }
        return SkillAnswer(status: status, body: body)
    }

    /// The request builder for conversations, made on first use.
    func requestBuilder() throws(CLIError) -> RequestBuilder {
        if let builder { return builder }
        let made = RequestBuilder(
            templatesDirectory: try TemplateLocator.locate(explicit: options.templates, environment: options.environment))
        builder = made
        return made
    }

    /// The resolver for utterances in a file: `--model`, else the model beside or above it.
    /// - Parameters:
    ///   - path: the replayed file.
    ///   - locale: the request locale.
    ///   - skillID: the skill ID of its requests.
    ///   - purpose: what needs it, for the message when there is none.
    /// - Throws: ``CLIError`` `.io` when no model is found or it cannot be read.
    func resolver(near path: String, locale: String, skillID: String, purpose: String) throws(CLIError) -> UtteranceResolver {
        let model = try ModelLocator.find(explicit: options.model, from: FileSystem.directory(of: path), locale: locale, purpose: purpose)
        let key = model + "\n" + skillID
        if let cached = resolvers[key] { return cached }
        let made = UtteranceResolver(model: try InteractionModel(path: model), skillID: skillID)
        resolvers[key] = made
        return made
    }

    /// Counts a checked turn and prints it.
    /// - Parameters:
    ///   - label: what was sent.
    ///   - source: the file, for the failure list.
    ///   - answer: what came back.
    ///   - mismatches: the expectations that failed.
    ///   - checks: how many checks ran.
    ///   - updated: the expectations `--update` rewrote for this turn (nil or empty: none).
    func record(
        _ label: Transcript.TurnLabel, source: String, answer: SkillAnswer, mismatches: [Mismatch], checks: Int, updated: [String]? = nil
    ) {
        tally.requests += 1
        var note: String?
        if let updated, !updated.isEmpty {
            tally.updatedTurns += 1
            note = "\(options.dryRun ? "would update" : "updated"): \(updated.joined(separator: ", "))"
        } else if checks == 0 {
            tally.unchecked += 1
        } else if mismatches.isEmpty {
            tally.passed += 1
        } else {
            tally.failed += 1
            tally.failures.append("\(source) turn \(label.number)")
        }
        transcript.turn(label, answer: answer, mismatches: mismatches, checks: checks, note: note)
        transcript.output.progress(tally)
    }

    /// Counts and prints a turn that could not be sent.
    /// - Parameters:
    ///   - number: the turn number.
    ///   - source: the file.
    ///   - what: the turn's action.
    ///   - problem: why it failed.
    func failTurn(_ number: Int, source: String, what: String, problem: String) {
        tally.requests += 1
        tally.failed += 1
        tally.failures.append("\(source) turn \(number)")
        transcript.failedTurn(number: number, what: what, problem: problem)
        transcript.output.progress(tally)
    }
}
