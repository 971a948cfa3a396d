/// The outcome of handling one request: exactly one answer, ready to send.
public struct SkillResult: Sendable {
    /// Whether the request got a response or was rejected before any handler ran.
    public enum Outcome: Sendable {
        /// A response envelope (its JSON is ``SkillResult/body``).
        case response(ResponseEnvelope)
        /// Rejected: malformed, wrong skill, stale timestamp (HTTP 400, exit 65, an error line).
        case rejected(SkillError)
    }

    /// What happened.
    public let outcome: Outcome
    /// The JSON to send: the response envelope, or `{"error":{…}}` for a rejection.
    public let body: [UInt8]
    /// Facts for the access log (never the token).
    public let summary: RequestSummary

    /// The rejection, if the request was rejected.
    public var error: SkillError? {
        if case .rejected(let error) = outcome { return error }
        return nil
    }
}

/// Facts about a handled request for access logs and transcripts. Holds no credentials.
public struct RequestSummary: Sendable, Hashable {
    /// The request type, or nil when the body could not be read.
    public var requestType: String?
    /// The intent name for IntentRequest / CanFulfillIntentRequest.
    public var intent: String?
    /// Whether the request carried an access token.
    public var linked: Bool?
    /// Alexa's request ID (`request.requestId`), the key that matches an access-log line with the
    /// handler's own lines (their `requestId` metadata); nil when the body could not be read or
    /// has none.
    public var requestId: String?

    /// Creates a summary.
    /// - Parameters:
    ///   - requestType: the request type.
    ///   - intent: the intent name.
    ///   - linked: whether a token was present.
    ///   - requestId: Alexa's request ID.
    public init(requestType: String? = nil, intent: String? = nil, linked: Bool? = nil, requestId: String? = nil) {
        self.requestType = requestType
        self.intent = intent
        self.linked = linked
        self.requestId = requestId
    }

    /// The summary of a decoded request.
    /// - Parameter envelope: the request.
    public init(envelope: borrowing RequestEnvelope) {
        let requestId = envelope.request.header.requestId
        self.init(
            requestType: envelope.request.type, intent: envelope.request.intentName, linked: envelope.accessToken != nil,
            requestId: requestId.isEmpty ? nil : requestId)
    }

    /// `type=IntentRequest intent=OrderRideIntent linked=yes requestId=amzn1.echo-api.request.…`
    /// pairs for log lines (no `requestId` when the request has none).
    public var logFields: [(String, String)] {
        var fields: [(String, String)] = [("type", requestType ?? "-")]
        if let intent { fields.append(("intent", intent)) }
        fields.append(("linked", linked.map { $0 ? "yes" : "no" } ?? "-"))
        if let requestId { fields.append(("requestId", requestId)) }
        return fields
    }
}
