public import SkillGateCore

/// Where a ``DynamoDBPersistenceStore`` keeps attributes, in the ASK SDKs' table layout.
///
/// The ASK SDK DynamoDB persistence adapters (Node.js and Python) store each user's attributes
/// as one item: the partition key `id` (a string: the userId unless configured otherwise) and
/// the attributes as a map in `attributes`. SkillGate uses the same layout, so a skill moving
/// from those SDKs keeps its data, and adds one number attribute, `skillgateVersion`, for
/// conditional writes; items the SDKs wrote have none, which counts as version 0.
public struct DynamoDBConfiguration: Sendable {
    /// The table name.
    public var table: String
    /// The region, e.g. `us-east-1` (signing and the default endpoint).
    public var region: String
    /// The credentials.
    public var credentials: AWSCredentials
    /// Where requests go; AWS's regional endpoint unless overridden.
    public var endpoint: DynamoDBEndpoint
    /// The partition key attribute; `id` as in the ASK SDKs.
    public var partitionKeyName: String
    /// The attribute holding the attributes map; `attributes` as in the ASK SDKs.
    public var attributesName: String
    /// The number attribute holding SkillGate's version; `skillgateVersion`.
    public var versionName: String
    /// Whether the store creates the table (on-demand capacity, key `id`) before its first
    /// request if it does not exist; off by default, like the ASK SDKs' `createTable`.
    public var createsTable: Bool
    /// The longest one DynamoDB call may take.
    public var timeout: Duration
    /// How many keep-alive connections the store opens at most (requests take them in turn).
    public var connections: Int

    /// Creates a configuration.
    /// - Parameters:
    ///   - table: the table.
    ///   - region: the region.
    ///   - credentials: the credentials.
    ///   - endpoint: an override (DynamoDB Local, moto, a VPC endpoint); nil for AWS's regional endpoint.
    ///   - partitionKeyName: `id` unless the table uses another name.
    ///   - attributesName: `attributes` unless the table uses another name.
    ///   - versionName: `skillgateVersion` unless another is wanted.
    ///   - createsTable: whether to create a missing table; false by default.
    ///   - timeout: per call; 3 seconds by default, inside Alexa's 8.
    ///   - connections: keep-alive connections; 4 by default.
    public init(
        table: String, region: String, credentials: AWSCredentials, endpoint: DynamoDBEndpoint? = nil, partitionKeyName: String = "id",
        attributesName: String = "attributes", versionName: String = "skillgateVersion", createsTable: Bool = false,
        timeout: Duration = .seconds(3), connections: Int = 4
    ) {
        self.table = table
        self.region = region
        self.credentials = credentials
        self.endpoint = endpoint ?? DynamoDBEndpoint(region: region)
        self.partitionKeyName = partitionKeyName
        self.attributesName = attributesName
        self.versionName = versionName
        self.createsTable = createsTable
        self.timeout = timeout
        self.connections = connections
    }

    /// A configuration from the AWS SDKs' standard environment variables: `AWS_REGION` (or
    /// `AWS_DEFAULT_REGION`), `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`,
    /// and the endpoint override `AWS_ENDPOINT_URL_DYNAMODB` (or `AWS_ENDPOINT_URL`). Call it
    /// from the program's `main` or the skill's `init`, and nowhere deeper.
    /// - Parameters:
    ///   - table: the table.
    ///   - environment: the process environment.
    ///   - createsTable: whether to create a missing table.
    /// - Returns: the configuration.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.invalidConfiguration` naming what is missing.
    public static func environment(_ environment: [String: String], table: String, createsTable: Bool = false) throws(PersistenceError)
        -> DynamoDBConfiguration
    {
        guard let region = [environment["AWS_REGION"], environment["AWS_DEFAULT_REGION"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else {
            throw PersistenceError(.invalidConfiguration, "AWS_REGION is not set; DynamoDB needs a region, e.g. AWS_REGION=us-east-1")
        }
        let override = [environment["AWS_ENDPOINT_URL_DYNAMODB"], environment["AWS_ENDPOINT_URL"]].compactMap { $0 }.first { !$0.isEmpty }
        let endpoint = try override.map { url throws(PersistenceError) in try DynamoDBEndpoint(url: url) }
        return DynamoDBConfiguration(
            table: table, region: region, credentials: try AWSCredentials.environment(environment), endpoint: endpoint,
            createsTable: createsTable)
    }
}
