import SkillGate
import SkillGateSQLite
import SkillGateTesting
import Testing

/// `context.persistentAttributes` through the runner, on a real SQLite file per test.
struct PersistentAttributesTests {
    static func tester(_ store: any PersistenceStore, key: PersistenceKey = .userId, options: RunnerOptions = RunnerOptions())
        throws -> SkillTester
    {
        try SkillTester(MemorySkill(persistence: PersistenceConfiguration(store: store, key: key)), options: options)
    }

    @Test("a handler that never asks costs no store call at all")
    func untouched() async throws {
        let folder = try TemporaryFolder()
        let store = CountingStore(SQLitePersistenceStore(path: folder.database))
        let response = try await Self.tester(store).send(.intent("IgnoreIntent"))
        #expect(response.speech == "ignored")
        #expect(store.snapshot == (0, 0, 0))
    }

    @Test("reads from several tasks of one request share one load, and an unchanged object is not written")
    func loadsOnce() async throws {
        let folder = try TemporaryFolder()
        let sqlite = SQLitePersistenceStore(path: folder.database)
        _ = try await sqlite.put(["count": 2], for: "amzn1.ask.account.TESTUSER", expectedVersion: 0)
        let store = CountingStore(sqlite)
        let tester = try Self.tester(store)
        #expect(await tester.send(.intent("ReadManyIntent")).speech == "total 6")
        #expect(store.snapshot == (1, 0, 0))
        #expect(await tester.send(.intent("SameIntent")).speech == "same")
        #expect(store.snapshot == (2, 0, 0), "an update that changes nothing writes nothing")
    }

    @Test("a change is written once after the handler, and the next request sees it")
    func savesChanges() async throws {
        let folder = try TemporaryFolder()
        let store = CountingStore(SQLitePersistenceStore(path: folder.database))
        let tester = try Self.tester(store)
        #expect(await tester.send(.intent("CountIntent")).speech == "count 1")
        #expect(await tester.send(.intent("CountIntent")).speech == "count 2")
        #expect(store.snapshot == (2, 2, 0))
        #expect(await tester.send(.intent("CountIntent").user("amzn1.ask.account.OTHER")).speech == "count 1", "per user")
        let stored = try await SQLitePersistenceStore(path: folder.database).get("amzn1.ask.account.TESTUSER")
        #expect(stored == StoredAttributes(attributes: ["count": 2], version: 2))
    }

    @Test("session attributes still travel with the response, untouched by persistence")
    func sessionAttributesUnchanged() async throws {
        let folder = try TemporaryFolder()
        let tester = try Self.tester(SQLitePersistenceStore(path: folder.database))
        let response = await tester.send(.intent("CountIntent", newSession: false, sessionAttributes: ["turn": 3]))
        #expect(response.sessionAttributes == ["turn": 3])
    }

    @Test("set replaces the object, delete removes the stored item, and deleting nothing writes nothing")
    func setAndDelete() async throws {
        let folder = try TemporaryFolder()
        let sqlite = SQLitePersistenceStore(path: folder.database)
        let store = CountingStore(sqlite)
        let tester = try Self.tester(store)
        _ = await tester.send(.intent("CountIntent"))
        #expect(await tester.send(.intent("SetIntent", slots: ["place": "home"])).speech == "set")
        #expect(try await sqlite.get("amzn1.ask.account.TESTUSER").attributes == ["place": "home"])
        #expect(await tester.send(.intent("DeleteIntent")).speech == "forgotten")
        #expect(try await sqlite.get("amzn1.ask.account.TESTUSER") == StoredAttributes())
        let before = store.snapshot
        #expect(await tester.send(.intent("DeleteIntent")).speech == "forgotten")
        #expect(store.snapshot.deletes == before.deletes, "nothing stored, nothing to delete")
    }

    @Test("a handler that throws, or runs out of time, saves nothing")
    func failedHandlersSaveNothing() async throws {
        let folder = try TemporaryFolder()
        let sqlite = SQLitePersistenceStore(path: folder.database)
        let tester = try Self.tester(sqlite, options: RunnerOptions(handlerTimeout: .milliseconds(50)))
        let failed = await tester.send(.intent("FailIntent"))
        #expect(failed.speech == "Sorry, something went wrong. Please try again later.")
        let slow = await tester.send(.intent("SlowIntent"))
        #expect(slow.speech == "Sorry, something went wrong. Please try again later.")
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await sqlite.get("amzn1.ask.account.TESTUSER") == StoredAttributes())
    }

    @Test("keys: userId by default, deviceId, and personId falling back to the userId")
    func keyStrategies() async throws {
        let folder = try TemporaryFolder()
        let sqlite = SQLitePersistenceStore(path: folder.database)
        let request = TestRequest.intent("CountIntent").user("amzn1.ask.account.U").device("amzn1.ask.device.D")
        _ = try await Self.tester(sqlite).send(request)
        _ = try await Self.tester(sqlite, key: .deviceId).send(request)
        _ = try await Self.tester(sqlite, key: .personId).send(request.person("amzn1.ask.person.P"))
        _ = try await Self.tester(sqlite, key: .personId).send(request)
        #expect(try await sqlite.get("amzn1.ask.account.U").attributes == ["count": 2], "userId, then personId's fallback")
        #expect(try await sqlite.get("amzn1.ask.device.D").attributes == ["count": 1])
        #expect(try await sqlite.get("amzn1.ask.person.P").attributes == ["count": 1])
    }

    @Test("a request without the configured key gets the error reply and a message naming the key")
    func missingKey() async throws {
        let folder = try TemporaryFolder()
        let log = LogLines()
        let skill = MemorySkill(
            persistence: PersistenceConfiguration(store: SQLitePersistenceStore(path: folder.database), key: .deviceId))
        let tester = try SkillTester(skill, logger: log.logger)
        var request = TestRequest.intent("CountIntent").json.objectValue ?? [:]
        request["context"] = ["System": ["application": ["applicationId": .string(TestRequest.defaultSkillID)]]]
        let response = await tester.send(TestRequest(json: .object(request)))
        #expect(response.speech == "Sorry, something went wrong. Please try again later.")
        #expect(log.all.contains("no deviceId"), "\(log.all)")
    }

    @Test("linked contexts reach the attributes the same way")
    func linkedContext() async throws {
        let folder = try TemporaryFolder()
        let tester = try Self.tester(SQLitePersistenceStore(path: folder.database))
        #expect(await tester.send(.intent("LinkedCountIntent", token: "token-1")).speech == "linked count 1")
        #expect(await tester.send(.intent("LinkedCountIntent", token: "token-1")).speech == "linked count 2")
    }

    @Test("a skill without persistence that asks anyway gets the error reply and a message saying what to add")
    func notConfigured() async throws {
        let log = LogLines()
        let response = await (try SkillTester(MemorySkill(), logger: log.logger)).send(.intent("ReadIntent"))
        #expect(response.speech == "Sorry, something went wrong. Please try again later.")
        #expect(log.all.contains("var persistence: PersistenceConfiguration?"), "\(log.all)")
    }
}
