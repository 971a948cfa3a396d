/// Why a call to an Alexa service API (`context.alexa…`) failed.
///
/// A permission denial (HTTP 403 from the Device Address or Customer Profile API) speaks for
/// itself: a handler that lets it propagate answers with the consent card for that API's
/// permission, as a route's ``PermissionRequirement`` would. Every other kind is an ordinary
/// error: catch it to say something specific, or let it propagate to the skill's `OnError`
/// route or its spoken apology.
///
/// ```swift
/// do throws(AlexaAPIError) {
///     let address = try await context.alexa.deviceAddress()
///     …
/// } catch where error.kind == .timedOut {
///     return .tell("I couldn't find your address in time. Please try again.")
/// }
/// ```
public struct AlexaAPIError: Error, SpeakableError, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// 403: the user has not granted (or has revoked) this permission.
        case permissionDenied(Permission)
        /// 401 (or 403 from an API that needs no permission): Alexa rejected the request's
        /// `apiAccessToken`, which is valid only with the request it came in (a replayed request?).
        case unauthorized
        /// 429, a 5xx status, or no response at all (status nil: the connection failed): try later.
        case serviceUnavailable(status: Int?)
        /// Another status the API does not document for this call (400, 404, 405, …).
        case unexpectedStatus(Int)
        /// No complete answer within the call's timeout or before the handler's deadline.
        case timedOut
        /// The API answered 2xx with a body that is not what it documents.
        case malformedResponse
        /// The request does not say where or how to call: no `context.System.apiEndpoint` (or not
        /// `https`), no `apiAccessToken`, or no device ID for the Device Address API.
        case noEndpoint
        /// This skill has no way to call out: no transport was configured.
        case transportUnavailable
    }

    /// What went wrong.
    public let kind: Kind
    /// The API that was called, e.g. `Device Address API`.
    public let api: String
    /// An actionable explanation (never a token).
    public let message: String
    /// The consent reply, for ``Kind/permissionDenied(_:)``.
    let consentReply: SkillResponse?
    /// The skill's name, for the apology of the other kinds.
    let skillName: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: what went wrong.
    ///   - api: the API's name.
    ///   - message: the explanation.
    ///   - context: the request (its locale and skill name shape the spoken reply).
    public init(_ kind: Kind, api: String, message: String, context: RequestContext) {
        self.kind = kind
        self.api = api
        self.message = message
        self.skillName = context.skillName
        if case .permissionDenied(let permission) = kind {
            consentReply = PermissionRequirement.consentReply(for: [permission], prompt: nil, context: context)
        } else {
            consentReply = nil
        }
    }

    /// `Device Address API: …`.
    public var description: String { "\(api): \(message)" }

    /// The consent card and its speech for a permission denial; for the other kinds, the
    /// localized default apology (SkillGate itself answers those through the skill's `OnError`
    /// route or its configured apology, see ``speaksForItself``).
    /// - Parameter locale: the request's locale.
    /// - Returns: the reply.
    public func response(locale: String) -> SkillResponse {
        if let consentReply { return consentReply }
        return .tell(DefaultMessages.error.substituting(skillName: skillName).text(for: locale))
    }

    /// True only for a permission denial: the other kinds take the ordinary error path.
    public var speaksForItself: Bool { consentReply != nil }
}
