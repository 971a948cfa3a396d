import Foundation
import SkillGateSystem

/// `skillgate package-lambda`: builds a skill for AWS Lambda's `provided.al2023` runtime and zips
/// it as `bootstrap` (release build, static Swift standard library), with any data files beside it.
enum PackageLambdaCommand {
    static let summary = "Build a skill as an AWS Lambda bootstrap zip (provided.al2023)"

    static let usage = """
        USAGE: skillgate package-lambda [--product NAME] [--output PATH.zip] [--package-path DIR] [--include FILE]...
                                      [--scratch-path DIR] [--allow-incompatible]

        Runs `swift build -c release --product NAME --static-swift-stdlib` in the package, copies the
        binary into a zip as `bootstrap` (the entry point of Lambda's provided.al2023 runtime), adds the
        product's data files beside it, and prints the zip's path and size.

        The build links a small C file that binds the few calls the static Swift runtime makes to
        functions re-versioned after glibc 2.34 / GCC 11 (hypot, hypotf,
        std::condition_variable::wait) to their older versions, so a bootstrap built on Debian 12 or
        Ubuntu 22.04+ still starts on provided.al2023 (glibc 2.34). Before zipping, `objdump -T`
        checks every symbol version against provided.al2023; a binary that still needs a newer one
        is refused and no zip is left behind.

        OPTIONS:
          --product NAME       The executable product to package (default: ride-hailer).
          --output PATH.zip    Where to write the zip (default: <package>/.build/lambda/<product>.zip, or
                               DIR/lambda/<product>.zip with --scratch-path DIR).
          --package-path DIR   The Swift package to build (default: the current directory).
          --include FILE       Another file to put beside bootstrap (repeatable; relative to the package).
          --scratch-path DIR   The build folder (swift build --scratch-path; default: <package>/.build).
          --allow-incompatible Zip and exit 0 even when bootstrap needs a newer glibc or libstdc++
                               than provided.al2023 has (glibc 2.34, GCC 11): for other targets,
                               such as a container image with a newer base.
          -h, --help           Show this help.

        ride-hailer gets Samples/RideHailer/Data/accounts.json beside bootstrap automatically.
        The Swift runtime and Foundation are inside the binary; it still loads glibc, libstdc++ and
        OpenSSL 3 from the system (and libcurl with FoundationNetworking, libsqlite3 with
        SkillGateSQLite). Needs `zip`, a C compiler (the toolchain's clang) for the pins, and
        `objdump` (binutils) for the check.

        EXIT CODES: 0 packaged, 1 the build or packaging failed, or bootstrap needs symbol versions
        provided.al2023 lacks (no zip written), 2 usage error.
        """

    /// The options `package-lambda` takes, for "did you mean".
    static let options = ["--product", "--output", "--package-path", "--include", "--scratch-path", "--allow-incompatible", "--help"]

    /// Data files each known product needs beside its binary (paths relative to the package).
    static let productDataFiles: [String: [String]] = ["ride-hailer": ["Samples/RideHailer/Data/accounts.json"]]

    /// The parsed command line.
    struct Options: Equatable {
        var product = "ride-hailer"
        var output: String?
        var packagePath = "."
        var includes: [String] = []
        var scratchPath: String?
        var allowIncompatible = false
    }

    static func run(_ arguments: [String]) async -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return 0
        }
        let options: Options
        do {
            options = try parse(arguments)
        } catch {
            return Console.usageError("package-lambda", error.message)
        }
        do {
            let result = try LambdaPackager(options: options).package()
            print("wrote \(result.zipPath) (\(formatSize(result.zipBytes)); bootstrap \(formatSize(result.binaryBytes)) uncompressed)")
            print("contents: \(result.contents.joined(separator: ", "))")
            switch result.compatibility {
            case .compatible:
                print("checked: bootstrap needs glibc \(result.newestGlibc ?? "2.x") at most (provided.al2023 has 2.34)")
            case .unchecked(let reason):
                print("note: \(reason)")
            case .incompatible(let symbols):
                print("warning (--allow-incompatible): \(incompatibility(symbols)); it will not start on provided.al2023")
            }
            print("upload it as a Lambda function with runtime provided.al2023 (architecture \(result.architecture)), handler bootstrap")
            return 0
        } catch {
            if error.isUsage { return Console.usageError("package-lambda", error.message) }
            return fail(error.message, code: 1)
        }
    }

    /// What is wrong with a binary that needs `symbols` (`name (VERSION)`, newest first).
    static func incompatibility(_ symbols: [String]) -> String {
        let list = symbols.prefix(6).joined(separator: ", ") + (symbols.count > 6 ? ", …" : "")
        return "bootstrap needs symbol versions that provided.al2023 (glibc 2.34, GCC 11 libstdc++) lacks: \(list)"
    }

    /// Parses the arguments after `package-lambda`.
    static func parse(_ arguments: [String]) throws(PackageLambdaError) -> Options {
        var options = Options()
        var scanner = ArgumentScanner(arguments) { PackageLambdaError(usage: $0.message) }
        func value(for option: String) throws(PackageLambdaError) -> String {
            let value = try scanner.value(for: option)
            guard !value.isEmpty else { throw PackageLambdaError(usage: ArgumentError.missingValue(option).message) }
            return value
        }
        while let argument = scanner.next() {
            switch argument {
            case "--product": options.product = try value(for: argument)
            case "--output": options.output = try value(for: argument)
            case "--package-path": options.packagePath = try value(for: argument)
            case "--include": options.includes.append(try value(for: argument))
            case "--scratch-path": options.scratchPath = try value(for: argument)
            case "--allow-incompatible":
                try scanner.flag(argument)
                options.allowIncompatible = true
            default: throw scanner.unknown(argument, known: Self.options)
            }
        }
        if let output = options.output, !output.hasSuffix(".zip") {
            throw PackageLambdaError(usage: "--output must name a .zip file, not '\(output)'")
        }
        return options
    }

    /// `12.3 MB` or `812 KB`.
    static func formatSize(_ bytes: Int) -> String {
        if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        return "\(max(1, (bytes + 999) / 1000)) KB"
    }

    private static func fail(_ message: String, code: Int32) -> Int32 {
        Console.error("skillgate package-lambda: \(message)")
        return code
    }
}

/// Why `package-lambda` failed, with a message a person can act on.
struct PackageLambdaError: Error {
    /// The refusal of a binary that would not start on provided.al2023 (no zip is written).
    /// - Parameter symbols: the offending `symbol (VERSION)` entries.
    static func incompatible(_ symbols: [String]) -> PackageLambdaError {
        PackageLambdaError(
            PackageLambdaCommand.incompatibility(symbols) + ". It would fail to start there, so no zip was written. "
                + "These are symbols the version pins (AL2023SymbolPins) do not cover yet: build on a glibc 2.34 system such as "
                + "RHEL UBI 9 (the swift:<version>-rhel-ubi9 image), or pass --allow-incompatible for a target with a newer glibc")
    }

    let message: String
    /// Whether the command line (rather than the build or packaging) was at fault.
    let isUsage: Bool

    init(_ message: String) {
        self.message = message
        self.isUsage = false
    }

    init(usage message: String) {
        self.message = message
        self.isUsage = true
    }
}
