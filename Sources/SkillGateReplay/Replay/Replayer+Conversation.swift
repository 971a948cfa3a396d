import SkillGateModel

extension Replayer {
    /// The session a conversation is in, threaded like Alexa does it.
    private struct SessionState {
        var id = RequestSpec.newSessionID()
        var attributes = JSONObject()
        var isOpen = false
        /// The turn that ended the last session, for messages.
        var endedAt: Int?
    }

    /// Plays a conversation: one session with the same ID, `new` only on its first request,
    /// each request carrying the attributes of the previous answer. When the skill ends the
    /// session (or rejects a request), the next launch or intent turn starts a new session;
    /// a `sessionEnded` turn after that is a failure, because Alexa sends none then.
    /// Can-fulfill and account-linked turns happen outside the session and leave it alone.
    package func replay(_ document: ConversationDocument) async throws(CLIError) {
        let builder = try requestBuilder()
        var token = document.token
        transcript.file("\(document.path) (conversation, \(document.turns.count) turn\(document.turns.count == 1 ? "" : "s"))")
        var session = SessionState()
        var updatedTurns: [JSONValue] = document.json["turns"]?.arrayValue ?? []
        for (index, turn) in document.turns.enumerated() {
            let number = index + 1
            if let user = turn.user { token = user }
            var spec = RequestSpec(kind: .launch)
            spec.accessToken = token
            spec.locale = document.locale
            spec.skillID = document.skillID
            spec.userID = document.userID
            var opensSession = false
            var threadsSession = true
            switch turn.action {
            case .launch:
                spec.kind = .launch
            case .intent(let name, let slots):
                spec.kind = .intent(name)
                spec.slots = slots
            case .sessionEnded(let reason):
                spec.kind = .sessionEnded(reason: reason)
                guard session.isOpen else {
                    let when = session.endedAt.map { "the session already ended at turn \($0)" } ?? "no session is open"
                    failTurn(
                        number, document, what: "SessionEndedRequest \(reason)",
                        problem: "\(when); Alexa sends no SessionEndedRequest then, so this turn cannot happen")
                    continue
                }
            case .canFulfill(let name, let slots):
                spec.kind = .canFulfill(name)
                spec.slots = slots
                threadsSession = false
            case .accountLinked:
                spec.kind = .accountLinked
                threadsSession = false
                guard token != nil else {
                    throw .io(
                        "\(document.path) turn \(number): accountLinked needs a linked user; add \"user\": {\"token\": \"...\"} to the turn"
                    )
                }
            }
            if threadsSession {
                if !session.isOpen {
                    session = SessionState(isOpen: true)
                    opensSession = true
                }
                spec.sessionID = session.id
                spec.sessionNew = opensSession
                spec.sessionAttributes = session.attributes
            }
            let envelope = try builder.envelope(for: spec)
            let answer = try await exchange(envelope)
            if threadsSession {
                let previous = session.attributes
                session.attributes = answer.sessionAttributes
                if answer.endsSession || turn.action.isSessionEnd {
                    session.isOpen = false
                    session.endedAt = number
                }
                if options.update, index < updatedTurns.count {
                    updatedTurns[index] = ExpectationWriter.setting(
                        updatedTurns[index], "expect", to: ExpectationWriter.inline(for: answer, previousAttributes: previous))
                }
            } else if options.update, index < updatedTurns.count {
                updatedTurns[index] = ExpectationWriter.setting(
                    updatedTurns[index], "expect", to: ExpectationWriter.inline(for: answer, previousAttributes: [:]))
            }
            let label = Transcript.TurnLabel(number: number, envelope: envelope, opensSession: opensSession && index > 0)
            let mismatches = turn.expectation?.mismatches(for: answer) ?? []
            let checks = options.update ? 1 : turn.expectation?.checkCount ?? 0
            record(label, source: document.path, answer: answer, mismatches: mismatches, checks: checks)
        }
        if options.update {
            try FileSystem.write(
                PrettyJSON.render(ExpectationWriter.setting(document.json, "turns", to: .array(updatedTurns))), to: document.path)
            tally.updated += 1
        }
    }

    private func failTurn(_ number: Int, _ document: ConversationDocument, what: String, problem: String) {
        tally.requests += 1
        tally.failed += 1
        tally.failures.append("\(document.path) turn \(number)")
        transcript.failedTurn(number: number, what: what, problem: problem)
    }
}

extension ConversationDocument.Turn.Action {
    /// Whether this turn ends the session whatever the skill answers.
    package var isSessionEnd: Bool {
        if case .sessionEnded = self { return true }
        return false
    }
}
