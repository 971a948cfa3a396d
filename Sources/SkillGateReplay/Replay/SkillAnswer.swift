import Foundation
package import SkillGateModel

/// What the skill answered to one request: a response envelope, or a rejection
/// (`{"error":{"code":…,"message":…}}`, an error line over `--exec`, HTTP 400 over `--url`).
package struct SkillAnswer {
    /// The HTTP status over `--url`; nil over `--exec`.
    package let status: Int?
    /// The parsed body.
    package let body: JSONValue

    /// The rejection's code and message, when the request was rejected.
    package var rejection: (code: String, message: String)? {
        if let error = body["error"] {
            return (error["code"]?.stringValue ?? "unknown", error["message"]?.stringValue ?? error.jsonString)
        }
        if let status, status != 200 { return ("HTTP \(status)", body.jsonString) }
        return nil
    }

    /// The `response` object of a response envelope.
    package var response: JSONValue? { body["response"] }

    /// The spoken text: PlainText `text`, or SSML with its markup removed; nil when there is no speech.
    package var speech: String? { Self.text(of: response?["outputSpeech"]) }

    /// The reprompt's spoken text.
    package var repromptSpeech: String? { Self.text(of: response?["reprompt"]?["outputSpeech"]) }

    /// The card's type, nil when there is no card.
    package var cardType: String? { response?["card"]?["type"]?.stringValue }

    /// `response.shouldEndSession`, nil when absent.
    package var shouldEndSession: Bool? { response?["shouldEndSession"]?.boolValue }

    /// The session attributes the skill returned (empty when absent).
    package var sessionAttributes: JSONObject { body["sessionAttributes"]?.objectValue ?? [:] }

    /// Whether the session is over after this answer: the skill ended it, or rejected the request.
    package var endsSession: Bool { rejection != nil || shouldEndSession == true }

    /// The text of an `outputSpeech` object.
    package static func text(of speech: JSONValue?) -> String? {
        guard let speech else { return nil }
        if let text = speech["text"]?.stringValue { return text }
        guard let ssml = speech["ssml"]?.stringValue else { return nil }
        return plainText(ofSSML: ssml)
    }

    /// SSML with tags removed and the five XML entities decoded: what a person would hear, as text.
    package static func plainText(ofSSML ssml: String) -> String {
        var text = ""
        var inTag = false
        for character in ssml {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
