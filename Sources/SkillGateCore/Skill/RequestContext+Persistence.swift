import Synchronization

extension RequestContext {
    /// The request's persistent attributes, kept between sessions in the skill's
    /// ``Skill/persistence`` store: `try await context.persistentAttributes()` reads them,
    /// `.set(_:)`, `.update { … }` and `.delete()` change them (see ``PersistentAttributes``).
    /// Linked contexts reach it the same way, e.g. `context.persistentAttributes["lastDestination"]`.
    public var persistentAttributes: PersistentAttributes {
        PersistentAttributes(session: storage.persistence.withLock { $0.open(envelope: storage.envelope) })
    }

    /// Gives the request a fresh session (one per attempt), opened on the first use of
    /// ``persistentAttributes``: a request whose handler never touches its attributes costs nothing.
    func preparePersistence(_ middleware: PersistenceMiddleware) {
        storage.persistence.withLock { $0 = .prepared(middleware) }
    }

    /// The session the request opened since ``preparePersistence(_:)``, if it used its attributes.
    var openedPersistenceSession: PersistenceSession? {
        storage.persistence.withLock { slot in
            guard case .opened(let session) = slot else { return nil }
            return session
        }
    }

    /// Drops the request's unsaved attribute changes: its handler failed.
    func discardPersistentChanges() {
        openedPersistenceSession?.discard()
    }
}

/// A request's persistence: none (the skill declares none), prepared by the middleware, or opened
/// by the first use of the attributes.
enum PersistenceSlot: Sendable {
    case none
    case prepared(PersistenceMiddleware)
    case opened(PersistenceSession)

    /// The session, opening it if it is only prepared; nil without persistence.
    mutating func open(envelope: RequestEnvelope) -> PersistenceSession? {
        switch self {
        case .none:
            return nil
        case .opened(let session):
            return session
        case .prepared(let middleware):
            let session = middleware.makeSession(for: envelope)
            self = .opened(session)
            return session
        }
    }
}
