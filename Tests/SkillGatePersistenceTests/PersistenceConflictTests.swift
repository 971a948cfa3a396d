import SkillGate
import SkillGateSQLite
import SkillGateTesting
import Testing

/// Nothing lost: saves are conditional on the version read, and a conflict reruns the request once.
struct PersistenceConflictTests {
    static let user = "amzn1.ask.account.TESTUSER"

    /// A skill whose RacedCountIntent sees another writer (a second connection to the same file)
    /// add 100 between its read and its save, on the attempts listed.
    static func racedSkill(_ path: String, interfereOn attempts: Set<Int>, policy: PersistenceConfiguration.ConflictPolicy = .retryOnce)
        throws -> MemorySkill
    {
        let other = SQLitePersistenceStore(path: path)
        return MemorySkill(
            persistence: PersistenceConfiguration(store: SQLitePersistenceStore(path: path), conflictPolicy: policy),
            interference: { attempt in
                guard attempts.contains(attempt), let stored = try? await other.get(user) else { return }
                let count = stored.attributes["count"]?.intValue ?? 0
                _ = try? await other.put(["count": .integer(count + 100)], for: user, expectedVersion: stored.version)
            })
    }

    @Test("a save that conflicts runs the handler again with fresh attributes, and both changes survive")
    func retriesOnce() async throws {
        let folder = try TemporaryFolder()
        let skill = try Self.racedSkill(folder.database, interfereOn: [1])
        let response = await (try SkillTester(skill)).send(.intent("RacedCountIntent"))
        #expect(response.speech == "count 101")
        #expect(skill.attempts.value == 2)
        #expect(try await SQLitePersistenceStore(path: folder.database).get(Self.user).attributes == ["count": 101])
    }

    @Test("a second conflict answers 'try again later', keeps the other writer's data, and logs the typed error without data")
    func conflictsTwice() async throws {
        let folder = try TemporaryFolder()
        let log = LogLines()
        let skill = try Self.racedSkill(folder.database, interfereOn: [1, 2])
        let response = await (try SkillTester(skill, logger: log.logger)).send(.intent("RacedCountIntent"))
        #expect(response.speech == "Sorry, Memory Test can't reach your saved information right now. Please try again in a little while.")
        #expect(response.cardType == nil)
        #expect(response.shouldEndSession == true)
        #expect(skill.attempts.value == 2)
        #expect(try await SQLitePersistenceStore(path: folder.database).get(Self.user).attributes == ["count": 200])
        #expect(log.all.contains("persistence conflict"), "\(log.all)")
        #expect(log.all.contains("again after a retry"), "\(log.all)")
        #expect(!log.all.contains(Self.user) && !log.all.contains("200"), "no key or data in the log: \(log.all)")
    }

    @Test("with the .fail policy a conflict is not retried")
    func failPolicy() async throws {
        let folder = try TemporaryFolder()
        let skill = try Self.racedSkill(folder.database, interfereOn: [1], policy: .fail)
        let response = await (try SkillTester(skill)).send(.intent("RacedCountIntent"))
        #expect(response.speech?.hasPrefix("Sorry, Memory Test can't reach your saved information") == true)
        #expect(skill.attempts.value == 1)
        #expect(try await SQLitePersistenceStore(path: folder.database).get(Self.user).attributes == ["count": 100])
    }
}
