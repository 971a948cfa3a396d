#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import SkillGateReplay
import SkillGateSystem

/// `skillgate replay`: sends recorded requests and conversations to a skill, prints a transcript
/// and checks the expectations. Exit 0 when all pass, 1 on a difference, 2 on usage or I/O errors.
enum ReplayCommand {
    /// The one-line description `skillgate --help` lists.
    static let summary = "Replay requests and conversations against a skill and check expectations"

    /// The command's `--help` text.
    static let usage = """
        USAGE: skillgate replay PATH... (--exec "CMD ARGS" | --url http://HOST:PORT/PATH) [options]

        PATH is a file or a folder (replayed recursively, in name order). A file is told by its shape:
          - a request envelope, bare or {"envelope": ..., "expect": ...}, with an optional
            NAME.expected.json sidecar (read with it, never replayed itself);
          - a conversation: {"conversation": ..., "turns": [...]}; a turn may "say" what the user
            says, resolved against the skill's interaction model into the intent and slots;
          - an `ask dialog --replay` file ({"skillId", "locale", "type": "text", "userInput": [...]}):
            each line a said turn;
          - an `ask dialog --save-skill-io` recording ({"invocations": [{"request", "response"}]}):
            each request replayed with a fresh timestamp, the recorded response its expectation.

        WHERE THE SKILL IS:
          --exec "CMD ARGS"          Run CMD (via /bin/sh -c) and speak stdio with it, e.g.
                                     "my-skill stdio --lines" (one process, one JSON line per
                                     request) or "my-skill stdio" (one process per request).
          --exec-mode MODE           auto (default: --lines in CMD means lines, stdio without it
                                     once, else a probe of the first request), once or lines.
          --url URL                  POST each request to a running endpoint (e.g. `my-skill serve`)
                                     over one keep-alive connection.

        OPTIONS:
          --model PATH               The interaction model said turns are resolved against (a file,
                                     or a folder holding <locale>.json). Default: the
                                     skill-package/interactionModels/custom/<locale>.json beside or
                                     above each replayed file.
          --update                   Rewrite the expectations that fail, from the answers, in their
                                     own style (passing ones stay as written, files that pass are
                                     not touched); add expectations where there are none. Prints a
                                     diff of each change and a count.
          --dry-run                  With --update: print the diff, write nothing (exit 1 if
                                     anything would change).
          --refresh-timestamps       Send recorded envelopes with the current timestamp and a fresh
                                     request ID, so old recordings pass the 150-second check.
          --sign-with KEY            Sign each body like Alexa (RSA-SHA256; Signature-256 and
                                     SignatureCertChainUrl headers) with this development key (--url).
          --cert-chain PEM           The development chain the endpoint serves (SKILLGATE_CERT_CHAIN);
                                     the key must match its signing certificate. `skillgate dev-cert`
                                     makes both.
          --cert-url URL             The SignatureCertChainUrl to send
                                     (default \(ReplaySigner.defaultCertificateURL)).
          --timeout SECONDS          How long to wait for each answer (default 10).
          --templates DIR            The Templates folder conversations are built from.
          -q, --quiet                Print only failing turns, updates and the summary.
          --no-color                 No colors (also NO_COLOR=1). Colors (ok green, FAIL red) and the
                                     progress line on stderr (replaying file 3/12 · 40 requests…)
                                     appear only on a terminal.

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
        var arguments = arguments
        let colors = TerminalColors(arguments: &arguments, environment: ProcessInfo.processInfo.environment)
        let options: ReplayOptions
        let files: [String]
        do {
            options = try ReplayOptions.parse(arguments, environment: ProcessInfo.processInfo.environment)
            files = try ReplayFiles.collect(options.paths)
        } catch {
            return Console.fail("replay", error)
        }
        let transport: any SkillTransport
        do {
            transport = try await makeTransport(options)
        } catch {
            return Console.fail("replay", error)
        }
        let progress = isatty(2) == 1 ? ReplayProgress(files: files.count, write: { StandardStreams.write(Array($0.utf8), to: 2) }) : nil
        let replayer = Replayer(options: options.settings, transport: transport, output: output(colors: colors, progress: progress))
        var stopped: CLIError?
        for (index, file) in files.enumerated() {
            progress?.startFile(index + 1)
            do {
                try await replayer.replay(file: file)
            } catch {
                stopped = error
                break
            }
        }
        progress?.finish()
        do {
            try await transport.close()
        } catch {
            stopped = stopped ?? error
        }
        replayer.transcript.summary(replayer.tally)
        if let stopped { return Console.fail("replay", stopped) }
        return replayer.tally.exitCode
    }

    /// The transcript on stdout (colored on a terminal) and messages on stderr, both unbuffered so
    /// the progress line can be erased before each and drawn again after.
    private static func output(colors: TerminalColors, progress: ReplayProgress?) -> ReplayOutput {
        ReplayOutput(
            out: { text in
                let painted = colors.paint(text)
                guard let progress else { return Console.out(painted) }
                progress.interrupt { _ = StandardStreams.write(Array(painted.utf8), to: 1) }
            },
            error: { line in
                guard let progress else { return Console.error(line) }
                progress.interrupt { Console.error(line) }
            },
            progress: { tally in progress?.update(requests: tally.requests) })
    }

    private static func makeTransport(_ options: ReplayOptions) async throws(CLIError) -> any SkillTransport {
        if let url = options.url {
            var signer: ReplaySigner?
            if let key = options.signingKey {
                signer = try await ReplaySigner(keyPath: key, chainPath: options.certificateChain, certificateURL: options.certificateURL)
            }
            return try HTTPTransport(url: url, signer: signer, timeout: options.timeout)
        }
        return ExecTransport(
            command: options.exec ?? "", mode: options.execMode, timeout: options.timeout, environment: options.settings.environment)
    }
}
