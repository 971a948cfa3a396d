/// How a skill keeps attributes between sessions: the store, the key, and what happens when two
/// requests change the same attributes at once. A skill declares one in ``Skill/persistence``:
///
/// ```swift
/// var persistence: PersistenceConfiguration? {
///     PersistenceConfiguration(store: store, key: .userId)   // store: SQLitePersistenceStore, DynamoDBPersistenceStore…
/// }
/// ```
///
/// Handlers then read and change `context.persistentAttributes` (see ``PersistentAttributes``).
/// Attributes are loaded at most once per request, only when a handler asks, and saved after the
/// handler only when they changed; the save is conditional on the version read.
public struct PersistenceConfiguration: Sendable {
    /// What happens when the save finds the attributes changed since the handler read them.
    public enum ConflictPolicy: Sendable, Hashable {
        /// Run the request again once with fresh attributes (the default). The handler runs twice,
        /// so anything it does besides changing attributes should be safe to repeat.
        case retryOnce
        /// Answer with ``PersistenceError/Code/conflict`` (the user hears "try again later") and
        /// keep what the other request wrote.
        case fail
    }

    /// Where the attributes live.
    public var store: any PersistenceStore
    /// Which request field they are stored under; `.userId` by default.
    public var key: PersistenceKey
    /// What a conflicting save does; `.retryOnce` by default.
    public var conflictPolicy: ConflictPolicy
    /// What the user hears when the store is down or a save kept conflicting; nil uses the
    /// localized default ("Sorry, {name} can't reach your saved information right now…").
    public var unavailableMessage: LocalizedText?

    /// Creates a configuration.
    /// - Parameters:
    ///   - store: the store.
    ///   - key: the key strategy; `.userId` (the ASK SDKs' default) unless given.
    ///   - conflictPolicy: `.retryOnce` unless given.
    ///   - unavailableMessage: the "try again later" reply; nil for the localized default.
    public init(
        store: any PersistenceStore, key: PersistenceKey = .userId, conflictPolicy: ConflictPolicy = .retryOnce,
        unavailableMessage: LocalizedText? = nil
    ) {
        self.store = store
        self.key = key
        self.conflictPolicy = conflictPolicy
        self.unavailableMessage = unavailableMessage
    }
}
