/// An error that knows what to say to the user. When a handler throws one, SkillGate speaks its
/// reply instead of the generic apology (and still logs the error).
public protocol SpeakableError: Error {
    /// The reply for the user.
    /// - Parameter locale: the request's locale.
    func response(locale: String) -> SkillResponse

    /// Whether SkillGate answers with ``response(locale:)``; true unless the type says otherwise.
    /// An error type that speaks for only some of its cases (``AlexaAPIError`` speaks the consent
    /// card for a permission denial) returns false for the rest, which then go to the skill's
    /// `OnError` route or its apology like any other error.
    var speaksForItself: Bool { get }
}

extension SpeakableError {
    /// True: the error's reply is spoken.
    public var speaksForItself: Bool { true }
}
