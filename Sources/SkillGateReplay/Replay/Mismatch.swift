package import SkillGateModel

/// One expectation that did not hold: which field, what was expected, what the skill did.
package struct Mismatch {
    /// The field or JSON path, e.g. `speechContains` or `response.card.type`.
    package let field: String
    /// The expectation, as shown to a person.
    package let expected: String
    /// What the skill answered, as shown to a person.
    package let actual: String

    /// A value for display: compact JSON, or `(absent)`.
    /// - Parameter value: the value, nil when absent.
    package static func show(_ value: JSONValue?) -> String {
        guard let value else { return "(absent)" }
        return value.jsonString
    }

    /// A string for display, quoted like JSON, or `(absent)`.
    /// - Parameter text: the text, nil when absent.
    package static func show(_ text: String?) -> String {
        show(text.map(JSONValue.string))
    }
}
