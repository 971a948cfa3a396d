import Foundation
import SkillGateModel

/// What `--update` does to one `expect` object: expectations that still hold stay exactly as
/// written; each one that fails is rewritten in its own style from the answer:
///
/// | key | rewritten as |
/// |---|---|
/// | `speech`, `card`, `shouldEndSession` | the actual value |
/// | `speechContains`, `repromptContains` | each failing text becomes the sentence of the actual text most like it (a string stays a string, a list a list) |
/// | `speechMatches` | each failing pattern becomes that sentence, escaped; an anchored `^…$` pattern, the whole speech escaped and anchored |
/// | `sessionAttributes` | each failing path takes its actual value (`null` when gone) |
/// | `response` | only the differing members change (``SubsetMatcher/corrected(_:actual:)``) |
///
/// When the answer turns from a response into a rejection or back, or a turn had no `expect`,
/// the turn gets the full expectation ``ExpectationWriter`` writes.
enum ExpectationUpdater {
    /// The updated `expect` object.
    /// - Parameters:
    ///   - expect: the turn's `expect` object; nil when it has none.
    ///   - answer: what the skill answered.
    ///   - previousAttributes: the session attributes the request carried.
    /// - Returns: the new object and the keys that changed; nil when every expectation holds.
    static func updated(_ expect: JSONValue?, for answer: SkillAnswer, previousAttributes: JSONObject) -> (
        expect: JSONValue, changed: [String]
    )? {
        let full = ExpectationWriter.inline(for: answer, previousAttributes: previousAttributes)
        guard let object = expect?.objectValue else { return (full, ["expect (added)"]) }
        let rejected = object["rejected"]
        let expectsRejection = rejected?.boolValue == true || rejected?.stringValue != nil
        if expectsRejection != (answer.rejection != nil) {
            return (full, ["expect (\(answer.rejection == nil ? "now answered" : "now rejected"))"])
        }
        var result = JSONObject()
        var changed: [String] = []
        for member in object {
            var check: JSONObject = [member.key: member.value]
            if member.key != "rejected", let rejected { check["rejected"] = rejected }
            let failing = (try? Expectation(json: .object(check), source: "")).map { !$0.mismatches(for: answer).isEmpty } ?? false
            guard failing, let replacement = rewrite(member.key, member.value, answer: answer) else {
                result[member.key] = member.value
                continue
            }
            changed.append(member.key)
            if case .some(let value) = replacement { result[member.key] = value }
        }
        // A speech check that could not stay (there is no speech now) leaves `speech: null`.
        if answer.rejection == nil, answer.speech == nil, changed.contains(where: ["speechContains", "speechMatches"].contains),
            result["speech"] == nil
        {
            result["speech"] = .null
        }
        return changed.isEmpty ? nil : (.object(result), changed)
    }

    /// The new value of one failing key: `.some(value)`, or `.some(nil)` to drop the key; nil
    /// when it cannot be rewritten (kept as is).
    private static func rewrite(_ key: String, _ value: JSONValue, answer: SkillAnswer) -> JSONValue?? {
        switch key {
        case "speech": return .some(answer.speech.map(JSONValue.string) ?? .null)
        case "card": return .some(.string(answer.cardType ?? "none"))
        case "shouldEndSession": return .some(answer.shouldEndSession.map(JSONValue.bool) ?? .null)
        case "rejected": return .some(answer.rejection.map { JSONValue.string($0.code) } ?? .bool(false))
        case "speechContains":
            return .some(texts(value, actual: answer.speech, holds: { answer.speech?.contains($0) == true }, replacement: closestSentence))
        case "repromptContains":
            let reprompt = answer.repromptSpeech
            return .some(texts(value, actual: reprompt, holds: { reprompt?.contains($0) == true }, replacement: closestSentence))
        case "speechMatches":
            let speech = answer.speech
            return .some(
                texts(
                    value, actual: speech,
                    holds: { pattern in
                        guard let speech, let regex = try? NSRegularExpression(pattern: pattern) else { return false }
                        return regex.firstMatch(in: speech, range: NSRange(speech.startIndex..., in: speech)) != nil
                    },
                    replacement: { pattern, speech in
                        let anchored = pattern.hasPrefix("^") && pattern.hasSuffix("$")
                        let text = anchored ? speech : closestSentence(to: pattern, in: speech)
                        return anchored
                            ? "^" + NSRegularExpression.escapedPattern(for: text) + "$" : NSRegularExpression.escapedPattern(for: text)
                    }))
        case "sessionAttributes":
            guard let paths = value.objectValue else { return nil }
            let attributes = JSONValue.object(answer.sessionAttributes)
            var result = JSONObject()
            for member in paths {
                let actual = Expectation.value(at: member.key, in: attributes)
                let holds = SubsetMatcher.mismatches(expected: member.value, actual: actual, path: member.key).isEmpty
                result[member.key] = holds ? member.value : SubsetMatcher.corrected(member.value, actual: actual)
            }
            return .some(.object(result))
        case "response": return .some(SubsetMatcher.corrected(value, actual: answer.body))
        default: return nil
        }
    }

    /// A string-or-list of texts with each failing one replaced (duplicates dropped); nil (drop
    /// the key) when there is no actual text.
    /// - Parameters:
    ///   - value: the expectation's string or list.
    ///   - actual: the answer's text.
    ///   - holds: whether one entry still holds.
    ///   - replacement: the new entry for a failing one, from the old entry and the actual text.
    private static func texts(
        _ value: JSONValue, actual: String?, holds: (String) -> Bool, replacement: (String, String) -> String
    ) -> JSONValue? {
        guard let actual else { return nil }
        if let single = value.stringValue { return .string(holds(single) ? single : replacement(single, actual)) }
        var result: [String] = []
        for text in (value.arrayValue ?? []).compactMap(\.stringValue) {
            let kept = holds(text) ? text : replacement(text, actual)
            if !result.contains(kept) { result.append(kept) }
        }
        return .array(result.map(JSONValue.string))
    }

    /// The sentence of `text` with the most words in common with `fragment` (the whole text when
    /// none shares a word), so a loose `speechContains` stays loose.
    static func closestSentence(to fragment: String, in text: String) -> String {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".?!".contains(character) {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { sentences.append(current.trimmingCharacters(in: .whitespaces)) }
        let wanted = UtteranceWords(fragment).normal
        var best: (sentence: String, common: Int)?
        for sentence in sentences {
            let common = SampleCandidates.commonSubsequence(wanted, UtteranceWords(sentence).normal)
            if common > (best?.common ?? 0) { best = (sentence, common) }
        }
        return best?.sentence ?? text
    }
}
