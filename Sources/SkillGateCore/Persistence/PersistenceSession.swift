import Synchronization

/// One request's persistent attributes: loaded from the store the first time a handler asks (and
/// never more than once, however many tasks ask), changed in memory, and written back once by
/// ``PersistenceMiddleware`` after the handler, conditionally on the version loaded.
final class PersistenceSession: Sendable {
    /// What ``commit()`` did.
    enum Outcome: Sendable {
        /// Nothing to write: not loaded, unchanged, discarded, or the request was cancelled.
        case unchanged
        /// Written (or deleted).
        case saved
        /// Another request wrote first.
        case conflict(PersistenceError)
        /// The store failed.
        case failed(PersistenceError)
    }

    private enum Load {
        case idle
        case loading(waiters: [CheckedContinuation<Void, Never>])
        case loaded(StoredAttributes)
        case failed(PersistenceError)
    }

    private struct State {
        var load = Load.idle
        var current = JSONObject()
        var deleteRequested = false
        var discarded = false
    }

    private let store: any PersistenceStore
    private let key: Result<String, PersistenceError>
    private let unavailableReply: LocalizedText
    private let errorReply: LocalizedText
    private let state = Mutex(State())

    /// Creates the session for a request.
    /// - Parameters:
    ///   - configuration: the skill's persistence.
    ///   - envelope: the request, which names the key.
    ///   - unavailableReply: what a transient failure speaks.
    ///   - errorReply: what any other failure speaks.
    init(configuration: PersistenceConfiguration, envelope: RequestEnvelope, unavailableReply: LocalizedText, errorReply: LocalizedText) {
        store = configuration.store
        self.unavailableReply = unavailableReply
        self.errorReply = errorReply
        if let key = configuration.key.key(for: envelope) {
            self.key = .success(key)
        } else {
            self.key = .failure(
                PersistenceError(
                    .missingKey,
                    "the request has no \(configuration.key.name) to store persistent attributes under; choose another key in PersistenceConfiguration(key:)"
                ).speaking(errorReply))
        }
    }

    /// The attributes as they are now in this request.
    func attributes() async throws(PersistenceError) -> JSONObject {
        try await loadOnce()
        return state.withLock { $0.current }
    }

    /// Replaces the attributes.
    func set(_ attributes: JSONObject) async throws(PersistenceError) {
        try await loadOnce()
        state.withLock { state in
            state.current = attributes
            state.deleteRequested = false
        }
    }

    /// Changes the attributes in place, atomically with respect to other tasks of the request.
    func update<Result: Sendable>(_ body: (inout JSONObject) -> Result) async throws(PersistenceError) -> Result {
        try await loadOnce()
        return state.withLock { state in body(&state.current) }
    }

    /// Empties the attributes and deletes the stored item when the request ends.
    func delete() async throws(PersistenceError) {
        try await loadOnce()
        state.withLock { state in
            state.current = [:]
            state.deleteRequested = true
        }
    }

    /// Drops this request's changes (its handler failed).
    func discard() {
        state.withLock { $0.discarded = true }
    }

    /// Writes the changes, if any, conditionally on the version loaded.
    func commit() async -> Outcome {
        enum Write {
            case none
            case put(JSONObject, expected: UInt64)
            case delete(expected: UInt64)
        }
        let write = state.withLock { state -> Write in
            guard !state.discarded, case .loaded(let stored) = state.load else { return .none }
            if state.deleteRequested && state.current.isEmpty {
                let nothingStored = stored.version == 0 && stored.attributes.isEmpty
                return nothingStored ? .none : .delete(expected: stored.version)
            }
            return state.current == stored.attributes ? .none : .put(state.current, expected: stored.version)
        }
        guard case .success(let key) = key, !Task.isCancelled else { return .unchanged }
        do throws(PersistenceError) {
            switch write {
            case .none: return .unchanged
            case .put(let attributes, let expected): _ = try await store.put(attributes, for: key, expectedVersion: expected)
            case .delete(let expected): try await store.delete(key, expectedVersion: expected)
            }
            return .saved
        } catch {
            let spoken = speaking(error)
            return error.code == .conflict ? .conflict(spoken) : .failed(spoken)
        }
    }

    /// The error with the reply the user should hear.
    func speaking(_ error: PersistenceError) -> PersistenceError {
        error.speaking(error.isTransient ? unavailableReply : errorReply)
    }

    /// Loads on the first call; later and concurrent calls share that one load and its outcome.
    private func loadOnce() async throws(PersistenceError) {
        enum Step {
            case ready
            case failed(PersistenceError)
            case load
            case wait
        }
        while true {
            let step = state.withLock { state -> Step in
                switch state.load {
                case .idle:
                    state.load = .loading(waiters: [])
                    return .load
                case .loading: return .wait
                case .loaded: return .ready
                case .failed(let error): return .failed(error)
                }
            }
            switch step {
            case .ready: return
            case .failed(let error): throw error
            case .load: await load()
            case .wait: await waitForLoad()
            }
        }
    }

    private func load() async {
        let result: Result<StoredAttributes, PersistenceError>
        do throws(PersistenceError) {
            result = .success(try await store.get(try key.get()))
        } catch {
            result = .failure(speaking(error))
        }
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard case .loading(let waiters) = state.load else { return [] }
            switch result {
            case .success(let stored):
                state.load = .loaded(stored)
                state.current = stored.attributes
            case .failure(let error):
                state.load = .failed(error)
            }
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func waitForLoad() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finished = state.withLock { state -> Bool in
                guard case .loading(var waiters) = state.load else { return true }
                waiters.append(continuation)
                state.load = .loading(waiters: waiters)
                return false
            }
            if finished { continuation.resume() }
        }
    }
}
