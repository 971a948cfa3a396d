/// Resolves what a user says into the request Alexa would send, against an interaction model.
///
/// The rules, in order:
/// 1. The utterance is normalised (``UtteranceWords``); a leading `alexa` is dropped.
/// 2. `open|launch|start|begin|load|run <invocation name>`, or `ask|tell <invocation name>` alone,
///    is a LaunchRequest; `exit` is a SessionEndedRequest. `ask|tell <invocation name> [to|for|…] REST`
///    is resolved as REST (a one-shot invocation), or, if REST matches nothing, with its
///    connecting word (`ask coffee shop about my order` → `about my order`).
/// 3. Every sample utterance of every intent is tried against the whole utterance (then the usual
///    phrases of the built-ins the model declares, see ``BuiltInPhrases``; with dialog state
///    `IN_PROGRESS`, the intents' slot samples too). Literal words must be equal; a `{slot}` takes
///    one or more words. When a sample matches more than one way, the way in which more slots of
///    custom types hold one of their values or synonyms wins (and `AMAZON.NUMBER` slots only take
///    numbers); then the one whose earlier slots take fewer words.
/// 4. Among matching samples, the one with the most literal words wins, then the one with the
///    fewest slots, then the first declared (intents in model order, samples in their order).
/// 5. No match is an error naming the closest samples: never a silent fallback. A turn that
///    expects the fallback says so, and then must not match.
package struct UtteranceResolver {
    /// The model.
    package let model: InteractionModel
    /// The skill ID (part of entity-resolution authority names).
    package let skillID: String

    /// A resolver.
    /// - Parameters:
    ///   - model: the interaction model.
    ///   - skillID: the skill ID of the requests.
    package init(model: InteractionModel, skillID: String) {
        self.model = model
        self.skillID = skillID
    }

    /// Resolves an utterance.
    /// - Parameters:
    ///   - utterance: what the user says.
    ///   - dialogState: the request's dialog state; `IN_PROGRESS` also tries slot samples.
    ///   - fallback: the user says something the skill should not understand: resolves to
    ///     `AMAZON.FallbackIntent`, and fails if a sample matches.
    /// - Returns: the request to send.
    /// - Throws: ``CLIError`` `.io` saying why nothing (or, for `fallback`, something) matches.
    package func resolve(_ utterance: String, dialogState: String? = nil, fallback: Bool = false) throws(CLIError) -> ResolvedUtterance {
        var words = UtteranceWords(utterance)
        if words.normal.first == "alexa" { words = words.dropFirst(1) }
        guard !words.normal.isEmpty else { throw .io("\"\(utterance)\" has no words to resolve") }
        let invocation = UtteranceWords(model.invocationName ?? "").normal
        if let verb = words.normal.first, !invocation.isEmpty, words.dropFirst(1).normal == invocation,
            (BuiltInPhrases.launchVerbs + BuiltInPhrases.invocationVerbs).contains(verb)
        {
            return .launch
        }
        // The words to resolve: for a one-shot invocation, the request after it, without its
        // connecting word first (`ask X to order a ride`), then with it (`ask X about my account`).
        var attempts = [words]
        if let verb = words.normal.first, BuiltInPhrases.invocationVerbs.contains(verb), words.dropFirst(1).starts(with: invocation) {
            words = words.dropFirst(1 + invocation.count)
            attempts = [words]
            if let connector = words.normal.first, BuiltInPhrases.connectors.contains(connector), words.normal.count > 1 {
                attempts.insert(words.dropFirst(1), at: 0)
            }
        }
        if !fallback && attempts.contains(where: { BuiltInPhrases.exitPhrases.contains($0.text) }) { return .sessionEnded }
        let candidates = SampleCandidates(model: model, dialogState: dialogState)
        var best: SampleMatch?
        for attempt in attempts where best == nil {
            best = candidates.bestMatch(for: attempt)
            words = attempt
        }
        if best == nil, let first = attempts.first { words = first }
        if fallback {
            if let best {
                throw .io(
                    "\"\(utterance)\" matches \(best.intent) (\"\(best.sample)\"), so Alexa would not send AMAZON.FallbackIntent; drop \"fallback\" (--fallback) or change what the user says"
                )
            }
            guard model.intent(named: "AMAZON.FallbackIntent") != nil else {
                throw .io("\"\(utterance)\" should reach AMAZON.FallbackIntent, but \(model.path) does not declare it; add it to the model")
            }
            return .intent("AMAZON.FallbackIntent", slots: [], sample: "(nothing matches)")
        }
        guard let best else {
            let closest = candidates.closest(to: words).map { "\"\($0.sample)\" (\($0.intent))" }
            let hint = closest.isEmpty ? "the model has no sample utterances" : "the closest are " + closest.joined(separator: ", ")
            throw .io(
                "no sample utterance in \(model.path) matches \"\(utterance)\"; \(hint). Add a sample to the model or, if Alexa should send AMAZON.FallbackIntent, say so (\"fallback\": true in a turn, --fallback with request utter)"
            )
        }
        return .intent(best.intent, slots: slots(of: best, words: words), sample: best.sample)
    }

    /// The request's slots: every slot the intent declares, in order (unfilled ones without a
    /// value), then any the sample uses without declaring.
    private func slots(of match: SampleMatch, words: UtteranceWords) -> [SlotSpec] {
        let declared = model.intent(named: match.intent)?.slots ?? []
        var result: [SlotSpec] = []
        for slot in declared {
            guard let range = match.capture.first(where: { $0.slot == slot.name })?.range else {
                result.append(SlotSpec(name: slot.name, value: nil))
                continue
            }
            result.append(filled(slot.name, type: slot.type, range: range, words: words))
        }
        for captured in match.capture where !declared.contains(where: { $0.name == captured.slot }) {
            result.append(filled(captured.slot, type: nil, range: captured.range, words: words))
        }
        return result
    }

    private func filled(_ name: String, type: String?, range: Range<Int>, words: UtteranceWords) -> SlotSpec {
        let spoken = Array(words.normal[range])
        if type == "AMAZON.NUMBER", let digits = NumberWords.digits(spoken) {
            return SlotSpec(name: name, value: digits)
        }
        let resolutions = type.flatMap(model.type(named:)).map { slotType in
            EntityResolution.resolutions(for: spoken.joined(separator: " "), in: slotType, skillID: skillID)
        }
        return SlotSpec(name: name, value: words.originalText(range), resolutions: resolutions)
    }
}
