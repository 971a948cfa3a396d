import SkillGate
import SkillGateTesting
import Synchronization
import Testing

@testable import SkillGateSQLite

/// A store that is down: "try again later" in the user's language, never a link card, never a crash.
struct PersistenceOutageTests {
    static let unwritable = "/dev/null/skillgate/attributes.sqlite"

    static let english = "Sorry, Memory Test can't reach your saved information right now. Please try again in a little while."

    @Test(
        "reading from a store that is down speaks the localized 'try again later'",
        arguments: ["en-US", "de-DE", "fr-FR", "es-ES", "it-IT", "ja-JP", "pt-BR", "hi-IN"])
    func localized(locale: String) async throws {
        let skill = MemorySkill(persistence: PersistenceConfiguration(store: SQLitePersistenceStore(path: Self.unwritable)))
        let response = await (try SkillTester(skill)).send(.intent("ReadIntent", locale: locale))
        let speech = try #require(response.speech)
        #expect(speech.contains("Memory Test"), "the skill's name is filled in: \(speech)")
        #expect((speech == Self.english) == (locale == "en-US"), "\(locale): \(speech)")
        #expect(response.cardType == nil)
        #expect(response.shouldEndSession == true)
    }

    @Test("a linked user whose store is down hears 'try again later', not the link prompt")
    func noLinkPrompt() async throws {
        let skill = MemorySkill(persistence: PersistenceConfiguration(store: SQLitePersistenceStore(path: Self.unwritable)))
        let response = await (try SkillTester(skill)).send(.intent("LinkedCountIntent", token: "token-1"))
        #expect(response.speech == Self.english)
        #expect(response.cardType == nil)
    }

    @Test("the skill may say something else instead")
    func customMessage() async throws {
        let store = SQLitePersistenceStore(path: Self.unwritable)
        let skill = MemorySkill(
            persistence: PersistenceConfiguration(store: store, unavailableMessage: LocalizedText("{name} forgot. Later, please.")))
        #expect(await (try SkillTester(skill)).send(.intent("ReadIntent")).speech == "Memory Test forgot. Later, please.")
    }

    @Test("a save that fails after the handler replaces its reply with 'try again later' and logs no data")
    func saveFails() async throws {
        let folder = try TemporaryFolder()
        let store = SQLitePersistenceStore(path: folder.database, busyTimeout: .milliseconds(100))
        let other = try OtherConnection(path: folder.database)
        let log = LogLines()
        let skill = MemorySkill(
            persistence: PersistenceConfiguration(store: store),
            interference: { _ in other.execute("BEGIN EXCLUSIVE") })
        let response = await (try SkillTester(skill, logger: log.logger)).send(
            .intent("RacedCountIntent").user("amzn1.ask.account.PRIVATE"))
        other.execute("COMMIT")
        #expect(response.speech == Self.english)
        #expect(log.all.contains("were not saved"), "\(log.all)")
        #expect(log.all.contains("busy timeout"), "\(log.all)")
        #expect(!log.all.contains("PRIVATE") && !log.all.contains("\"count\""), "\(log.all)")
        #expect(try await store.get("amzn1.ask.account.PRIVATE") == StoredAttributes())
    }

    @Test("public routes that do not touch the attributes keep working while the store is down")
    func publicRoutesWork() async throws {
        let skill = MemorySkill(persistence: PersistenceConfiguration(store: SQLitePersistenceStore(path: Self.unwritable)))
        #expect(await (try SkillTester(skill)).send(.intent("IgnoreIntent")).speech == "ignored")
    }
}

/// Another process's connection to the same file, holding locks when told.
final class OtherConnection: Sendable {
    private let connection: Mutex<SQLiteConnection>

    init(path: String) throws {
        connection = Mutex(
            try SQLiteConnection(path: path, table: "persistent_attributes", busyTimeoutMilliseconds: 100, durability: .full))
    }

    func execute(_ sql: String) {
        connection.withLock { connection in try? connection.execute(sql, purpose: sql) }
    }
}
