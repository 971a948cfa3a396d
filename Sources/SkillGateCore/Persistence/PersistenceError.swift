/// Why persistent attributes could not be read or written, with a message a person can act on.
///
/// Messages name the store, the key strategy and what to check; they never contain the
/// attributes, the key's value or a credential, so they are safe to log. Thrown into a handler,
/// the error speaks for itself (it is a ``SpeakableError``): a store that is down or a write that
/// kept conflicting gets the skill's localized "try again later", never a link prompt.
public struct PersistenceError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's name, e.g. `unavailable`.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The store could not be reached or failed (a database that cannot be opened, a
        /// network error, throttling, an AWS error): transient, so the user hears "try again later".
        public static let unavailable = Code("unavailable")
        /// The attributes changed since this request read them, and the retry (if any) conflicted too.
        public static let conflict = Code("conflict")
        /// The request carries no value for the configured key (no userId, no deviceId).
        public static let missingKey = Code("missingKey")
        /// What is stored is not a JSON object, or cannot be written as one.
        public static let invalidData = Code("invalidData")
        /// The skill declares no persistence, or the store is configured wrongly.
        public static let invalidConfiguration = Code("invalidConfiguration")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong and what to check; never the attributes or a secret.
    public let message: String
    /// What the user hears when this error ends a request; set by the runner from the skill's messages.
    var reply: LocalizedText?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind.
    ///   - message: the explanation, free of user data and secrets.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `persistence <code>: <message>`.
    public var description: String { "persistence \(code): \(message)" }

    /// Whether trying again later may succeed (`.unavailable` and `.conflict`).
    public var isTransient: Bool { code == .unavailable || code == .conflict }

    /// A copy that speaks `reply`.
    func speaking(_ reply: LocalizedText) -> PersistenceError {
        var copy = self
        copy.reply = reply
        return copy
    }
}

extension PersistenceError: SpeakableError {
    /// The skill's "try again later" for transient failures, its error reply otherwise; with no
    /// skill messages attached, SkillGate's localized apology.
    /// - Parameter locale: the request's locale.
    public func response(locale: String) -> SkillResponse {
        .tell((reply ?? DefaultMessages.error).text(for: locale))
    }
}
