import Foundation
package import SkillGateModel

extension Expectation {
    /// The expectations that do not hold for an answer (empty when all pass).
    /// - Parameter answer: what the skill answered.
    /// - Returns: the mismatches, in the order the expectations are listed.
    package func mismatches(for answer: SkillAnswer) -> [Mismatch] {
        if let rejectionMismatch = checkRejection(answer) { return [rejectionMismatch] }
        var result: [Mismatch] = []
        if answer.rejection == nil { result += checkSpeech(answer) }
        if let card, answer.rejection == nil {
            let actual = answer.cardType ?? "none"
            if actual != card { result.append(Mismatch(field: "card", expected: card, actual: actual)) }
        }
        if let shouldEndSession, answer.rejection == nil {
            let actual = answer.response?["shouldEndSession"]
            result += SubsetMatcher.mismatches(expected: shouldEndSession, actual: actual, path: "shouldEndSession")
        }
        let attributes = JSONValue.object(answer.sessionAttributes)
        for (path, value) in sessionAttributes {
            result += SubsetMatcher.mismatches(
                expected: value, actual: Self.value(at: path, in: attributes), path: "sessionAttributes." + path)
        }
        if let response {
            result += SubsetMatcher.mismatches(expected: response, actual: answer.body, path: "$")
        }
        return result
    }

    private func checkRejection(_ answer: SkillAnswer) -> Mismatch? {
        let actual = answer.rejection
        let actualText = actual.map { "rejected: \($0.code): \($0.message)" } ?? "a response"
        switch rejected {
        case .bool(true)?:
            return actual == nil ? Mismatch(field: "rejected", expected: "a rejection", actual: actualText) : nil
        case .string(let code)?:
            return actual?.code == code ? nil : Mismatch(field: "rejected", expected: "rejected: \(code)", actual: actualText)
        default:
            return actual == nil ? nil : Mismatch(field: "rejected", expected: "a response", actual: actualText)
        }
    }

    private func checkSpeech(_ answer: SkillAnswer) -> [Mismatch] {
        var result: [Mismatch] = []
        let speechText = answer.speech
        if let speech, speech.stringValue != speechText {
            result.append(Mismatch(field: "speech", expected: Mismatch.show(speech), actual: Mismatch.show(speechText)))
        }
        for part in speechContains where !(speechText ?? "").contains(part) {
            result.append(Mismatch(field: "speechContains", expected: "contains \(Mismatch.show(part))", actual: Mismatch.show(speechText)))
        }
        for (pattern, regex) in speechMatches {
            let text = speechText ?? ""
            if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                result.append(Mismatch(field: "speechMatches", expected: "matches /\(pattern)/", actual: Mismatch.show(speechText)))
            }
        }
        let reprompt = answer.repromptSpeech
        for part in repromptContains where !(reprompt ?? "").contains(part) {
            result.append(Mismatch(field: "repromptContains", expected: "contains \(Mismatch.show(part))", actual: Mismatch.show(reprompt)))
        }
        return result
    }

    /// The value at a dotted path (`pendingOrder.destination`); a key that itself contains dots
    /// is found when it matches whole.
    package static func value(at path: String, in root: JSONValue) -> JSONValue? {
        if let whole = root[path] { return whole }
        guard let dot = path.firstIndex(of: ".") else { return nil }
        let head = String(path[..<dot])
        guard let child = root[head] else { return nil }
        return value(at: String(path[path.index(after: dot)...]), in: child)
    }
}
