public import SkillGateCore
import Synchronization

/// Persistent attributes in a DynamoDB table, for a skill that runs on more than one machine
/// (or on Lambda), in the ASK SDKs' layout (see ``DynamoDBConfiguration``).
///
/// Reads are strongly consistent (`ConsistentRead`, as the ASK SDKs do). Every write carries a
/// `ConditionExpression` on the version attribute — `attribute_not_exists` for an item read at
/// version 0 (absent, or written by an ASK SDK), equality otherwise — so two machines changing
/// the same attributes cannot overwrite each other: the second gets
/// ``SkillGateCore/PersistenceError/Code/conflict``.
public final class DynamoDBPersistenceStore: PersistenceStore {
    /// The table and how to reach it.
    public let configuration: DynamoDBConfiguration
    let client: DynamoDBClient
    /// Whether the table is known to exist (only tracked when ``DynamoDBConfiguration/createsTable`` is on).
    let tableReady = Mutex(false)

    /// Creates the store; nothing is sent until the first request needs attributes.
    /// - Parameter configuration: the table, region, credentials and endpoint.
    public init(_ configuration: DynamoDBConfiguration) {
        self.configuration = configuration
        client = DynamoDBClient(configuration: configuration)
    }

    /// Reads the item under `key` (strongly consistent).
    /// - Parameter key: the partition key value.
    /// - Returns: its attributes map and version (0 when the item has no version attribute); empty at 0 when there is no item.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.unavailable` or `.invalidData`.
    public func get(_ key: String) async throws(PersistenceError) -> StoredAttributes {
        let answer = try await call("GetItem", ["TableName": .string(configuration.table), "Key": keyValue(key), "ConsistentRead": true])
        guard let item = answer["Item"]?.objectValue else { return StoredAttributes() }
        var attributes = JSONObject()
        if let stored = item[configuration.attributesName] {
            guard let map = stored["M"]?.objectValue, let decoded = DynamoDBAttributeValue.decode(map) else {
                throw PersistenceError(
                    .invalidData,
                    "the item's \(configuration.attributesName) in table \(configuration.table) is not a map; fix or delete that item")
            }
            attributes = decoded
        }
        var version: UInt64 = 0
        if let stored = item[configuration.versionName] {
            guard let text = stored["N"]?.stringValue, let number = UInt64(text) else {
                throw PersistenceError(
                    .invalidData, "the item's \(configuration.versionName) in table \(configuration.table) is not a whole number")
            }
            version = number
        }
        return StoredAttributes(attributes: attributes, version: version)
    }

    /// Writes the item under `key` if its version is still `expectedVersion`.
    /// - Parameters:
    ///   - attributes: the new attributes map.
    ///   - key: the partition key value.
    ///   - expectedVersion: the version read.
    /// - Returns: the new version.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.conflict`, `.unavailable` or `.invalidData`.
    public func put(_ attributes: JSONObject, for key: String, expectedVersion: UInt64) async throws(PersistenceError) -> UInt64 {
        let next = expectedVersion + 1
        var item: JSONObject = [:]
        item[configuration.partitionKeyName] = ["S": .string(key)]
        item[configuration.attributesName] = ["M": .object(DynamoDBAttributeValue.encode(attributes))]
        item[configuration.versionName] = ["N": .string(String(next))]
        var request: JSONObject = ["TableName": .string(configuration.table), "Item": .object(item)]
        addCondition(to: &request, expected: expectedVersion, allowMissing: false)
        _ = try await call("PutItem", .object(request))
        return next
    }

    /// Deletes the item under `key` if its version is still `expectedVersion` (or it is gone).
    /// - Parameters:
    ///   - key: the partition key value.
    ///   - expectedVersion: the version read.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.conflict` or `.unavailable`.
    public func delete(_ key: String, expectedVersion: UInt64) async throws(PersistenceError) {
        var request: JSONObject = ["TableName": .string(configuration.table), "Key": keyValue(key)]
        addCondition(to: &request, expected: expectedVersion, allowMissing: true)
        _ = try await call("DeleteItem", .object(request))
    }

    /// `{"id": {"S": key}}`.
    private func keyValue(_ key: String) -> JSONValue {
        var object = JSONObject()
        object[configuration.partitionKeyName] = ["S": .string(key)]
        return .object(object)
    }

    /// The write's condition: the version attribute is absent (version 0) or equals `expected`.
    private func addCondition(to request: inout JSONObject, expected: UInt64, allowMissing: Bool) {
        request["ExpressionAttributeNames"] = ["#v": .string(configuration.versionName)]
        guard expected > 0 else {
            request["ConditionExpression"] = "attribute_not_exists(#v)"
            return
        }
        request["ConditionExpression"] = .string(allowMissing ? "attribute_not_exists(#v) OR #v = :v" : "#v = :v")
        request["ExpressionAttributeValues"] = [":v": ["N": .string(String(expected))]]
    }

    /// One call, after making sure the table exists when asked to; every failure becomes a ``PersistenceError``.
    func call(_ operation: String, _ body: JSONValue) async throws(PersistenceError) -> JSONValue {
        if configuration.createsTable, !tableReady.withLock({ $0 }) { try await createTableIfNeeded() }
        do {
            return try await client.call(operation, body)
        } catch let error as PersistenceError {
            throw error
        } catch let error as DynamoDBClient.ServiceError {
            if error.isConditionFailure {
                throw PersistenceError(
                    .conflict, "DynamoDB \(operation) on table \(configuration.table): the item changed after this request read it")
            }
            throw error.persistenceError(operation, table: configuration.table, endpoint: configuration.endpoint)
        } catch {
            throw PersistenceError(.unavailable, "DynamoDB \(operation) at \(configuration.endpoint) was interrupted: \(type(of: error))")
        }
    }
}
