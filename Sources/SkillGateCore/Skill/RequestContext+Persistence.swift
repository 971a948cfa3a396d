import Synchronization

extension RequestContext {
    /// The request's persistent attributes, kept between sessions in the skill's
    /// ``Skill/persistence`` store: `try await context.persistentAttributes()` reads them,
    /// `.set(_:)`, `.update { … }` and `.delete()` change them (see ``PersistentAttributes``).
    /// Linked contexts reach it the same way, e.g. `context.persistentAttributes["lastDestination"]`.
    public var persistentAttributes: PersistentAttributes {
        PersistentAttributes(session: storage.persistence.withLock { $0 })
    }

    /// Installs the session a request's attributes go through (one per attempt).
    func install(_ session: PersistenceSession) {
        storage.persistence.withLock { $0 = session }
    }

    /// Drops the request's unsaved attribute changes: its handler failed.
    func discardPersistentChanges() {
        storage.persistence.withLock { $0 }?.discard()
    }
}
