import Foundation
import SkillGateCore
import SkillGateDynamoDB
import SkillGateTestSupport
import Testing

/// SkillGate's DynamoDB request signing against botocore's SigV4Auth (from the moto venv) as an
/// independent oracle, session token included; and what a store that is down says.
struct DynamoDBSigningTests {
    @Test(
        "a DynamoDB PutItem signed with a session token matches botocore's signature",
        .enabled(
            if: MotoServer.isInstalled,
            "moto is not installed: run `python3 -m venv .build-moto/venv && .build-moto/venv/bin/pip install 'moto[server]' boto3` (or .ci/run)"
        ))
    func matchesBotocore() async throws {
        let credentials = AWSCredentials(
            accessKeyId: "ASIAEXAMPLE", secretAccessKey: "example/secret+key", sessionToken: "FwoGZXIvYXdzEXAMPLE//token==")
        let signer = AWSSigner(credentials: credentials, region: "eu-west-1", service: "dynamodb")
        let body = #"{"TableName":"t","Item":{"id":{"S":"amzn1.ask.account.X"}}}"#
        let headers: [(name: String, value: String)] = [
            ("Host", "dynamodb.eu-west-1.amazonaws.com"), ("Content-Type", "application/x-amz-json-1.0"),
            ("X-Amz-Target", "DynamoDB_20120810.PutItem"), ("X-Amz-Date", "20261121T200000Z"),
            ("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLE//token=="),
        ]
        let date = RequestTimestamp(millisecondsSince1970: 1_795_291_200_000)
        let ours = signer.sign(AWSSigner.Request(method: "POST", headers: headers, body: Array(body.utf8)), at: date)
        let script = """
            import sys
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
            headers = [("Host", "dynamodb.eu-west-1.amazonaws.com"), ("Content-Type", "application/x-amz-json-1.0"),
                ("X-Amz-Target", "DynamoDB_20120810.PutItem"), ("X-Amz-Date", "20261121T200000Z"),
                ("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLE//token==")]
            request = AWSRequest(method="POST", url="https://dynamodb.eu-west-1.amazonaws.com/", data=sys.argv[1].encode(), headers=dict(headers))
            request.context["timestamp"] = "20261121T200000Z"
            auth = SigV4Auth(Credentials("ASIAEXAMPLE", "example/secret+key", "FwoGZXIvYXdzEXAMPLE//token=="), "dynamodb", "eu-west-1")
            canonical = auth.canonical_request(request)
            print(auth.signature(auth.string_to_sign(request, canonical), request))
            """
        let output = try await ChildProcess.run(MotoServer.python, ["-c", script, body])
        #expect(output.status == 0, "\(output)")
        #expect(#"20261121T200000Z"# == ours.amzDate)
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == ours.signature)
        #expect(ours.signedHeaders == "content-type;host;x-amz-date;x-amz-security-token;x-amz-target")
    }

    @Test("a DynamoDB that cannot be reached is unavailable; the message names the endpoint and holds no secret")
    func unreachable() async throws {
        let port = try LoopbackListener.freePort()
        let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRET-VALUE", sessionToken: "TOKEN-VALUE")
        let store = DynamoDBPersistenceStore(
            DynamoDBConfiguration(
                table: "t", region: "us-east-1", credentials: credentials, endpoint: try DynamoDBEndpoint(url: "http://127.0.0.1:\(port)"),
                timeout: .seconds(2)))
        let error = await #expect(throws: PersistenceError.self) { _ = try await store.get("user") }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("127.0.0.1:\(port)") == true, "\(String(describing: error))")
        #expect(error.map { !$0.description.contains("SECRET-VALUE") && !$0.description.contains("TOKEN-VALUE") } == true)
    }

    @Test("endpoints: AWS's regional one by default, overrides parsed from AWS_ENDPOINT_URL_DYNAMODB or AWS_ENDPOINT_URL")
    func endpoints() throws {
        #expect(DynamoDBEndpoint(region: "eu-west-1").description == "https://dynamodb.eu-west-1.amazonaws.com")
        #expect(try DynamoDBEndpoint(url: "http://127.0.0.1:8000/").hostHeader == "127.0.0.1:8000")
        #expect(try DynamoDBEndpoint(url: "https://[::1]:8443").hostHeader == "[::1]:8443")
        #expect(try DynamoDBEndpoint(url: "HTTP://localhost").port == 80)
        for bad in ["ftp://x", "http://", "http://host:99999", "http://host/path"] {
            #expect(throws: PersistenceError.self, "\(bad)") { _ = try DynamoDBEndpoint(url: bad) }
        }
        let base = ["AWS_REGION": "eu-central-1", "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret"]
        #expect(try DynamoDBConfiguration.environment(base, table: "t").endpoint.host == "dynamodb.eu-central-1.amazonaws.com")
        var general = base
        general["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566"
        #expect(try DynamoDBConfiguration.environment(general, table: "t").endpoint.port == 4566)
        general["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:8000"
        #expect(try DynamoDBConfiguration.environment(general, table: "t").endpoint.port == 8000, "the service-specific one wins")
        let noRegion = #expect(throws: PersistenceError.self) {
            _ = try DynamoDBConfiguration.environment(["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"], table: "t")
        }
        #expect(noRegion?.message.contains("AWS_REGION") == true)
        let noKey = #expect(throws: PersistenceError.self) {
            _ = try DynamoDBConfiguration.environment(["AWS_REGION": "us-east-1"], table: "t")
        }
        #expect(noKey?.message.contains("AWS_ACCESS_KEY_ID") == true)
    }
}
