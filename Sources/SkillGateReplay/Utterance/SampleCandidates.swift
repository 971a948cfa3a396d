/// One sample that matched, and how its slots took the words.
struct SampleMatch {
    /// The intent.
    let intent: String
    /// The sample as written.
    let sample: String
    /// The words each slot took.
    let capture: [(slot: String, range: Range<Int>)]
}

/// Every sample utterance an utterance is tried against, in declaration order: each intent's
/// samples, then the usual phrases of a declared built-in, then (mid-dialog) its slot samples.
struct SampleCandidates {
    /// One sample utterance of one intent.
    struct Candidate {
        let intent: String
        let pattern: SamplePattern
        /// Slot types by slot name, for preferring values of custom types.
        let slotTypes: [String: String]
    }

    let model: InteractionModel
    let candidates: [Candidate]

    /// The candidates of a model.
    /// - Parameters:
    ///   - model: the model.
    ///   - dialogState: `IN_PROGRESS` adds the slot samples.
    init(model: InteractionModel, dialogState: String?) {
        self.model = model
        var candidates: [Candidate] = []
        for intent in model.intents {
            var texts = intent.samples + BuiltInPhrases.phrases(for: intent.name)
            if dialogState == "IN_PROGRESS" { texts += intent.slots.flatMap(\.samples) }
            let types = Dictionary(intent.slots.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
            candidates += texts.map { Candidate(intent: intent.name, pattern: SamplePattern($0), slotTypes: types) }
        }
        self.candidates = candidates
    }

    /// The winning match (see ``UtteranceResolver`` for the rules), or nil.
    /// - Parameter words: the utterance.
    func bestMatch(for words: UtteranceWords) -> SampleMatch? {
        var best: (match: SampleMatch, rank: (Int, Int))?
        for candidate in candidates {
            guard let capture = bestCapture(candidate, words) else { continue }
            let rank = (candidate.pattern.literalCount, -candidate.pattern.slotNames.count)
            // Strictly better only: on a tie the earlier declaration stays.
            if let current = best?.rank, rank <= current { continue }
            best = (SampleMatch(intent: candidate.intent, sample: candidate.pattern.text, capture: capture), rank)
        }
        return best?.match
    }

    /// Up to three samples most like the utterance: the most literal words in common, in order
    /// (relative to both lengths), then declaration order.
    /// - Parameter words: the utterance.
    func closest(to words: UtteranceWords) -> [(intent: String, sample: String)] {
        let scored = candidates.enumerated().map { index, candidate -> (score: Double, index: Int, candidate: Candidate) in
            let literals = candidate.pattern.literalWords
            let common = Self.commonSubsequence(literals, words.normal)
            return (2 * Double(common) / Double(max(1, literals.count + words.normal.count)), index, candidate)
        }
        let sorted = scored.filter { $0.score > 0 }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return sorted.prefix(3).map { ($0.candidate.intent, $0.candidate.pattern.text) }
    }

    /// The way a sample takes the words in which the most custom-type slots hold one of their
    /// values (`AMAZON.NUMBER` slots must hold a number); on a tie, the first found.
    private func bestCapture(_ candidate: Candidate, _ words: UtteranceWords) -> [(slot: String, range: Range<Int>)]? {
        var best: (capture: [(slot: String, range: Range<Int>)], preferred: Int)?
        for capture in candidate.pattern.captures(in: words.normal) {
            var preferred = 0
            var valid = true
            for (slot, range) in capture {
                let spoken = Array(words.normal[range])
                let type = candidate.slotTypes[slot]
                if type == "AMAZON.NUMBER" {
                    valid = valid && NumberWords.digits(spoken) != nil
                } else if let type, let slotType = model.type(named: type),
                    !EntityResolution.matches(spoken.joined(separator: " "), in: slotType).isEmpty
                {
                    preferred += 1
                }
            }
            if valid && preferred > (best?.preferred ?? -1) { best = (capture, preferred) }
        }
        return best?.capture
    }

    /// The length of the longest common subsequence of two word lists.
    static func commonSubsequence(_ left: [String], _ right: [String]) -> Int {
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: right.count + 1)
        for word in left {
            var current = [Int](repeating: 0, count: right.count + 1)
            for (index, other) in right.enumerated() {
                current[index + 1] = word == other ? previous[index] + 1 : max(previous[index + 1], current[index])
            }
            previous = current
        }
        return previous[right.count]
    }
}
