package import Foundation
package import SkillGateModel

/// Inline expectations for one answer (the `expect` object of a request file or a conversation turn).
///
/// ```json
/// "expect": {
///   "speech": "Goodbye.",                       // the whole speech; null = no speech
///   "speechContains": ["ride", "booked"],       // a string or a list, each must appear
///   "speechMatches": "^Your ride to .+ is booked", // a regular expression (NSRegularExpression), searched
///   "repromptContains": "yes or no",
///   "card": "LinkAccount",                      // the card type, or "none"
///   "shouldEndSession": false,                  // null = the member must be absent
///   "sessionAttributes": {"pendingOrder.destination": "work", "pendingOrder.gone": null},
///   "response": {"response": {"directives": []}}, // a subset of the whole answer, as in a sidecar
///   "rejected": "applicationIdMismatch"         // the request must be rejected (true, or the error code)
/// }
/// ```
package struct Expectation {
    /// The names an `expect` object may use.
    package static let knownKeys = [
        "speech", "speechContains", "speechMatches", "repromptContains", "card", "shouldEndSession", "sessionAttributes",
        "response", "rejected",
    ]

    /// The whole speech (a string), or `null` for no speech.
    package var speech: JSONValue?
    /// Texts the speech must contain.
    package var speechContains: [String] = []
    /// Patterns the speech must match, with their compiled form.
    package var speechMatches: [(pattern: String, regex: NSRegularExpression)] = []
    /// Texts the reprompt must contain.
    package var repromptContains: [String] = []
    /// The card type, or `none`.
    package var card: String?
    /// `true`/`false`, or `null` for absent.
    package var shouldEndSession: JSONValue?
    /// Dotted paths into the session attributes and their expected values (`null` = absent).
    package var sessionAttributes: [(path: String, value: JSONValue)] = []
    /// A subset of the whole answer body.
    package var response: JSONValue?
    /// `true`, `false`, or an error code the rejection must carry.
    package var rejected: JSONValue?

    /// Reads an `expect` object.
    /// - Parameters:
    ///   - json: the object.
    ///   - source: where it is (file and turn), for messages.
    /// - Throws: ``CLIError`` `.io` for an unknown key, a wrongly typed value or a bad pattern.
    package init(json: JSONValue, source: String) throws(CLIError) {
        guard let object = json.objectValue else { throw .io("\(source): \"expect\" must be an object") }
        for member in object {
            switch member.key {
            case "speech":
                guard member.value.stringValue != nil || member.value.isNull else {
                    throw .io("\(source): expect.speech must be a string or null")
                }
                speech = member.value
            case "speechContains": speechContains = try Self.strings(member.value, "speechContains", source)
            case "repromptContains": repromptContains = try Self.strings(member.value, "repromptContains", source)
            case "speechMatches":
                for pattern in try Self.strings(member.value, "speechMatches", source) {
                    do {
                        speechMatches.append((pattern, try NSRegularExpression(pattern: pattern)))
                    } catch {
                        throw .io("\(source): expect.speechMatches \(Mismatch.show(pattern)) is not a valid regular expression")
                    }
                }
            case "card":
                guard let type = member.value.stringValue else { throw .io("\(source): expect.card must be a card type or \"none\"") }
                card = type
            case "shouldEndSession":
                guard member.value.boolValue != nil || member.value.isNull else {
                    throw .io("\(source): expect.shouldEndSession must be true, false or null")
                }
                shouldEndSession = member.value
            case "sessionAttributes":
                guard let attributes = member.value.objectValue else {
                    throw .io("\(source): expect.sessionAttributes must be an object of \"path.to.value\": value")
                }
                sessionAttributes = attributes.members.map { ($0.key, $0.value) }
            case "response": response = member.value
            case "rejected":
                guard member.value.boolValue != nil || member.value.stringValue != nil else {
                    throw .io("\(source): expect.rejected must be true, false or an error code such as \"applicationIdMismatch\"")
                }
                rejected = member.value
            default:
                throw .io("\(source): unknown expectation \"\(member.key)\"; use \(Self.knownKeys.joined(separator: ", "))")
            }
        }
    }

    /// How many checks this expectation makes.
    package var checkCount: Int {
        var count = speechContains.count + speechMatches.count + repromptContains.count + sessionAttributes.count
        for present in [speech != nil, card != nil, shouldEndSession != nil, response != nil, rejected != nil] where present {
            count += 1
        }
        return count
    }

    private static func strings(_ value: JSONValue, _ key: String, _ source: String) throws(CLIError) -> [String] {
        if let single = value.stringValue { return [single] }
        if let list = value.arrayValue {
            var result: [String] = []
            for element in list {
                guard let text = element.stringValue else { throw .io("\(source): expect.\(key) must hold strings") }
                result.append(text)
            }
            return result
        }
        throw .io("\(source): expect.\(key) must be a string or a list of strings")
    }
}
