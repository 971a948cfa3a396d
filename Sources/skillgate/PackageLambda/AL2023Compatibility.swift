import Foundation

/// Checks a Linux binary's dynamic symbol versions against what Lambda's `provided.al2023` runtime
/// offers (glibc 2.34, libstdc++ from GCC 11, OpenSSL 3), so a binary built on a newer distribution (e.g.
/// Debian 12 or Ubuntu 24.04) is caught here instead of failing with "version `GLIBC_2.35' not
/// found" on its first cold start.
enum AL2023Compatibility {
    /// The newest symbol version of each library on Amazon Linux 2023.
    static let ceilings: [(prefix: String, newest: [Int])] = [
        ("GLIBC_", [2, 34]), ("GLIBCXX_", [3, 4, 29]), ("CXXABI_", [1, 3, 13]),
    ]

    /// Symbol versions of libraries provided.al2023 does not ship at all (OpenSSL 1.x; it has 3.0).
    static let missingLibraryVersions = ["OPENSSL_1", "libssl.so.1", "libcrypto.so.1"]

    /// The outcome of a check.
    enum Verdict: Equatable {
        /// Every versioned symbol is available on provided.al2023.
        case compatible
        /// These `symbol (VERSION)` entries are newer than provided.al2023 has.
        case incompatible([String])
        /// The check could not run (no `objdump`), with the reason.
        case unchecked(String)
    }

    /// Reads the binary's dynamic symbols with `objdump -T` and compares their versions.
    /// - Parameter binary: the executable's path.
    static func check(_ binary: String) -> Verdict {
        guard let objdump = LambdaPackager.findExecutable("objdump") else {
            return .unchecked("objdump (binutils) is not installed, so glibc compatibility was not checked")
        }
        let listing = LambdaPackager.runProcess(objdump, ["-T", binary], in: "/", captureOutput: true, quiet: true)
        guard listing.status == 0 else { return .unchecked("objdump -T failed on \(binary)") }
        let problems = incompatibleSymbols(inObjdumpListing: listing.output)
        return problems.isEmpty ? .compatible : .incompatible(problems)
    }

    /// The newest `GLIBC_` symbol version the binary needs, e.g. `2.34` (nil without objdump).
    /// - Parameter binary: the executable's path.
    static func newestGlibc(_ binary: String) -> String? {
        guard let objdump = LambdaPackager.findExecutable("objdump") else { return nil }
        let listing = LambdaPackager.runProcess(objdump, ["-T", binary], in: "/", captureOutput: true, quiet: true)
        guard listing.status == 0 else { return nil }
        return newestVersion(prefix: "GLIBC_", inObjdumpListing: listing.output)
    }

    /// The newest version with `prefix` in an `objdump -T` listing, e.g. `2.34` for `GLIBC_`.
    static func newestVersion(prefix: String, inObjdumpListing listing: String) -> String? {
        var newest: [Int]?
        for line in listing.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2 else { continue }
            let version = fields[fields.count - 2].trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            guard version.hasPrefix(prefix) else { continue }
            let numbers = version.dropFirst(prefix.count).split(separator: ".").compactMap { Int($0) }
            if newest.map({ $0.lexicographicallyPrecedes(numbers) }) ?? true { newest = numbers }
        }
        return newest.map { $0.map(String.init).joined(separator: ".") }
    }

    /// The `symbol (VERSION)` entries of an `objdump -T` listing that are newer than the ceilings
    /// or belong to a library provided.al2023 lacks.
    static func incompatibleSymbols(inObjdumpListing listing: String) -> [String] {
        var problems: [String] = []
        for line in listing.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let symbol = fields.last else { continue }
            let version = fields[fields.count - 2].trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            let entry = "\(symbol) (\(version))"
            if missingLibraryVersions.contains(where: version.hasPrefix), !problems.contains(entry) {
                problems.append(entry)
            }
            for ceiling in ceilings where version.hasPrefix(ceiling.prefix) {
                let numbers = version.dropFirst(ceiling.prefix.count).split(separator: ".").compactMap { Int($0) }
                if numbers.lexicographicallyPrecedes(ceiling.newest) || numbers == ceiling.newest { continue }
                if !problems.contains(entry) { problems.append(entry) }
            }
        }
        return problems
    }
}
