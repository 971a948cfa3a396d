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

    /// One server for the whole test process, started on first use; it exits with the process.
    /// Tests sharing it use tables of their own.
    /// - Returns: the server.
    /// - Throws: ``ChildProcess/Failure`` when it does not start.
    public static func shared() async throws -> MotoServer { try await sharedServer.value }

    private static let sharedServer = Task { try await MotoServer.start() }

    /// moto's server as `moto_server` runs it, with two changes: requests are handled one at a
    /// time (moto checks a ConditionExpression and writes in separate steps, so two concurrent
    /// conditional writes could both pass, which real DynamoDB never allows), and a thread ends it
    /// when its parent (the test process) is gone, so no moto is left listening after a crashed or
    /// killed test run.
    static let watchdog = """
        import os, sys, threading, time
        from werkzeug.serving import run_simple
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
        parent = os.getppid()
        def watch():
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
        os.environ["MOTO_PORT"] = sys.argv[1]
        app = DomainDispatcherApplication(create_backend_app)
        lock = threading.Lock()
        def one_at_a_time(environ, start_response):
            with lock:
                return list(app(environ, start_response))
        run_simple("127.0.0.1", int(sys.argv[1]), one_at_a_time, threaded=True, request_handler=MotoRequestHandler)
        """

    /// Starts a server of its own and waits (up to 30 s) until it accepts connections.
    /// - Throws: ``ChildProcess/Failure`` when it does not start.
    public static func start() async throws -> MotoServer {
        let port = try LoopbackListener.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", watchdog, String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = MotoServer(process: process, port: port)
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < deadline && process.isRunning {
            if LoopbackListener.accepts(port: port) {
                // moto loads its DynamoDB backend on the first DynamoDB request, which takes seconds on
                // a busy machine: pay that here, not inside a test's first (timed) call.
                let answered = await Task.detached { LoopbackListener.exchange(port: port, Self.listTables, timeout: .seconds(90)) }.value
                guard answered else { break }
                return server
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        throw ChildProcess.Failure(description: "moto_server did not listen on port \(port) within 30 s")
    }

    /// A DynamoDB ListTables call (moto reads the region from the credential scope, and checks no signature).
    static let listTables = Array(
        ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
            + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: 20260101T000000Z\r\n"
            + "Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\n"
            + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").utf8)

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
