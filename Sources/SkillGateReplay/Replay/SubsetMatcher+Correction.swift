import SkillGateModel

extension SubsetMatcher {
    /// An expected subset with only what differs replaced by the answer's values: members that
    /// match are kept as written, a differing leaf takes the actual value (`null` when absent),
    /// an array of another length is replaced whole.
    /// - Parameters:
    ///   - expected: the expected subset.
    ///   - actual: the actual value, nil when absent.
    /// - Returns: a subset that matches `actual`.
    static func corrected(_ expected: JSONValue, actual: JSONValue?) -> JSONValue {
        if mismatches(expected: expected, actual: actual, path: "$").isEmpty { return expected }
        switch expected {
        case .object(let object):
            guard let actualObject = actual?.objectValue else { return actual ?? .null }
            var result = JSONObject()
            for member in object { result[member.key] = corrected(member.value, actual: actualObject[member.key]) }
            return .object(result)
        case .array(let elements):
            guard let actualElements = actual?.arrayValue, actualElements.count == elements.count else { return actual ?? .null }
            return .array(zip(elements, actualElements).map { corrected($0, actual: $1) })
        default:
            return actual ?? .null
        }
    }
}
