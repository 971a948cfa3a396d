/// What a handler returns: a response and, optionally, new session attributes.
///
/// Start from a factory (`.tell`, `.ask`, `.empty`, `.delegate`, …) and refine with modifiers
/// that return copies (`.card(…)`, `.sessionAttributes(…)`, …). Session attributes from the request
/// are carried over unless the handler sets them.
public struct SkillResponse: Sendable, Hashable {
    /// The response proper.
    public var response: Response
    /// New session attributes; nil carries over the request's.
    public var sessionAttributes: JSONObject?

    /// Creates a response.
    /// - Parameters:
    ///   - response: the response.
    ///   - sessionAttributes: new session attributes, or nil to carry over the request's.
    public init(response: Response, sessionAttributes: JSONObject? = nil) {
        self.response = response
        self.sessionAttributes = sessionAttributes
    }

    /// Says something and ends the session.
    /// - Parameter text: plain text to speak.
    public static func tell(_ text: String) -> SkillResponse {
        SkillResponse(response: Response(outputSpeech: .plainText(text), shouldEndSession: true))
    }

    /// Says SSML and ends the session.
    /// - Parameter ssml: the markup; interpolated text is escaped.
    public static func tell(ssml: SSML) -> SkillResponse {
        SkillResponse(response: Response(outputSpeech: .ssml(ssml.document), shouldEndSession: true))
    }

    /// Asks something and keeps the microphone open.
    /// - Parameters:
    ///   - text: plain text to speak.
    ///   - reprompt: what to say if the user does not answer; the question again by default.
    public static func ask(_ text: String, reprompt: String? = nil) -> SkillResponse {
        SkillResponse(
            response: Response(outputSpeech: .plainText(text), reprompt: .plainText(reprompt ?? text), shouldEndSession: false))
    }

    /// Asks in SSML and keeps the microphone open.
    /// - Parameters:
    ///   - ssml: the question.
    ///   - reprompt: the reprompt; the question again by default.
    public static func ask(ssml: SSML, reprompt: SSML? = nil) -> SkillResponse {
        SkillResponse(
            response: Response(outputSpeech: .ssml(ssml.document), reprompt: .ssml((reprompt ?? ssml).document), shouldEndSession: false))
    }

    /// An empty response: no speech, no card; the session's end is left to Alexa.
    public static var empty: SkillResponse { SkillResponse(response: .empty) }

    /// The account-linking reply: the prompt, a LinkAccount card, the session ends, no reprompt.
    /// - Parameter prompt: speech that explains why linking helps and points to the Alexa app.
    public static func linkAccount(_ prompt: String) -> SkillResponse {
        SkillResponse(response: Response(outputSpeech: .plainText(prompt), card: .linkAccount, shouldEndSession: true))
    }

    /// Asks for customer permissions: the speech and an AskForPermissionsConsent card; the session ends.
    /// - Parameters:
    ///   - prompt: speech that explains why the permission helps.
    ///   - permissions: scopes such as `read::alexa:device:all:address`.
    public static func askForPermissions(_ prompt: String, permissions: [String]) -> SkillResponse {
        SkillResponse(
            response: Response(
                outputSpeech: .plainText(prompt), card: .askForPermissionsConsent(permissions: permissions), shouldEndSession: true))
    }

    /// The answer to a CanFulfillIntentRequest: no speech, no state change.
    /// - Parameter answer: the verdicts.
    public static func canFulfill(_ answer: CanFulfillIntentAnswer) -> SkillResponse {
        SkillResponse(response: Response(canFulfillIntent: answer))
    }

    /// `Dialog.Delegate`: Alexa drives the next turn.
    /// - Parameter updatedIntent: the intent with changed slots, if any.
    public static func delegate(updatedIntent: AlexaIntent? = nil) -> SkillResponse {
        SkillResponse(response: Response(directives: [.dialogDelegate(updatedIntent: updatedIntent)], shouldEndSession: false))
    }

    /// `Dialog.ElicitSlot`: asks for a slot's value.
    /// - Parameters:
    ///   - slot: the slot to ask for.
    ///   - prompt: the question.
    ///   - updatedIntent: the intent with changed slots, if any.
    public static func elicitSlot(_ slot: String, prompt: String, updatedIntent: AlexaIntent? = nil) -> SkillResponse {
        ask(prompt).directive(.elicitSlot(slot, updatedIntent: updatedIntent))
    }

    /// `Dialog.ConfirmSlot`: asks the user to confirm a slot.
    /// - Parameters:
    ///   - slot: the slot to confirm.
    ///   - prompt: the question.
    ///   - updatedIntent: the intent with changed slots, if any.
    public static func confirmSlot(_ slot: String, prompt: String, updatedIntent: AlexaIntent? = nil) -> SkillResponse {
        ask(prompt).directive(.confirmSlot(slot, updatedIntent: updatedIntent))
    }

    /// `Dialog.ConfirmIntent`: asks the user to confirm the whole intent.
    /// - Parameters:
    ///   - prompt: the question.
    ///   - updatedIntent: the intent with changed slots, if any.
    public static func confirmIntent(prompt: String, updatedIntent: AlexaIntent? = nil) -> SkillResponse {
        ask(prompt).directive(.confirmIntent(updatedIntent: updatedIntent))
    }
}
