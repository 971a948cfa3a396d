import SkillGateCore
import SkillGateDynamoDB
import SkillGateTestSupport
import Testing

/// A skill moving from the ASK SDK keeps its data: items in the ASK SDK DynamoDB persistence
/// adapter's layout (`id`, `attributes`), written with boto3, read in SkillGate, and SkillGate's
/// writes read back the same way with boto3.
@Suite(
    .serialized,
    .enabled(
        if: MotoServer.isInstalled,
        "moto is not installed: run `python3 -m venv .build-moto/venv && .build-moto/venv/bin/pip install 'moto[server]' boto3` (or .ci/run)"
    ))
struct ASKSDKLayoutTests {
    @Test("an ASK SDK item reads as version 0; SkillGate's write keeps the layout for boto3, adding only skillgateVersion")
    func migration() async throws {
        let moto = try await MotoServer.shared()
        // What ask-sdk-dynamodb-persistence-adapter does: create_table with the `id` hash key, then
        // put_item({"id": user_id, "attributes": attributes}).
        _ = try await moto.python(
            """
            table = dynamodb.create_table(TableName="ask-skill", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
            table.wait_until_exists()
            table.put_item(Item={"id": "amzn1.ask.account.LEGACY", "attributes": {
                "lastDestination": "home", "rides": Decimal(3), "fare": Decimal("12.5"), "favourite": True, "note": None,
                "places": ["home", "work"], "profile": {"name": "Alice", "visits": [Decimal(1), Decimal(2)]}}})
            """)
        let store = moto.store(table: "ask-skill")
        let legacy = try await store.get("amzn1.ask.account.LEGACY")
        let expected: JSONObject = [
            "lastDestination": "home", "rides": 3, "fare": 12.5, "favourite": true, "note": nil, "places": ["home", "work"],
            "profile": ["name": "Alice", "visits": [1, 2]],
        ]
        #expect(legacy == StoredAttributes(attributes: expected, version: 0))

        var updated = legacy.attributes
        updated["rides"] = 4
        updated["lastDestination"] = "the airport"
        #expect(try await store.put(updated, for: "amzn1.ask.account.LEGACY", expectedVersion: 0) == 1)
        _ = try await store.put(["rides": 1, "tags": ["new"]], for: "amzn1.ask.account.NEW", expectedVersion: 0)

        let readBack = try await moto.python(
            """
            table = dynamodb.Table("ask-skill")
            for key in ["amzn1.ask.account.LEGACY", "amzn1.ask.account.NEW"]:
                item = table.get_item(Key={"id": key}, ConsistentRead=True)["Item"]
                print(json.dumps(plain(item), sort_keys=True))
            """)
        let lines = readBack.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == #"{"attributes": {"fare": 12.5, "favourite": true, "lastDestination": "the airport", "note": null, "places": ["home", "work"], "profile": {"name": "Alice", "visits": [1, 2]}, "rides": 4}, "id": "amzn1.ask.account.LEGACY", "skillgateVersion": 1}"#
        )
        #expect(
            lines.dropFirst().first
                == #"{"attributes": {"rides": 1, "tags": ["new"]}, "id": "amzn1.ask.account.NEW", "skillgateVersion": 1}"#)
    }

    @Test("an ASK SDK writer that replaces a SkillGate item drops the version; SkillGate reads it as version 0 and writes on")
    func sdkWritesAgain() async throws {
        let moto = try await MotoServer.shared()
        let store = moto.store(table: "ask-shared", createsTable: true)
        _ = try await store.put(["rides": 1], for: "user", expectedVersion: 0)
        _ = try await moto.python(
            """
            dynamodb.Table("ask-shared").put_item(Item={"id": "user", "attributes": {"rides": Decimal(2)}})
            """)
        let stored = try await store.get("user")
        #expect(stored == StoredAttributes(attributes: ["rides": 2], version: 0))
        #expect(try await store.put(["rides": 3], for: "user", expectedVersion: 0) == 1)
    }
}
