/// An error that knows what to say to the user. When a handler throws one, SkillGate speaks its
/// reply instead of the generic apology (and still logs the error).
public protocol SpeakableError: Error {
    /// The reply for the user.
    /// - Parameter locale: the request's locale.
    func response(locale: String) -> SkillResponse
}
