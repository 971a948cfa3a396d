/// Where a request's account-linking token was found.
///
/// The rule (Amazon's personalization and person-level account-linking documentation): when
/// Alexa recognises the speaker and that person linked their own account,
/// `context.System.person.accessToken` is the token to use; otherwise the account holder's
/// `context.System.user.accessToken`; the official SDKs read nothing else, but inside a session
/// the same token also travels in `session.user.accessToken`, used as the last fallback.
public enum AccessTokenSource: String, Sendable, Hashable {
    /// `context.System.person.accessToken`: the recognised speaker's own link.
    case person
    /// `context.System.user.accessToken`: the account holder's link.
    case user
    /// `session.user.accessToken`: the session's copy of the user's link.
    case session
}
