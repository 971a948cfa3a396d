/// A request's persistent attributes: a JSON object kept between sessions, per user by default
/// (see ``PersistenceConfiguration``). Every context has one as `context.persistentAttributes`:
///
/// ```swift
/// Launch(linking: .optional) { context in
///     if let place = try await context.persistentAttributes["lastDestination"]?.stringValue {
///         return .ask("Last time you went to \(place). Same again?")
///     }
///     return .ask("Where to?")
/// }
/// Intent("AMAZON.YesIntent", linking: .required) { _, context in
///     try await context.persistentAttributes.update { $0["lastDestination"] = "home" }
///     return .tell("Booked.")
/// }
/// ```
///
/// - The store is read at most once per request, and only if the handler asks; concurrent tasks
///   of one request share that read.
/// - Changes stay in memory until the handler returns; then they are written once, only if the
///   attributes changed, conditionally on the version read. If another request wrote first, the
///   request runs again once with fresh attributes (``PersistenceConfiguration/ConflictPolicy``).
/// - Nothing is written when the handler throws or runs out of time.
/// - A store that is down makes these methods throw ``PersistenceError``; let it propagate and the
///   user hears the skill's localized "try again later" (never a link prompt).
///
/// Session attributes (``RequestContext/sessionAttributes``) are unaffected: they still travel
/// with the response.
public struct PersistentAttributes: Sendable {
    let session: PersistenceSession?

    /// The attributes as this request sees them (loading them on first use).
    /// - Returns: the object; empty when nothing is stored.
    /// - Throws: ``PersistenceError`` when the store cannot be read or the skill declares no persistence.
    public func callAsFunction() async throws(PersistenceError) -> JSONObject {
        try await current().attributes()
    }

    /// One attribute, e.g. `try await context.persistentAttributes["lastDestination"]`.
    /// - Parameter key: the attribute's name.
    public subscript(key: String) -> JSONValue? {
        get async throws(PersistenceError) { try await current().attributes()[key] }
    }

    /// Replaces all the attributes; they are written after the handler.
    /// - Parameter attributes: the new object.
    /// - Throws: ``PersistenceError`` when the store cannot be read (the version is needed to write).
    public func set(_ attributes: JSONObject) async throws(PersistenceError) {
        try await current().set(attributes)
    }

    /// Changes the attributes in place; the change is written after the handler.
    /// - Parameter body: edits the object; runs once, atomically with respect to other tasks of
    ///   this request.
    /// - Returns: what `body` returns.
    /// - Throws: ``PersistenceError`` when the store cannot be read.
    @discardableResult
    public func update<Result: Sendable>(_ body: (inout JSONObject) -> Result) async throws(PersistenceError) -> Result {
        try await current().update(body)
    }

    /// Deletes the stored attributes when the request ends (a later ``set(_:)`` or ``update(_:)``
    /// in the same request writes instead).
    /// - Throws: ``PersistenceError`` when the store cannot be read.
    public func delete() async throws(PersistenceError) {
        try await current().delete()
    }

    private func current() throws(PersistenceError) -> PersistenceSession {
        guard let session else {
            throw PersistenceError(
                .invalidConfiguration,
                "this skill declares no persistence: add `var persistence: PersistenceConfiguration? { PersistenceConfiguration(store: …) }` to the Skill"
            )
        }
        return session
    }
}
