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
    /// A `say` turn that the model does not understand fails, and the turns after it are not played.
    /// In a dialog, slots gathered so far are carried into the next turn (see ``DialogCarry``).
    /// - Parameters:
    ///   - document: the conversation.
    ///   - updating: whether `--update` may rewrite the file (not for ASK CLI replay files).
    func replay(_ document: ConversationDocument, updating: Bool = true) async throws(CLIError) {
        let builder = try requestBuilder()
        let what = updating ? "conversation" : "ask dialog --replay"
        transcript.file("\(document.file.path) (\(what), \(document.turns.count) turn\(document.turns.count == 1 ? "" : "s"))")
        var context = document.context
        var session = SessionState()
        var dialog: JSONValue?
        var turnsJSON = document.file.json["turns"]?.arrayValue ?? []
        var changes = 0
        for (index, turn) in document.turns.enumerated() {
            let number = index + 1
            context = turn.change.applied(to: context)
            guard let spec = try request(for: turn, number: number, in: document, context: context) else {
                if number < document.turns.count {
                    let rest = number + 1 == document.turns.count ? "turn \(number + 1)" : "turns \(number + 1)-\(document.turns.count)"
                    transcript.note("\(rest) not played: turn \(number) could not be sent")
                }
                break
            }
            var request = spec
            DialogCarry.apply(dialog, to: &request)
            let threadsSession = request.kind.threadsSession
            var opensSession = false
            if case .sessionEnded(let reason) = request.kind, !session.isOpen {
                let when = session.endedAt.map { "the session already ended at turn \($0)" } ?? "no session is open"
                failTurn(
                    number, source: document.file.path, what: "SessionEndedRequest \(reason)",
                    problem: "\(when); Alexa sends no SessionEndedRequest then, so this turn cannot happen")
                continue
            }
            let previous = threadsSession ? session.attributes : [:]
            if threadsSession {
                if !session.isOpen {
                    session = SessionState(isOpen: true)
                    opensSession = true
                }
                request.sessionID = session.id
                request.sessionNew = opensSession
                request.sessionAttributes = session.attributes
            }
            let envelope = try builder.envelope(for: request)
            let answer = try await exchange(envelope)
            if threadsSession {
                dialog = DialogCarry.intent(after: answer, to: envelope)
                session.attributes = answer.sessionAttributes
                if answer.endsSession || request.kind.isSessionEnd {
                    session.isOpen = false
                    session.endedAt = number
                    dialog = nil
                }
            }
            var updated: [String]?
            if options.update, updating, index < turnsJSON.count,
                let update = ExpectationUpdater.updated(turnsJSON[index]["expect"], for: answer, previousAttributes: previous)
            {
                turnsJSON[index] = ExpectationWriter.setting(turnsJSON[index], "expect", to: update.expect)
                changes += update.changed.count
                updated = update.changed
            }
            var label = Transcript.TurnLabel(number: number, envelope: envelope, opensSession: opensSession && index > 0)
            if case .say(let text, _) = turn.action { label.utterance = text }
            let mismatches = turn.expectation?.mismatches(for: answer) ?? []
            record(
                label, source: document.file.path, answer: answer, mismatches: mismatches, checks: turn.expectation?.checkCount ?? 0,
                updated: updated)
        }
        if options.update && updating {
            try rewrite(document.file, setting: "turns", to: .array(turnsJSON), changes: changes)
        }
    }

    /// The request a turn makes (before the session is threaded in); nil when a `say` turn cannot
    /// be resolved (reported as a failure).
    private func request(
        for turn: ConversationTurn, number: Int, in document: ConversationDocument, context: TurnContext
    ) throws(CLIError) -> RequestSpec? {
        var spec = RequestSpec(kind: .launch)
        context.apply(to: &spec)
        spec.skillID = document.skillID
        spec.dialogState = turn.dialogState
        spec.intentConfirmationStatus = turn.confirmationStatus
        switch turn.action {
        case .launch: spec.kind = .launch
        case .intent(let name):
            spec.kind = .intent(name)
            spec.slots = turn.slots
        case .say(let text, let fallback):
            let resolver = try resolver(
                near: document.file.path, locale: context.locale, skillID: document.skillID,
                purpose: "\(document.file.path) turn \(number) says \"\(text)\"")
            do {
                spec.apply(try resolver.resolve(text, dialogState: turn.dialogState, fallback: fallback), confirming: turn.slots)
            } catch {
                failTurn(number, source: document.file.path, what: "say \"\(text)\"", problem: error.message)
                return nil
            }
        case .sessionEnded(let reason): spec.kind = .sessionEnded(reason: reason)
        case .canFulfill(let name):
            spec.kind = .canFulfill(name)
            spec.slots = turn.slots
        case .accountLinked:
            spec.kind = .accountLinked
            guard context.token != nil else {
                throw .io(
                    "\(document.file.path) turn \(number): accountLinked needs a linked user; add \"user\": {\"token\": \"...\"} to the turn"
                )
            }
        }
        return spec
    }
}

extension RequestSpec {
    /// Sets the kind and slots from a resolved utterance, with the turn's slot confirmations on top.
    /// - Parameters:
    ///   - resolved: what the utterance resolved to.
    ///   - confirmations: slots carrying a `confirmationStatus` (and no value).
    mutating func apply(_ resolved: ResolvedUtterance, confirming confirmations: [SlotSpec]) {
        switch resolved {
        case .launch: kind = .launch
        case .sessionEnded: kind = .sessionEnded(reason: "USER_INITIATED")
        case .intent(let name, let resolvedSlots, _):
            kind = .intent(name)
            slots = resolvedSlots
            for confirmation in confirmations {
                if let index = slots.firstIndex(where: { $0.name == confirmation.name }) {
                    slots[index].confirmationStatus = confirmation.confirmationStatus
                } else {
                    slots.append(confirmation)
                }
            }
        }
    }
}

extension RequestSpec.Kind {
    /// Whether the request belongs to the conversation's session (can-fulfill requests and
    /// skill events come outside it).
    var threadsSession: Bool {
        switch self {
        case .canFulfill, .accountLinked: false
        default: true
        }
    }

    /// Whether this request ends the session whatever the skill answers.
    var isSessionEnd: Bool {
        if case .sessionEnded = self { return true }
        return false
    }
}
