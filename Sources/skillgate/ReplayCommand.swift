#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import SkillGateReplay

/// `skillgate replay`: sends recorded requests and conversations to a skill, prints a transcript
/// and checks the expectations. Exit 0 when all pass, 1 on a difference, 2 on usage or I/O errors.
enum ReplayCommand {
    /// The one-line description `skillgate --help` lists.
    static let summary = "Replay requests and conversations against a skill and check expectations"

    /// The command's `--help` text.
    static let usage = """
        USAGE: skillgate replay PATH... (--exec "CMD ARGS" | --url http://HOST:PORT/PATH) [options]

        PATH is a request file, a conversation file or a folder (replayed recursively, in name order;
        NAME.expected.json sidecars are read with their request file, never replayed themselves).

        WHERE THE SKILL IS:
          --exec "CMD ARGS"          Start CMD once (via /bin/sh -c) and speak the stdio --lines
                                     protocol with it: one JSON request per line in, one JSON answer
                                     line out. A SkillGate skill does this: "my-skill stdio --lines".
          --url URL                  POST each request to a running endpoint (e.g. `my-skill serve`)
                                     over one keep-alive connection.

        OPTIONS:
          --update                   Write the answers as the new expectations (sidecars, inline
                                     "expect" objects, conversation turns) instead of checking them.
          --refresh-timestamps       Send recorded envelopes with the current timestamp and a fresh
                                     request ID, so old recordings pass the 150-second check.
          --sign-with KEY            Sign each body like Alexa (RSA-SHA256; Signature-256 and
                                     SignatureCertChainUrl headers) with this development key (--url).
          --cert-chain PEM           The development chain the endpoint serves (SKILLGATE_CERT_CHAIN),
                                     checked against the key before replaying.
          --cert-url URL             The SignatureCertChainUrl to send
                                     (default \(ReplaySigner.defaultCertificateURL)).
          --timeout SECONDS          How long to wait for each answer (default 10).
          --templates DIR            The Templates folder conversations are built from.
          -q, --quiet                Print only failing turns and the summary.

        EXIT CODES: 0 all expectations held, 1 a difference, 2 usage or I/O error.
        """

    /// Runs the command.
    /// - Parameter arguments: the arguments after the command name.
    /// - Returns: the exit code: 0 success, 1 a check failed, 2 usage or I/O error.
    static func run(_ arguments: [String]) async -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            Console.out(usage + "\n")
            return 0
        }
        // A skill that exits early must not take skillgate down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let options: ReplayOptions
        let files: [String]
        do {
            options = try ReplayOptions.parse(arguments, environment: ProcessInfo.processInfo.environment)
            files = try collectFiles(options.paths)
        } catch {
            return fail(error)
        }
        let transport: any SkillTransport
        do {
            transport = try await makeTransport(options)
        } catch {
            return fail(error)
        }
        let replayer = Replayer(options: options.settings, transport: transport)
        var stopped: CLIError?
        for file in files {
            do {
                try await replayer.replay(file: file)
            } catch {
                stopped = error
                break
            }
        }
        do {
            try await transport.close()
        } catch {
            stopped = stopped ?? error
        }
        replayer.transcript.summary(replayer.tally)
        if let stopped { return fail(stopped) }
        return replayer.tally.exitCode
    }

    private static func fail(_ error: CLIError) -> Int32 {
        Console.error("skillgate replay: \(error.message)")
        if error.kind == .usage { Console.error("\n" + usage) }
        return CLIError.exitCode
    }

    private static func makeTransport(_ options: ReplayOptions) async throws(CLIError) -> any SkillTransport {
        if let url = options.url {
            var signer: ReplaySigner?
            if let key = options.signingKey {
                signer = try await ReplaySigner(keyPath: key, chainPath: options.certificateChain, certificateURL: options.certificateURL)
            }
            return try HTTPTransport(url: url, signer: signer, timeout: options.timeout)
        }
        return try ExecTransport(command: options.exec ?? "", timeout: options.timeout, environment: options.settings.environment)
    }

    /// The files to replay: files as given, folders expanded recursively in name order, sidecars left out.
    static func collectFiles(_ paths: [String]) throws(CLIError) -> [String] {
        var files: [String] = []
        for path in paths {
            guard FileSystem.exists(path) else { throw .usage("\(path) does not exist") }
            if FileSystem.isDirectory(path) {
                let found = try FileSystem.files(under: path).filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }
                if found.isEmpty { throw .usage("\(path) holds no .json replay files") }
                files += found
            } else {
                files.append(path)
            }
        }
        return files
    }
}
