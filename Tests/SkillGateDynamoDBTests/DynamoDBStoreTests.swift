import SkillGateCore
import SkillGateDynamoDB
import SkillGateTestSupport
import Testing

/// The DynamoDB store against moto's server on loopback.
@Suite(
    .serialized,
    .enabled(
        if: MotoServer.isInstalled,
        "moto is not installed: run `python3 -m venv .build-moto/venv && .build-moto/venv/bin/pip install 'moto[server]' boto3` (or .ci/run)"
    ))
struct DynamoDBStoreTests {
    @Test("get, conditional put and delete; a stale version is a conflict and keeps the newer item")
    func roundTripAndConflicts() async throws {
        let moto = try await MotoServer.shared()
        let store = moto.store(table: "attributes-basic")
        try await store.createTableIfNeeded()
        #expect(try await store.get("user") == StoredAttributes())
        let attributes: JSONObject = [
            "lastDestination": "home", "rides": 3, "rating": 4.5, "flags": [true, false, nil], "nested": ["deep": ["list": [1, "two"]]],
            "unicode": "Zürich — 東京", "empty": "",
        ]
        #expect(try await store.put(attributes, for: "user", expectedVersion: 0) == 1)
        #expect(try await store.get("user") == StoredAttributes(attributes: attributes, version: 1))
        #expect(try await store.put(["rides": 4], for: "user", expectedVersion: 1) == 2)
        for expected: UInt64 in [0, 1, 7] {
            let stale = await #expect(throws: PersistenceError.self) {
                _ = try await store.put(["rides": 99], for: "user", expectedVersion: expected)
            }
            #expect(stale?.code == .conflict, "expected version \(expected)")
        }
        let staleDelete = await #expect(throws: PersistenceError.self) { try await store.delete("user", expectedVersion: 1) }
        #expect(staleDelete?.code == .conflict)
        #expect(try await store.get("user") == StoredAttributes(attributes: ["rides": 4], version: 2))
        try await store.delete("user", expectedVersion: 2)
        #expect(try await store.get("user") == StoredAttributes())
        try await store.delete("user", expectedVersion: 0)
    }

    @Test("with createsTable the first request creates the table: partition key id (string), on demand")
    func createsTable() async throws {
        let moto = try await MotoServer.shared()
        let store = moto.store(table: "attributes-created", createsTable: true)
        #expect(try await store.put(["a": 1], for: "user", expectedVersion: 0) == 1)
        let description = try await moto.python(
            """
            table = client.describe_table(TableName="attributes-created")["Table"]
            print(json.dumps({"keys": table["KeySchema"], "types": table["AttributeDefinitions"], "billing": table["BillingModeSummary"]["BillingMode"]}))
            """)
        #expect(description.contains(#""keys": [{"AttributeName": "id", "KeyType": "HASH"}]"#), "\(description)")
        #expect(description.contains(#""types": [{"AttributeName": "id", "AttributeType": "S"}]"#), "\(description)")
        #expect(description.contains("PAY_PER_REQUEST"), "\(description)")
    }

    @Test("without createsTable a missing table is unavailable, and the message says to create it")
    func missingTable() async throws {
        let moto = try await MotoServer.shared()
        let error = await #expect(throws: PersistenceError.self) { _ = try await moto.store(table: "no-such-table").get("user") }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("ResourceNotFoundException") == true, "\(String(describing: error))")
        #expect(error?.message.contains("does not exist") == true, "\(String(describing: error))")
    }

    @Test("two machines incrementing one user's count at once lose nothing: the ConditionExpression catches every race")
    func twoWritersLoseNothing() async throws {
        let moto = try await MotoServer.shared()
        let first = moto.store(table: "attributes-race")
        try await first.createTableIfNeeded()
        let stores = [first, moto.store(table: "attributes-race")]
        let perWriter = 25
        let conflicts = try await ConcurrentIncrements.run(stores, perWriter: perWriter)
        let final = try await first.get("shared")
        #expect(final.attributes["count"] == .integer(2 * perWriter))
        #expect(final.version == UInt64(2 * perWriter))
        print("DynamoDB (moto) two-writer increments: \(conflicts) conflicts detected and retried")
    }
}
