package import SkillGateModel

/// Writes JSON for people: two-space indents, one member per line, members in document order.
/// Used for generated requests and for the files `replay --update` writes.
package enum PrettyJSON {
    /// The value as indented JSON text, ending with a newline.
    /// - Parameter value: the value.
    /// - Returns: the text.
    package static func render(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: "", into: &output)
        output += "\n"
        return output
    }

    private static func write(_ value: JSONValue, indent: String, into output: inout String) {
        let inner = indent + "  "
        switch value {
        case .object(let object) where !object.isEmpty:
            output += "{\n"
            for (index, member) in object.members.enumerated() {
                output += inner + JSONValue.string(member.key).jsonString + ": "
                write(member.value, indent: inner, into: &output)
                output += index == object.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        case .array(let elements) where !elements.isEmpty:
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += inner
                write(element, indent: inner, into: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        default:
            output += value.jsonString
        }
    }
}
