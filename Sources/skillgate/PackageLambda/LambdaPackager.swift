import Foundation
import SkillGateSystem

/// Builds, stages and zips a Lambda `bootstrap` for ``PackageLambdaCommand``.
struct LambdaPackager {
    /// What was written.
    struct Result {
        let zipPath: String
        let zipBytes: Int
        let binaryBytes: Int
        let contents: [String]
        let architecture: String
        let compatibility: AL2023Compatibility.Verdict
    }

    let options: PackageLambdaCommand.Options
    private let fileManager = FileManager.default

    /// Runs every step; build output goes to standard error.
    func package() throws(PackageLambdaError) -> Result {
        let packageDirectory = URL(fileURLWithPath: options.packagePath).standardizedFileURL
        guard fileManager.fileExists(atPath: packageDirectory.appendingPathComponent("Package.swift").path) else {
            throw PackageLambdaError(usage: "no Package.swift in \(packageDirectory.path); pass --package-path DIR")
        }
        guard let zip = Self.findExecutable("zip") else {
            throw PackageLambdaError("the `zip` command is not installed; install it (e.g. `apt-get install zip`) and try again")
        }
        guard let swift = Self.findExecutable("swift") else {
            throw PackageLambdaError("the `swift` command is not on PATH; install a Swift 6 toolchain")
        }
        let dataFiles = try resolveDataFiles(in: packageDirectory)
        let buildArguments =
            ["build", "-c", "release", "--product", options.product, "--static-swift-stdlib"]
            + curlLinkWorkaround(in: packageDirectory.appendingPathComponent(".build/lambda/link"))
        Console.error("$ swift \(buildArguments.joined(separator: " "))")
        let build = Self.runProcess(swift, buildArguments, in: packageDirectory.path, captureOutput: false)
        guard build.status == 0 else {
            throw PackageLambdaError(
                "swift build failed (exit \(build.status)); see the compiler output above. A static build links the "
                    + "system's libcurl, libssl and libz: install their development packages (e.g. libcurl4-openssl-dev, "
                    + "libssl-dev, zlib1g-dev) if the linker cannot find them")
        }
        let binPath = Self.runProcess(swift, buildArguments + ["--show-bin-path"], in: packageDirectory.path, captureOutput: true)
        let binDirectory = binPath.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let binary = URL(fileURLWithPath: binDirectory).appendingPathComponent(options.product)
        guard binPath.status == 0, fileManager.isExecutableFile(atPath: binary.path) else {
            throw PackageLambdaError("the build finished but \(binary.path) is missing; is '\(options.product)' an executable product?")
        }

        let staging = packageDirectory.appendingPathComponent(".build/lambda/\(options.product)-staging")
        let output = URL(
            fileURLWithPath: options.output ?? packageDirectory.appendingPathComponent(".build/lambda/\(options.product).zip").path
        )
        .standardizedFileURL
        var contents = ["bootstrap"]
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fileManager.copyItem(at: binary, to: staging.appendingPathComponent("bootstrap"))
            try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staging.appendingPathComponent("bootstrap").path)
            for file in dataFiles {
                try fileManager.copyItem(at: file, to: staging.appendingPathComponent(file.lastPathComponent))
                try fileManager.setAttributes(
                    [.posixPermissions: 0o644], ofItemAtPath: staging.appendingPathComponent(file.lastPathComponent).path)
                contents.append(file.lastPathComponent)
            }
            if fileManager.fileExists(atPath: output.path) { try fileManager.removeItem(at: output) }
        } catch {
            throw PackageLambdaError("could not stage the package in \(staging.path): \(error.localizedDescription)")
        }
        let zipped = Self.runProcess(zip, ["-q", "-X", "-9", output.path] + contents, in: staging.path, captureOutput: false)
        guard zipped.status == 0 else {
            throw PackageLambdaError("zip failed (exit \(zipped.status)) writing \(output.path)")
        }
        try? fileManager.removeItem(at: staging)
        return Result(
            zipPath: output.path, zipBytes: size(of: output), binaryBytes: size(of: binary), contents: contents,
            architecture: Self.lambdaArchitecture, compatibility: AL2023Compatibility.check(binary.path))
    }

    /// The product's known data files plus `--include` files, checked to exist.
    private func resolveDataFiles(in packageDirectory: URL) throws(PackageLambdaError) -> [URL] {
        let paths = (PackageLambdaCommand.productDataFiles[options.product] ?? []) + options.includes
        var files: [URL] = []
        for path in paths {
            let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : packageDirectory.appendingPathComponent(path)
            guard fileManager.fileExists(atPath: file.path) else {
                throw PackageLambdaError(usage: "\(file.path) does not exist (a data file for \(options.product))")
            }
            guard file.lastPathComponent != "bootstrap", !files.contains(where: { $0.lastPathComponent == file.lastPathComponent }) else {
                throw PackageLambdaError(usage: "two files would be named \(file.lastPathComponent) in the zip")
            }
            files.append(file)
        }
        return files
    }

    /// With the static Swift standard library, Foundation's networking links `-lcurl`, which needs
    /// the development symlink `libcurl.so` (package libcurl4-openssl-dev). When only the runtime
    /// library `libcurl.so.4` is installed, a private symlink to it is handed to the linker; the
    /// binary then needs `libcurl.so.4` at run time either way (provided.al2023 has it).
    private func curlLinkWorkaround(in directory: URL) -> [String] {
        let libraryDirectories = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"]
        if libraryDirectories.contains(where: { fileManager.fileExists(atPath: "\($0)/libcurl.so") }) { return [] }
        guard let runtime = libraryDirectories.map({ "\($0)/libcurl.so.4" }).first(where: fileManager.fileExists(atPath:)) else {
            return []
        }
        let link = directory.appendingPathComponent("libcurl.so")
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            try? fileManager.removeItem(at: link)
            try fileManager.createSymbolicLink(atPath: link.path, withDestinationPath: runtime)
        } catch {
            return []
        }
        Console.error("note: libcurl.so (libcurl4-openssl-dev) is not installed; linking against \(runtime) instead")
        return ["-Xlinker", "-L\(directory.path)"]
    }

    private func size(of url: URL) -> Int {
        ((try? fileManager.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Lambda's name for this machine's architecture.
    static var lambdaArchitecture: String {
        #if arch(arm64)
            "arm64"
        #else
            "x86_64"
        #endif
    }

    /// The first executable called `name` on PATH.
    static func findExecutable(_ name: String) -> String? {
        Subprocess.which(name, searchPath: ProcessInfo.processInfo.environment["PATH"] ?? Subprocess.defaultSearchPath)
    }

    /// Runs a program in `directory` and waits (a build may take long: the limit is a day); its
    /// output goes to our standard error unless captured, its errors too unless `quiet`.
    static func runProcess(
        _ executable: String, _ arguments: [String], in directory: String, captureOutput: Bool, quiet: Bool = false
    ) -> (status: Int32, output: String) {
        do {
            let output = try Subprocess.run(
                executable, arguments: arguments, workingDirectory: directory, standardOutput: captureOutput ? .pipe : .descriptor(2),
                standardError: quiet ? .nullDevice : .inherit, timeout: .seconds(24 * 60 * 60))
            return (output.status, String(decoding: output.standardOutput, as: UTF8.self))
        } catch {
            return (127, "")
        }
    }
}
