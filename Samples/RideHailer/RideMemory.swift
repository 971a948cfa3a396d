#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SkillGate
import SkillGateSQLite
#if HTTPEndpoint
    import SkillGateDynamoDB
#endif

/// Where Ride Hailer remembers each user's last destination (and how many rides they booked),
/// chosen by the environment with the AWS SDKs' standard names:
///
/// - `RIDE_HAILER_DYNAMODB_TABLE` set: DynamoDB, in the ASK SDKs' table layout, with `AWS_REGION`,
///   `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and the endpoint override
///   `AWS_ENDPOINT_URL_DYNAMODB` (or `AWS_ENDPOINT_URL`); `RIDE_HAILER_DYNAMODB_CREATE_TABLE=1`
///   creates the table if it is missing.
/// - otherwise SQLite: the file `RIDE_HAILER_DATABASE`, by default `ride-hailer.sqlite` beside the
///   binary (`.build/debug/` when built with `swift build`). A path that cannot be created
///   (e.g. `/dev/null/rides.sqlite`) is a store that is down: users hear "try again later".
enum RideMemory {
    /// The skill's persistence; keyed by userId, as the ASK SDKs do.
    static func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) -> PersistenceConfiguration {
        PersistenceConfiguration(store: store(environment: environment), key: .userId)
    }

    private static func store(environment: [String: String]) -> any PersistenceStore {
        do throws(PersistenceError) {
            if let table = environment["RIDE_HAILER_DYNAMODB_TABLE"], !table.isEmpty {
                #if HTTPEndpoint
                    let create = ["1", "true", "yes"].contains(environment["RIDE_HAILER_DYNAMODB_CREATE_TABLE"]?.lowercased() ?? "")
                    return DynamoDBPersistenceStore(try DynamoDBConfiguration.environment(environment, table: table, createsTable: create))
                #else
                    throw PersistenceError(
                        .invalidConfiguration,
                        "RIDE_HAILER_DYNAMODB_TABLE is set, but this build has no DynamoDB: it needs the HTTPEndpoint trait (OpenSSL)")
                #endif
            }
            let path = environment["RIDE_HAILER_DATABASE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDatabase
            return SQLitePersistenceStore(path: path)
        } catch {
            return MisconfiguredStore(error: error)
        }
    }

    /// `ride-hailer.sqlite` beside the binary.
    private static var defaultDatabase: String {
        let binary = CommandLine.arguments.first ?? "./ride-hailer"
        guard let slash = binary.lastIndex(of: "/") else { return "ride-hailer.sqlite" }
        return binary[..<slash] + "/ride-hailer.sqlite"
    }
}

/// The store when the environment names one that cannot be set up: every request that needs
/// attributes gets the configuration error (logged, with what to fix), never a crash at start-up.
struct MisconfiguredStore: PersistenceStore {
    let error: PersistenceError

    func get(_ key: String) async throws(PersistenceError) -> StoredAttributes { throw error }
    func put(_ attributes: JSONObject, for key: String, expectedVersion: UInt64) async throws(PersistenceError) -> UInt64 { throw error }
    func delete(_ key: String, expectedVersion: UInt64) async throws(PersistenceError) { throw error }
}
