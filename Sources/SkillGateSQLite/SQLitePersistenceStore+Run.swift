import Dispatch
import SkillGateCore
import Synchronization

/// Where the store's SQLite calls run.
///
/// A read first tries the open connection right here, without waiting for anything (busy timeout
/// 0): in WAL mode a read never waits for a writer and touches no disk it has not cached, so the
/// common read never changes threads. Writes — which wait for other processes' locks and for the
/// disk (fsync) — and reads that could not go ahead (connection in use or not open yet, database
/// busy) run on the store's queue, where they may wait up to the busy timeout without holding a
/// cooperative thread. A call that found the database busy made no change, so running it again on
/// the queue is safe.
extension SQLitePersistenceStore {
    /// Runs `body` with the connection, opening it first if needed.
    /// - Parameters:
    ///   - reading: whether `body` only reads (and may run here, if it need not wait).
    ///   - body: the SQLite work.
    func run<Value: Sendable>(
        reading: Bool = false, _ body: @escaping @Sendable (SQLiteConnection) throws(SQLiteFailure) -> Value
    ) async throws(PersistenceError) -> Value {
        if let configurationError { throw configurationError }
        let quick = connection.withLockIfAvailable { connection -> Result<Value, SQLiteFailure>? in
            guard reading, let open = connection else { return nil }
            open.setBusyTimeout(milliseconds: 0)
            return attempt(body, on: &connection, waiting: false)
        }
        let result: Result<Value, SQLiteFailure>
        if let done = quick ?? nil {
            result = done
        } else {
            result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Value, SQLiteFailure>, Never>) in
                queue.async {
                    continuation.resume(
                        returning: self.connection.withLock { connection -> Result<Value, SQLiteFailure> in
                            self.attempt(body, on: &connection, waiting: true) ?? .failure(SQLiteFailure("open", reason: "no connection"))
                        })
                }
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let failure): throw unavailable(failure)
        }
    }

    /// One try: the result, or nil when the database was busy and `waiting` is false.
    private func attempt<Value>(
        _ body: (SQLiteConnection) throws(SQLiteFailure) -> Value, on connection: inout SQLiteConnection?, waiting: Bool
    ) -> Result<Value, SQLiteFailure>? {
        do throws(SQLiteFailure) {
            if connection == nil {
                connection = try SQLiteConnection(
                    path: path, table: table, busyTimeoutMilliseconds: busyTimeoutMilliseconds, durability: durability)
            }
            guard let open = connection else { return nil }
            if waiting { open.setBusyTimeout(milliseconds: busyTimeoutMilliseconds) }
            return .success(try body(open))
        } catch {
            if error.isBusy && !waiting { return nil }
            // Anything but a busy database may mean a broken connection: reopen next time.
            if !error.isBusy { connection = nil }
            return .failure(error)
        }
    }

    var busyTimeoutMilliseconds: Int32 {
        let (seconds, attoseconds) = busyTimeout.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
