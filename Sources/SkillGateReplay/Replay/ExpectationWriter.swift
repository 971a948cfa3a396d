package import SkillGateModel

/// Turns an answer into the expectations `--update` writes.
package enum ExpectationWriter {
    /// An inline `expect` object for an answer: the exact speech, the card type, whether the
    /// session ends, and every session attribute as a dotted path (attributes the request carried
    /// that the answer dropped are written as `null`). A rejection becomes `{"rejected": CODE}`.
    /// - Parameters:
    ///   - answer: what the skill answered.
    ///   - previousAttributes: the session attributes the request carried.
    /// - Returns: the `expect` object.
    package static func inline(for answer: SkillAnswer, previousAttributes: JSONObject) -> JSONValue {
        if let rejection = answer.rejection { return ["rejected": .string(rejection.code)] }
        var expect: JSONObject = [
            "speech": answer.speech.map(JSONValue.string) ?? .null,
            "card": .string(answer.cardType ?? "none"),
            "shouldEndSession": answer.shouldEndSession.map(JSONValue.bool) ?? .null,
        ]
        var attributes = JSONObject()
        flatten(.object(answer.sessionAttributes), path: "", into: &attributes)
        for key in previousAttributes.keys where answer.sessionAttributes[key] == nil {
            attributes[key] = .null
        }
        if !attributes.isEmpty { expect["sessionAttributes"] = .object(attributes) }
        return .object(expect)
    }

    private static func flatten(_ value: JSONValue, path: String, into result: inout JSONObject) {
        if case .object(let object) = value, !object.isEmpty {
            for member in object {
                flatten(member.value, path: SubsetMatcher.join(path, member.key), into: &result)
            }
        } else if !path.isEmpty {
            result[path] = value
        }
    }

    /// A document with one member replaced, members kept in order.
    /// - Parameters:
    ///   - document: an object.
    ///   - key: the member.
    ///   - value: its new value.
    package static func setting(_ document: JSONValue, _ key: String, to value: JSONValue) -> JSONValue {
        guard case .object(var object) = document else { return document }
        object[key] = value
        return .object(object)
    }
}
