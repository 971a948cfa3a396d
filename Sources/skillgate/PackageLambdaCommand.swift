import Foundation
import SkillGateSystem

/// `skillgate package-lambda`: builds a skill for AWS Lambda's `provided.al2023` runtime and zips
/// it as `bootstrap` (release build, static Swift standard library), with any data files beside it.
enum PackageLambdaCommand {
    static let summary = "Build a skill as an AWS Lambda bootstrap zip (provided.al2023)"

    static let usage = """
        USAGE: skillgate package-lambda [--product NAME] [--output PATH.zip] [--package-path DIR] [--include FILE]...
                                      [--allow-incompatible]

        Runs `swift build -c release --product NAME --static-swift-stdlib` in the package, copies the
        binary into a zip as `bootstrap` (the entry point of Lambda's provided.al2023 runtime), adds the
        product's data files beside it, and prints the zip's path and size.

        OPTIONS:
          --product NAME       The executable product to package (default: ride-hailer).
          --output PATH.zip    Where to write the zip (default: <package>/.build/lambda/<product>.zip).
          --package-path DIR   The Swift package to build (default: the current directory).
          --include FILE       Another file to put beside bootstrap (repeatable; relative to the package).
          --allow-incompatible Exit 0 even when bootstrap needs a newer glibc or libstdc++ than
                               provided.al2023 has (glibc 2.34, GCC 11): for other targets, such as
                               a container image with a newer base.
          -h, --help           Show this help.

        ride-hailer gets Samples/RideHailer/Data/accounts.json beside bootstrap automatically.
        The binary links the build machine's glibc, libstdc++ and OpenSSL 3 dynamically (and libcurl if
        the skill uses FoundationNetworking), so build
        on a system matching provided.al2023 (glibc 2.34, GCC 11, OpenSSL 3) such as RHEL UBI 9, e.g. in
        the swift:<version>-rhel-ubi9 image; a binary needing newer symbol versions is reported.
        Needs `zip` (and `objdump` for that check).
        Exit codes: 0 packaged, 1 build or packaging failed or incompatible with provided.al2023,
        2 usage error.
        """

    /// Data files each known product needs beside its binary (paths relative to the package).
    static let productDataFiles: [String: [String]] = ["ride-hailer": ["Samples/RideHailer/Data/accounts.json"]]

    /// The parsed command line.
    struct Options: Equatable {
        var product = "ride-hailer"
        var output: String?
        var packagePath = "."
        var includes: [String] = []
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
            return fail("\(error.message)\n\n\(usage)", code: 2)
        }
        do {
            let result = try LambdaPackager(options: options).package()
            print("wrote \(result.zipPath) (\(formatSize(result.zipBytes)); bootstrap \(formatSize(result.binaryBytes)) uncompressed)")
            print("contents: \(result.contents.joined(separator: ", "))")
            switch result.compatibility {
            case .compatible:
                print(
                    "upload it as a Lambda function with runtime provided.al2023 (architecture \(result.architecture)), handler bootstrap")
                return 0
            case .unchecked(let reason):
                print("note: \(reason)")
                print(
                    "upload it as a Lambda function with runtime provided.al2023 (architecture \(result.architecture)), handler bootstrap")
                return 0
            case .incompatible(let symbols):
                let list = symbols.prefix(6).joined(separator: ", ") + (symbols.count > 6 ? ", …" : "")
                let message =
                    "bootstrap needs symbol versions that provided.al2023 (glibc 2.34, GCC 11 libstdc++) lacks: "
                    + "\(list). It would fail to start there; build on a glibc 2.34 / OpenSSL 3 system such as RHEL UBI 9 "
                    + "instead, e.g. in the swift:<version>-rhel-ubi9 image (see the README)"
                if options.allowIncompatible {
                    print("warning: \(message)")
                    return 0
                }
                return fail(message + " (or pass --allow-incompatible for other targets)", code: 1)
            }
        } catch {
            return fail(error.message, code: error.isUsage ? 2 : 1)
        }
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
            case "--allow-incompatible":
                try scanner.flag(argument)
                options.allowIncompatible = true
            default: throw PackageLambdaError(usage: "unknown argument '\(argument)'")
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
