import SkillGateReplay

/// The sample-utterance problems that fail a model build or certification: a `{slot}` the
/// intent does not declare, and the same sample twice, in one intent or across intents.
/// Samples are compared normalised as utterances are (``UtteranceWords``), with each slot
/// placeholder standing for any slot, so `take me to {destination}` and `Take me to {place}`
/// are the same sample.
enum SampleLinter {
    /// The problems, in model order.
    /// - Parameter model: the interaction model.
    static func problems(model: InteractionModel) -> [String] {
        var problems: [String] = []
        var seen: [String: (intent: String, sample: String)] = [:]
        for intent in model.intents {
            let declared = Set(intent.slots.map(\.name))
            let slotSamples = intent.slots.flatMap { slot in slot.samples.map { ($0, "slot \(slot.name) of \(intent.name)") } }
            for (sample, owner) in intent.samples.map({ ($0, intent.name) }) + slotSamples {
                for name in SamplePattern(sample).slotNames where !declared.contains(name) {
                    problems.append(
                        "the sample \"\(sample)\" of \(owner) uses {\(name)}, which \(intent.name) does not declare: add a slot \(name) to the intent or fix the name"
                    )
                }
            }
            var own: [String: String] = [:]
            for sample in intent.samples {
                let key = shape(of: SamplePattern(sample))
                guard !key.isEmpty else { continue }
                if let first = own[key] {
                    problems.append("\(intent.name) lists the sample \"\(sample)\" twice (as \"\(first)\"): remove one")
                    continue
                }
                own[key] = sample
                if let first = seen[key] {
                    problems.append(
                        "the sample \"\(sample)\" of \(intent.name) is also a sample of \(first.intent) (\"\(first.sample)\"): Alexa cannot tell them apart; keep it in one intent"
                    )
                } else {
                    seen[key] = (intent.name, sample)
                }
            }
        }
        return problems
    }

    /// The normalised words with every placeholder as `{}`.
    private static func shape(of pattern: SamplePattern) -> String {
        pattern.tokens.map { token in
            switch token {
            case .word(let word): word
            case .slot: "{}"
            }
        }.joined(separator: " ")
    }
}
