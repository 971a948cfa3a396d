/// The JSON body a skill answers with.
public struct ResponseEnvelope: Sendable, Hashable {
    /// The envelope version, `1.0`.
    public var version: String
    /// Attributes Alexa sends back on the next turn of the session; nil writes none.
    public var sessionAttributes: JSONObject?
    /// The response proper.
    public var response: Response

    /// Creates an envelope.
    /// - Parameters:
    ///   - version: the version.
    ///   - sessionAttributes: the session attributes.
    ///   - response: the response.
    public init(version: String = "1.0", sessionAttributes: JSONObject? = nil, response: Response) {
        self.version = version
        self.sessionAttributes = sessionAttributes
        self.response = response
    }

    /// The envelope as compact JSON bytes.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the envelope.
    /// - Parameter writer: the JSON writer.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("version", version)
        if let sessionAttributes {
            writer.key("sessionAttributes")
            writer.value(.object(sessionAttributes))
        }
        writer.key("response")
        response.write(to: &writer)
        writer.endObject()
    }
}

/// `response`: speech, card, reprompt, directives, and whether the session ends.
public struct Response: Sendable, Hashable {
    /// What Alexa says.
    public var outputSpeech: OutputSpeech?
    /// A card for the Alexa app.
    public var card: Card?
    /// What Alexa says if the user does not answer.
    public var reprompt: OutputSpeech?
    /// Directives, in order.
    public var directives: [Directive]
    /// `true` ends the session, `false` keeps the microphone open, nil lets the device decide.
    public var shouldEndSession: Bool?
    /// The answer to a CanFulfillIntentRequest.
    public var canFulfillIntent: CanFulfillIntentAnswer?

    /// Creates a response.
    /// - Parameters:
    ///   - outputSpeech: the speech.
    ///   - card: the card.
    ///   - reprompt: the reprompt.
    ///   - directives: the directives.
    ///   - shouldEndSession: whether the session ends.
    ///   - canFulfillIntent: the can-fulfill answer.
    public init(
        outputSpeech: OutputSpeech? = nil, card: Card? = nil, reprompt: OutputSpeech? = nil, directives: [Directive] = [],
        shouldEndSession: Bool? = nil, canFulfillIntent: CanFulfillIntentAnswer? = nil
    ) {
        self.outputSpeech = outputSpeech
        self.card = card
        self.reprompt = reprompt
        self.directives = directives
        self.shouldEndSession = shouldEndSession
        self.canFulfillIntent = canFulfillIntent
    }

    /// An empty response: what a SessionEndedRequest and most events get.
    public static var empty: Response { Response() }

    /// Whether the response carries nothing but (possibly) `shouldEndSession`.
    public var isEmpty: Bool {
        outputSpeech == nil && card == nil && reprompt == nil && directives.isEmpty && canFulfillIntent == nil
    }

    /// Writes the `response` object.
    /// - Parameter writer: the JSON writer.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("outputSpeech", ifPresent: outputSpeech)
        writer.member("card", ifPresent: card)
        if let reprompt {
            writer.key("reprompt")
            writer.beginObject()
            writer.key("outputSpeech")
            reprompt.write(to: &writer)
            writer.endObject()
        }
        if !directives.isEmpty {
            writer.key("directives")
            writer.beginArray()
            for directive in directives { directive.write(to: &writer) }
            writer.endArray()
        }
        writer.member("canFulfillIntent", ifPresent: canFulfillIntent)
        writer.member("shouldEndSession", ifPresent: shouldEndSession)
        writer.endObject()
    }
}

extension OutputSpeech: JSONWritable {}

extension Card: JSONWritable {}

extension CanFulfillIntentAnswer: JSONWritable {}
