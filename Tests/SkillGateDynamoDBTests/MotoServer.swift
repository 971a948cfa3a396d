#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import SkillGateDynamoDB
import SkillGateHTTP
import SkillGateTestSupport

/// moto's DynamoDB (`moto_server`) on a free loopback port, started per test from the venv that
/// `.ci/run` installs (`.build-moto/venv`, or `SKILLGATE_MOTO_VENV`), and stopped when the test ends.
// @unchecked Sendable: `process` is only terminated and waited for.
final class MotoServer: @unchecked Sendable {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The venv holding moto and boto3.
    static var venv: String { ProcessInfo.processInfo.environment["SKILLGATE_MOTO_VENV"] ?? checkout + "/.build-moto/venv" }
    static var python: String { venv + "/bin/python3" }

    /// Whether moto and boto3 are installed.
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: venv + "/bin/moto_server") && FileManager.default.isExecutableFile(atPath: python)
    }

    /// The credentials moto accepts (any).
    static let credentials = AWSCredentials(
        accessKeyId: "AKIDMOTOTEST", secretAccessKey: "moto-secret-key", sessionToken: "moto-session-token")

    let process: Process
    let port: Int

    var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    deinit { stop() }

    /// Starts moto and waits (up to 30 s) until it answers HTTP.
    static func start() async throws -> MotoServer {
        let port = try LoopbackListener.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: venv + "/bin/moto_server")
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = MotoServer(process: process, port: port)
        let client = HTTPClient(host: "127.0.0.1", port: port)
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < deadline {
            if (try? await client.send(method: "GET", path: "/moto-api/", timeout: .seconds(2))) != nil { return server }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        throw ChildProcess.Failure(description: "moto_server did not answer on port \(port) within 30 s")
    }

    /// Kills the server: moto_server ignores SIGTERM, and keeps nothing worth a clean shutdown.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A store on this server.
    func store(table: String, createsTable: Bool = false) -> DynamoDBPersistenceStore {
        DynamoDBPersistenceStore(
            DynamoDBConfiguration(
                table: table, region: "us-east-1", credentials: Self.credentials, endpoint: try? DynamoDBEndpoint(url: endpoint),
                createsTable: createsTable))
    }

    /// Runs a Python script with boto3 pointed at this server; `endpoint` is predefined in it.
    func python(_ script: String) async throws -> String {
        let prelude = """
            import boto3, json, sys
            from decimal import Decimal
            endpoint = "\(endpoint)"
            dynamodb = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1")
            client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1")
            def plain(value):
                if isinstance(value, Decimal): return int(value) if value == int(value) else float(value)
                if isinstance(value, dict): return {k: plain(v) for k, v in value.items()}
                if isinstance(value, list): return [plain(v) for v in value]
                return value

            """
        let output = try await ChildProcess.run(
            Self.python, ["-c", prelude + script],
            environment: ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"],
            timeout: 60)
        guard output.status == 0 else { throw ChildProcess.Failure(description: "python failed: \(output)") }
        return output.stdout
    }
}
