import Foundation
import SkillGateReplay
import SkillGateSystem

/// `skillgate dev-cert DIR`: a throw-away root, intermediate and signing certificate (with its
/// key) for replaying signed requests against a `serve` that keeps verification on.
enum DevCertCommand {
    /// The one-line description `skillgate --help` lists.
    static let summary = "Make throw-away certificates for signed replays against a verifying serve"

    /// The command's `--help` text.
    static let usage = """
        USAGE: skillgate dev-cert DIR [--days N] [--force]

        Writes a throw-away certificate authority shaped like Alexa's into DIR (created if needed),
        with the openssl command line:
          root.pem          the root a local serve trusts (SKILLGATE_TRUST_ROOTS)
          chain.pem         signing certificate + intermediate, what it serves (SKILLGATE_CERT_CHAIN)
          signing.key       the signing certificate's private key (replay --sign-with)
          signing.pem, intermediate.pem   the two certificates on their own
        The signing certificate names DNS:echo-api.amazon.com. The CA keys are deleted, so nothing
        else can be issued. It checks that a request signed with the key verifies, then prints the
        serve environment and the replay flags to use. For development only: never trust this
        root anywhere else.

        OPTIONS:
          --days N                   How long the certificates are valid (default 30).
          --force                    Replace certificates already in DIR.

        EXIT CODES: 0 written and checked, 2 usage error, or openssl or a file failed.
        """

    /// The options `dev-cert` takes, for "did you mean".
    static let options = ["--days", "--force", "--help"]

    /// Runs the command.
    /// - Parameter arguments: the arguments after the command name.
    /// - Returns: the exit code: 0 success, 2 usage or I/O error.
    static func run(_ arguments: [String]) async -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            Console.out(usage + "\n")
            return 0
        }
        let environment = ProcessInfo.processInfo.environment
        do throws(CLIError) {
            var scanner = ArgumentScanner(arguments, failure: CLIError.usage)
            var directory: String?
            var days = 30
            var force = false
            while let argument = scanner.next() {
                switch argument {
                case "--days":
                    let text = try scanner.value(for: argument)
                    guard let value = Int(text), (1...3650).contains(value) else {
                        throw .usage("--days needs a whole number of days from 1 to 3650, not '\(text)'")
                    }
                    days = value
                case "--force":
                    try scanner.flag(argument)
                    force = true
                case _ where argument.hasPrefix("-") && argument.count > 1: throw scanner.unknown(argument, known: options)
                default:
                    guard directory == nil else { throw .usage("unexpected argument '\(argument)'; give one folder") }
                    directory = argument
                }
            }
            guard let directory else { throw .usage("say where to write the certificates, e.g. skillgate dev-cert .dev-cert") }
            let folder = FileSystem.absolute(directory)
            let files = DevCertificates.files
            let names = [files.root, files.intermediate, files.signing, files.chain, files.key]
            if FileSystem.exists(folder) && !FileSystem.isDirectory(folder) { throw .usage("\(directory) exists and is not a folder") }
            let taken = names.filter { FileSystem.exists(folder + "/" + $0) }
            if !taken.isEmpty && !force {
                throw .usage("\(directory) already holds \(taken.joined(separator: ", ")); pass --force to replace them")
            }
            try FileSystem.createDirectory(folder)
            try await DevCertificates(days: days, environment: environment).write(into: folder)
            let signer = try await ReplaySigner(
                keyPath: folder + "/" + files.key, chainPath: folder + "/" + files.chain, certificateURL: nil)
            try await signer.verify(
                trusting: try FileSystem.read(folder + "/" + files.root), chain: try FileSystem.read(folder + "/" + files.chain))
            Console.out(instructions(folder: folder, days: days, environment: environment))
            return 0
        } catch {
            return Console.fail("dev-cert", error)
        }
    }

    private static func instructions(folder: String, days: Int, environment: [String: String]) -> String {
        let files = DevCertificates.files
        func path(_ name: String) -> String { ShellWords.quote(folder + "/" + name) }
        return """
            Wrote throw-away certificates into \(folder) (valid \(days) days; development only):
              \(files.root)          the root to trust (SKILLGATE_TRUST_ROOTS)
              \(files.chain)         signing certificate + intermediate, what serve answers certificate downloads with (SKILLGATE_CERT_CHAIN)
              \(files.key)       the signing key (replay --sign-with)
            Checked: a request signed with \(files.key) verifies against \(files.root) and \(files.chain).

            Start the skill with verification on:
              SKILLGATE_TRUST_ROOTS=\(path(files.root)) SKILLGATE_CERT_CHAIN=\(path(files.chain)) .build/debug/YOUR-SKILL serve --port 8080

            Replay signed requests against it:
              \(ShellWords.skillgate(environment: environment)) replay Replay --url http://127.0.0.1:8080/ --sign-with \(path(files.key)) --cert-chain \(path(files.chain)) --refresh-timestamps

            """
    }
}
