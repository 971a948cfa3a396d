/// Where a skill's persistent attributes live: one JSON object per key (a user, a device or a
/// person), each with a version so that no write silently replaces another.
///
/// A store has three requirements and no transport of its own; `SkillGateSQLite` (one file, for
/// one machine) and `SkillGateDynamoDB` (for a fleet, or Lambda) provide real ones. Every write is
/// conditional on the version the request read: a store answers a write whose expected version is
/// no longer current with ``PersistenceError/Code/conflict``, and the runner then retries the
/// handler once with fresh attributes (see ``PersistenceConfiguration/ConflictPolicy``).
///
/// Stores must never put the attributes, or any credential, into an error message or a log line.
public protocol PersistenceStore: Sendable {
    /// Reads the attributes stored under a key.
    /// - Parameter key: the partition key, e.g. the Alexa userId.
    /// - Returns: the attributes and their version; empty attributes at version 0 when nothing is stored.
    /// - Throws: ``PersistenceError`` with code `.unavailable` when the store cannot be reached,
    ///   `.invalidData` when what is stored is not a JSON object.
    func get(_ key: String) async throws(PersistenceError) -> StoredAttributes

    /// Writes the attributes under a key if the stored version is still `expectedVersion`.
    /// - Parameters:
    ///   - attributes: the whole new object.
    ///   - key: the partition key.
    ///   - expectedVersion: the version ``get(_:)`` returned; 0 for "nothing stored yet".
    /// - Returns: the new version (greater than `expectedVersion`).
    /// - Throws: ``PersistenceError`` with code `.conflict` when another write came first,
    ///   `.unavailable` when the store cannot be reached.
    func put(_ attributes: JSONObject, for key: String, expectedVersion: UInt64) async throws(PersistenceError) -> UInt64

    /// Deletes the attributes under a key if the stored version is still `expectedVersion`.
    /// Deleting what is already gone succeeds.
    /// - Parameters:
    ///   - key: the partition key.
    ///   - expectedVersion: the version ``get(_:)`` returned.
    /// - Throws: ``PersistenceError`` with code `.conflict` when another write came first,
    ///   `.unavailable` when the store cannot be reached.
    func delete(_ key: String, expectedVersion: UInt64) async throws(PersistenceError)
}

/// A stored attributes object and its version.
public struct StoredAttributes: Sendable, Hashable {
    /// The attributes; empty when nothing is stored.
    public var attributes: JSONObject
    /// The version a conditional write must expect: 0 when nothing is stored, or when the item was
    /// written by a tool that keeps no version (such as the ASK SDK's DynamoDB adapter).
    public var version: UInt64

    /// Creates stored attributes.
    /// - Parameters:
    ///   - attributes: the object.
    ///   - version: its version.
    public init(attributes: JSONObject = [:], version: UInt64 = 0) {
        self.attributes = attributes
        self.version = version
    }
}
