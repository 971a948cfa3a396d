package import SkillGateModel

/// Compares a recorded expectation with an answer: every member of an expected object must be
/// present and match (extra members in the answer are fine), arrays must have the same length
/// and match element by element, `null` matches an absent member, and numbers compare by value.
package enum SubsetMatcher {
    /// The differences between what was expected and what came back.
    /// - Parameters:
    ///   - expected: the expected value (a subset).
    ///   - actual: the actual value, nil when absent.
    ///   - path: the JSON path of these values, for the report.
    /// - Returns: one mismatch per differing leaf.
    package static func mismatches(expected: JSONValue, actual: JSONValue?, path: String) -> [Mismatch] {
        switch expected {
        case .null:
            guard let actual, !actual.isNull else { return [] }
            return [Mismatch(field: path, expected: "(absent)", actual: Mismatch.show(actual))]
        case .object(let object):
            guard let actualObject = actual?.objectValue else {
                return [Mismatch(field: path, expected: Mismatch.show(expected), actual: Mismatch.show(actual))]
            }
            var result: [Mismatch] = []
            for member in object {
                result += mismatches(expected: member.value, actual: actualObject[member.key], path: join(path, member.key))
            }
            return result
        case .array(let elements):
            guard let actualElements = actual?.arrayValue, actualElements.count == elements.count else {
                return [Mismatch(field: path, expected: Mismatch.show(expected), actual: Mismatch.show(actual))]
            }
            var result: [Mismatch] = []
            for (index, element) in elements.enumerated() {
                result += mismatches(expected: element, actual: actualElements[index], path: "\(path)[\(index)]")
            }
            return result
        case .integer, .double:
            if let actual, let left = expected.doubleValue, let right = actual.doubleValue, left == right { return [] }
            return [Mismatch(field: path, expected: Mismatch.show(expected), actual: Mismatch.show(actual))]
        default:
            if actual == expected { return [] }
            return [Mismatch(field: path, expected: Mismatch.show(expected), actual: Mismatch.show(actual))]
        }
    }

    /// `path.key`, or `key` at the top.
    package static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
