import SkillGateCore
import SkillGateHTTP
import SkillGateHTTPS
import Synchronization

/// DynamoDB's JSON protocol (`DynamoDB_20120810.*`) over SkillGate's one HTTP client, signed
/// with Signature Version 4. Errors never carry AWS's message text (it may echo request
/// details), only the exception name and advice.
final class DynamoDBClient: Sendable {
    /// What DynamoDB answered instead of a result.
    struct ServiceError: Error, Sendable {
        /// The HTTP status.
        let status: Int
        /// The exception name, e.g. `ConditionalCheckFailedException` (the part after `#`).
        let type: String
    }

    let endpoint: DynamoDBEndpoint
    let signer: AWSSigner
    let timeout: Duration
    /// Keep-alive connections, used in turn (one HTTPClient sends one request at a time).
    private let connections: [HTTPClient]
    private let turn = Atomic<UInt>(0)

    init(configuration: DynamoDBConfiguration) {
        endpoint = configuration.endpoint
        signer = AWSSigner(credentials: configuration.credentials, region: configuration.region, service: "dynamodb")
        timeout = configuration.timeout
        let endpoint = configuration.endpoint
        let tls = endpoint.isSecure ? OpenSSLClientTLS() : nil
        connections = (0..<max(1, configuration.connections)).map { _ in
            if let tls {
                return HTTPClient.https(host: endpoint.host, port: endpoint.port, tls: tls, maximumResponseBodySize: 16 * 1024 * 1024)
            }
            return HTTPClient(host: endpoint.host, port: endpoint.port, maximumResponseBodySize: 16 * 1024 * 1024)
        }
    }

    /// Calls one operation.
    /// - Parameters:
    ///   - operation: e.g. `GetItem`.
    ///   - body: the request object.
    /// - Returns: the response object.
    /// - Throws: ``ServiceError`` for a DynamoDB error answer, ``PersistenceError`` `.unavailable`
    ///   when DynamoDB cannot be reached or answers something that is not JSON.
    func call(_ operation: String, _ body: JSONValue) async throws -> JSONValue {
        let bytes = body.jsonBytes
        let date = RequestTimestamp.now()
        var headers: [(name: String, value: String)] = [
            ("Host", endpoint.hostHeader), ("Content-Type", "application/x-amz-json-1.0"),
            ("X-Amz-Target", "DynamoDB_20120810.\(operation)"), ("X-Amz-Date", AWSSigner.amzDate(date)),
        ]
        if let token = signer.credentials.sessionToken { headers.append(("X-Amz-Security-Token", token)) }
        let signature = signer.sign(AWSSigner.Request(method: "POST", headers: headers, body: bytes), at: date)
        headers.append(("Authorization", signature.authorization))
        let response: HTTPClientResponse
        do {
            let http = connections[Int(turn.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(connections.count))]
            response = try await http.send(
                method: "POST", path: "/", headers: HTTPHeaders(headers.map { ($0.name, $0.value) }), body: bytes, timeout: timeout)
        } catch let error as HTTPClientError {
            throw PersistenceError(.unavailable, "DynamoDB \(operation) at \(endpoint): \(error.description)")
        }
        let json = try? JSONParser.parse(response.body)
        guard response.status == 200 else {
            let type = json?["__type"]?.stringValue.map { String($0.split(separator: "#").last ?? "") } ?? ""
            throw ServiceError(status: response.status, type: type.isEmpty ? "HTTP \(response.status)" : type)
        }
        guard let json else {
            throw PersistenceError(.unavailable, "DynamoDB \(operation) at \(endpoint) answered 200 with a body that is not JSON")
        }
        return json
    }
}

extension DynamoDBClient.ServiceError {
    /// Whether this is the answer to a failed `ConditionExpression`.
    var isConditionFailure: Bool { type == "ConditionalCheckFailedException" }

    /// The error a store reports, with advice for the common causes.
    func persistenceError(_ operation: String, table: String, endpoint: DynamoDBEndpoint) -> PersistenceError {
        let what = "DynamoDB \(operation) on table \(table) at \(endpoint) failed with \(type) (HTTP \(status))"
        switch type {
        case "ResourceNotFoundException":
            return PersistenceError(
                .unavailable,
                "\(what): the table does not exist in this region; create it with a string partition key `id`, or turn on createsTable")
        case "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationTokenException",
            "ExpiredTokenException", "AccessDeniedException", "IncompleteSignatureException":
            return PersistenceError(
                .unavailable,
                "\(what): check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION and the role's dynamodb permissions"
            )
        case "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded":
            return PersistenceError(.unavailable, "\(what): DynamoDB is throttling; raise the table's capacity or use on-demand")
        case "ValidationException":
            return PersistenceError(
                .invalidData, "\(what): check that the table's partition key is a string named as configured and items stay under 400 KB")
        default:
            return PersistenceError(.unavailable, what)
        }
    }
}
