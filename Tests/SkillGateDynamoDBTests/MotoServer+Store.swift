import SkillGateDynamoDB
import SkillGateTestSupport

extension MotoServer {
    /// Credentials for moto (it accepts any), with a session token so it is signed too.
    static let credentials = AWSCredentials(
        accessKeyId: "AKIDMOTOTEST", secretAccessKey: "moto-secret-key", sessionToken: "moto-session-token")

    /// A store on this server, patient with moto on a busy machine.
    func store(table: String, createsTable: Bool = false) -> DynamoDBPersistenceStore {
        DynamoDBPersistenceStore(
            DynamoDBConfiguration(
                table: table, region: "us-east-1", credentials: Self.credentials, endpoint: try? DynamoDBEndpoint(url: endpoint),
                createsTable: createsTable, timeout: .seconds(30)))
    }
}
