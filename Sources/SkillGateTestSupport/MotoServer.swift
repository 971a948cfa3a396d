#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
public import Foundation

/// moto's AWS mock (`moto_server`) on a free loopback port, from the venv `.ci/run` installs
/// (`.build-moto/venv`, or `SKILLGATE_MOTO_VENV`): DynamoDB for tests, with no AWS account.
// @unchecked Sendable: `process` is only killed and waited for.
public final class MotoServer: @unchecked Sendable {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The venv holding moto and boto3.
    public static var venv: String { ProcessInfo.processInfo.environment["SKILLGATE_MOTO_VENV"] ?? checkout + "/.build-moto/venv" }
    /// The venv's Python, with boto3 and botocore.
    public static var python: String { venv + "/bin/python3" }

    /// Whether moto and boto3 are installed (tests skip with a message otherwise).
    public static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: venv + "/bin/moto_server") && FileManager.default.isExecutableFile(atPath: python)
    }

    /// The running server.
    public let process: Process
    /// Its port on 127.0.0.1.
    public let port: Int

    /// `http://127.0.0.1:PORT`, for `AWS_ENDPOINT_URL_DYNAMODB`.
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    deinit { stop() }

    /// Starts moto and waits (up to 30 s) until it accepts connections.
    /// - Throws: ``ChildProcess/Failure`` when it does not start.
    public static func start() async throws -> MotoServer {
        let port = try LoopbackListener.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: venv + "/bin/moto_server")
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = MotoServer(process: process, port: port)
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < deadline && process.isRunning {
            if LoopbackListener.accepts(port: port) { return server }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        throw ChildProcess.Failure(description: "moto_server did not listen on port \(port) within 30 s")
    }

    /// Kills the server: moto_server ignores SIGTERM, and keeps nothing worth a clean shutdown.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Runs a Python script with boto3 pointed at this server. The script can use `endpoint`,
    /// `dynamodb` (the boto3 resource), `client` (the boto3 client), `json`, `Decimal`, and
    /// `plain(value)` (Decimals to ints and floats, for printing as JSON).
    /// - Parameter script: the script.
    /// - Returns: its standard output.
    /// - Throws: ``ChildProcess/Failure`` when it fails.
    public func python(_ script: String) async throws -> String {
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
        let output = try await ChildProcess.run(Self.python, ["-c", prelude + script], environment: Self.environment, timeout: 60)
        guard output.status == 0 else { throw ChildProcess.Failure(description: "python failed: \(output)") }
        return output.stdout
    }

    /// Throw-away AWS settings for programs talking to moto.
    public static let environment = ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"]
}
