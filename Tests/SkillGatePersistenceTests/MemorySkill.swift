import Foundation
import SkillGate
import SkillGateSQLite
import Synchronization

/// A skill whose intents exercise `context.persistentAttributes` one way each.
struct MemorySkill: Skill {
    struct Failure: Error {}

    let persistence: PersistenceConfiguration?
    /// Runs inside RacedCountIntent between reading and changing the count, with the attempt number.
    let interference: @Sendable (Int) async -> Void
    let attempts = AttemptCounter()

    init() { self.init(persistence: nil) }

    init(persistence: PersistenceConfiguration?, interference: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.persistence = persistence
        self.interference = interference
    }

    var configuration: SkillConfiguration { SkillConfiguration(name: "Memory Test") }

    var routes: [Route] {
        Intent("ReadIntent", linking: .public) { _, context in
            .tell("count \(try await context.persistentAttributes["count"]?.intValue ?? 0)")
        }
        Intent("ReadManyIntent", linking: .public) { _, context in
            let attributes = context.persistentAttributes
            async let first = attributes()
            async let second = attributes["count"]
            let total = try await (first["count"]?.intValue ?? 0) + (second?.intValue ?? 0) + (attributes()["count"]?.intValue ?? 0)
            return .tell("total \(total)")
        }
        Intent("CountIntent", linking: .public) { _, context in
            let count = try await context.persistentAttributes.update { attributes -> Int in
                let next = (attributes["count"]?.intValue ?? 0) + 1
                attributes["count"] = .integer(next)
                return next
            }
            return .tell("count \(count)")
        }
        Intent("RacedCountIntent", linking: .public) { _, context in
            let attempt = attempts.next()
            let count = try await context.persistentAttributes["count"]?.intValue ?? 0
            await interference(attempt)
            try await context.persistentAttributes.update { $0["count"] = .integer(count + 1) }
            return .tell("count \(count + 1)")
        }
        Intent("SameIntent", linking: .public) { _, context in
            try await context.persistentAttributes.update { $0["count"] = $0["count"] }
            return .tell("same")
        }
        Intent("IgnoreIntent", linking: .public) { _, _ in .tell("ignored") }
        Intent("FailIntent", linking: .public) { _, context in
            try await context.persistentAttributes.update { $0["count"] = 1000 }
            throw Failure()
        }
        Intent("SlowIntent", linking: .public) { _, context in
            try await context.persistentAttributes.update { $0["count"] = 2000 }
            try? await Task.sleep(for: .milliseconds(300))
            return .tell("slow")
        }
        Intent("SetIntent", linking: .public) { request, context in
            try await context.persistentAttributes.set(["place": .string(request.slots["place"]?.value ?? "nowhere")])
            return .tell("set")
        }
        Intent("DeleteIntent", linking: .public) { _, context in
            try await context.persistentAttributes.delete()
            return .tell("forgotten")
        }
        Intent("LinkedCountIntent", linking: .required) { _, context in
            let before = try await context.persistentAttributes()
            guard before["count"]?.intValue ?? 0 < 1000 else { return .tell("too many") }
            let count = try await context.persistentAttributes.update { attributes -> Int in
                let next = (attributes["count"]?.intValue ?? 0) + 1
                attributes["count"] = .integer(next)
                return next
            }
            return .tell("linked count \(count)")
        }
    }
}

/// Counts RacedCountIntent's runs.
final class AttemptCounter: Sendable {
    private let count = Mutex(0)

    func next() -> Int {
        count.withLock { count -> Int in
            count += 1
            return count
        }
    }

    var value: Int { count.withLock { $0 } }
}

/// A real store that counts the calls made to it.
final class CountingStore: PersistenceStore {
    let inner: any PersistenceStore
    let counts = Mutex((gets: 0, puts: 0, deletes: 0))

    init(_ inner: any PersistenceStore) { self.inner = inner }

    func get(_ key: String) async throws(PersistenceError) -> StoredAttributes {
        counts.withLock { $0.gets += 1 }
        return try await inner.get(key)
    }

    func put(_ attributes: JSONObject, for key: String, expectedVersion: UInt64) async throws(PersistenceError) -> UInt64 {
        counts.withLock { $0.puts += 1 }
        return try await inner.put(attributes, for: key, expectedVersion: expectedVersion)
    }

    func delete(_ key: String, expectedVersion: UInt64) async throws(PersistenceError) {
        counts.withLock { $0.deletes += 1 }
        try await inner.delete(key, expectedVersion: expectedVersion)
    }

    var snapshot: (gets: Int, puts: Int, deletes: Int) { counts.withLock { $0 } }
}

/// Every line a logger wrote.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "memory-test", logLevel: .trace) { line in self.lines.withLock { $0.append(line) } }
    }

    var all: String { lines.withLock { $0.joined(separator: "\n") } }
}

/// A fresh database folder per test.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-persistence-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var database: String { path + "/attributes.sqlite" }
}
