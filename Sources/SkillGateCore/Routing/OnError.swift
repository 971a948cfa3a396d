/// Answers when a handler throws an error that does not speak for itself (not a
/// ``SpeakableError``, or one whose ``SpeakableError/speaksForItself`` is false, such as an
/// ``AlexaAPIError`` other than a permission denial). If this handler throws too, SkillGate
/// speaks its localized apology.
public struct OnError: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// Declares the error handler.
    /// - Parameter handler: builds the reply for an error.
    public init(_ handler: @escaping @Sendable (any Error, RequestContext) async throws -> SkillResponse) {
        route = Route(triggers: [.error], linking: .public, body: .errorHandler(handler))
    }
}
