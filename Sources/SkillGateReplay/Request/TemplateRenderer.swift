package import SkillGateModel
import Foundation

/// Fills a JSON template's `{{placeholder}}` slots.
///
/// Templates are plain JSON, so editors and parsers accept them. Placeholders live inside strings:
/// - a string that is exactly `"{{name}}"` becomes the placeholder's value with its JSON type
///   (`"{{sessionNew}}"` → `true`, `"{{slots}}"` → an object);
/// - a placeholder with no value (``Fill/omit``) removes the member or array element holding it,
///   so an unlinked request has no `accessToken` member at all;
/// - a placeholder inside longer text is replaced by its text.
///
/// An unknown placeholder is an error, so a typo in a template cannot slip through.
package struct TemplateRenderer {
    /// What a placeholder becomes.
    package enum Fill {
        /// This JSON value.
        case value(JSONValue)
        /// Nothing: the member or element is left out.
        case omit
    }

    /// The placeholders this renderer knows.
    package let fills: [String: Fill]

    /// Renders a template.
    /// - Parameters:
    ///   - template: the parsed template.
    ///   - source: the template's name, for error messages.
    /// - Returns: the filled document.
    /// - Throws: ``CLIError`` `.io` for an unknown placeholder or an omitted one inside text.
    package func render(_ template: JSONValue, source: String) throws(CLIError) -> JSONValue {
        try fill(template, source: source) ?? .null
    }

    private func fill(_ value: JSONValue, source: String) throws(CLIError) -> JSONValue? {
        switch value {
        case .string(let text):
            return try fill(text: text, source: source)
        case .object(let object):
            var result = JSONObject()
            for member in object {
                if let filled = try fill(member.value, source: source) { result[member.key] = filled }
            }
            return .object(result)
        case .array(let elements):
            var result: [JSONValue] = []
            for element in elements {
                if let filled = try fill(element, source: source) { result.append(filled) }
            }
            return .array(result)
        default:
            return value
        }
    }

    private func fill(text: String, source: String) throws(CLIError) -> JSONValue? {
        guard text.contains("{{") else { return .string(text) }
        if text.hasPrefix("{{"), text.hasSuffix("}}"), text.count > 4 {
            let name = String(text.dropFirst(2).dropLast(2))
            if !name.contains("{{") && !name.contains("}}") {
                switch try lookup(name, source: source) {
                case .value(let value): return value
                case .omit: return nil
                }
            }
        }
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw .io("\(source): unclosed placeholder in \"\(text)\"")
            }
            let name = String(rest[open.upperBound..<close.lowerBound])
            switch try lookup(name, source: source) {
            case .value(.string(let string)): output += string
            case .value(let other): output += other.jsonString
            case .omit: throw .io("\(source): {{\(name)}} has no value here but is used inside the text \"\(text)\"")
            }
            rest = rest[close.upperBound...]
        }
        output += rest
        return .string(output)
    }

    private func lookup(_ name: String, source: String) throws(CLIError) -> Fill {
        guard let fill = fills[name] else {
            let known = fills.keys.sorted().map { "{{\($0)}}" }.joined(separator: ", ")
            throw .io("\(source): unknown placeholder {{\(name)}}; known placeholders: \(known)")
        }
        return fill
    }
}
