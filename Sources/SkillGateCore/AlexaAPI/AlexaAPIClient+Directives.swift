/// The Directive API: progressive responses, spoken while the handler is still working.
extension AlexaAPIClient {
    static let directiveAPI = "Directive API"

    /// Speaks plain text now (`POST /v1/directives` with a `VoicePlayer.Speak` directive for this
    /// request's ID), e.g. "Looking up your ride…". Alexa allows a few per request, and only
    /// before the skill answers.
    /// - Parameter speech: plain text.
    /// - Throws: ``AlexaAPIError``; never a permission denial. A failed progressive response
    ///   should not fail the request: catch it, log it and carry on.
    public func sendProgressiveResponse(_ speech: String) async throws(AlexaAPIError) {
        try await sendSpeak(speech)
    }

    /// Speaks SSML now (see ``sendProgressiveResponse(_:)``).
    /// - Parameter ssml: the markup; interpolated text is escaped.
    /// - Throws: ``AlexaAPIError``.
    public func sendProgressiveResponse(ssml: SSML) async throws(AlexaAPIError) {
        try await sendSpeak(ssml.document)
    }

    private func sendSpeak(_ speech: String) async throws(AlexaAPIError) {
        let requestId = context.envelope.request.header.requestId
        guard !requestId.isEmpty else {
            throw fail(.noEndpoint, Self.directiveAPI, "the request has no requestId for the progressive response to name")
        }
        guard endpoint != nil else { throw noEndpoint(Self.directiveAPI) }
        var writer = JSONWriter(capacity: 128 + speech.utf8.count)
        writer.beginObject()
        writer.key("header")
        writer.beginObject()
        writer.member("requestId", requestId)
        writer.endObject()
        writer.key("directive")
        writer.beginObject()
        writer.member("type", "VoicePlayer.Speak")
        writer.member("speech", speech)
        writer.endObject()
        writer.endObject()
        _ = try await call(Self.directiveAPI, method: "POST", path: "/v1/directives", body: writer.bytes, permission: nil)
    }
}
