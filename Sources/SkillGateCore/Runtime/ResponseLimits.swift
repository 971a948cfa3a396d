/// Alexa's response limits, which none of the official SDKs check. SkillGate checks every
/// response against them; a violation is logged and replaced by a safe reply.
public enum ResponseLimits {
    /// Characters of outputSpeech (text or SSML markup), and of a reprompt.
    public static let maximumSpeechCharacters = 8000
    /// Characters of text on a card (title and content together).
    public static let maximumCardTextCharacters = 8000
    /// Characters of a card image URL.
    public static let maximumImageURLCharacters = 2000
    /// Bytes of the whole encoded response (120 KB, counted in thousands to stay on the safe side).
    public static let maximumResponseBytes = 120_000

    /// The rules a response breaks for a request, as messages naming the limit; empty if valid.
    /// - Parameters:
    ///   - response: the response envelope.
    ///   - request: the request it answers.
    public static func violations(of response: ResponseEnvelope, for request: Request) -> [String] {
        var problems: [String] = []
        let body = response.response
        if let speech = body.outputSpeech, exceeds(speech.content, maximumSpeechCharacters) {
            problems.append("outputSpeech is \(speech.content.count) characters; the limit is \(maximumSpeechCharacters)")
        }
        if let reprompt = body.reprompt, exceeds(reprompt.content, maximumSpeechCharacters) {
            problems.append("reprompt is \(reprompt.content.count) characters; the limit is \(maximumSpeechCharacters)")
        }
        if let card = body.card {
            if card.textUTF8Count > maximumCardTextCharacters, card.textLength > maximumCardTextCharacters {
                problems.append("card text is \(card.textLength) characters; the limit is \(maximumCardTextCharacters)")
            }
            if case .standard(_, _, let image?) = card {
                for url in [image.smallImageUrl, image.largeImageUrl].compactMap({ $0 }) where exceeds(url, maximumImageURLCharacters) {
                    problems.append("card image URL is \(url.count) characters; the limit is \(maximumImageURLCharacters)")
                }
            }
        }
        let hasDialog = body.directives.contains { $0.isDialog }
        if hasDialog && body.shouldEndSession == true {
            problems.append("Dialog directives need an open session, but shouldEndSession is true")
        }
        switch request {
        case .sessionEnded:
            if !body.isEmpty {
                problems.append("a SessionEndedRequest must get an empty response (no speech, card, reprompt or directives)")
            }
        case .canFulfillIntent:
            if body.outputSpeech != nil || body.card != nil || body.reprompt != nil || !body.directives.isEmpty {
                problems.append("a CanFulfillIntentRequest response may carry only canFulfillIntent")
            }
        case .intent:
            break
        default:
            if hasDialog { problems.append("Dialog directives are allowed only in answers to IntentRequest") }
            if request.type.hasPrefix("AudioPlayer.") || request.type.hasPrefix("PlaybackController.") {
                if body.outputSpeech != nil || body.card != nil || body.reprompt != nil {
                    problems.append("a \(request.type) response may not carry speech, a card or a reprompt")
                }
                if body.directives.contains(where: { !$0.type.hasPrefix("AudioPlayer.") }) {
                    problems.append("a \(request.type) response may carry only AudioPlayer directives")
                }
            }
        }
        return problems
    }

    /// Whether `text` has more than `limit` characters; counting graphemes only when the UTF-8
    /// length says it might (a character is at least one byte).
    private static func exceeds(_ text: String, _ limit: Int) -> Bool {
        text.utf8.count > limit && text.count > limit
    }
}
