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
        /// The newest `GLIBC_` version bootstrap needs, e.g. `2.34`.
        let newestGlibc: String?
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
        let buildFolder = options.scratchPath.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let lambdaDirectory = (buildFolder ?? packageDirectory.appendingPathComponent(".build")).appendingPathComponent("lambda")
        let output = URL(fileURLWithPath: options.output ?? lambdaDirectory.appendingPathComponent("\(options.product).zip").path)
            .standardizedFileURL
        // A zip from an earlier run must not outlive a failed or refused one.
        try removeStaleZip(output)
        let pins = try compileSymbolPins(in: lambdaDirectory, swift: swift)
        let scratch = buildFolder.map { ["--scratch-path", $0.path] } ?? []
        let buildArguments =
            ["build", "-c", "release", "--product", options.product, "--static-swift-stdlib", "-Xlinker", pins] + scratch
            + curlLinkWorkaround(in: lambdaDirectory.appendingPathComponent("link"))
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

        // Checked before anything is zipped: a binary that would not start on Lambda leaves no zip.
        let compatibility = AL2023Compatibility.check(binary.path)
        if case .incompatible(let symbols) = compatibility, !options.allowIncompatible { throw .incompatible(symbols) }

        let staging = lambdaDirectory.appendingPathComponent("\(options.product)-staging")
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
        } catch {
            throw PackageLambdaError("could not stage the package in \(staging.path): \(error.localizedDescription)")
        }
        let zipped = Self.runProcess(zip, ["-q", "-X", "-9", output.path] + contents, in: staging.path, captureOutput: false)
        try? fileManager.removeItem(at: staging)
        guard zipped.status == 0 else {
            try? fileManager.removeItem(at: output)
            throw PackageLambdaError("zip failed (exit \(zipped.status)) writing \(output.path)")
        }
        return Result(
            zipPath: output.path, zipBytes: size(of: output), binaryBytes: size(of: binary), contents: contents,
            architecture: Self.lambdaArchitecture, compatibility: compatibility, newestGlibc: AL2023Compatibility.newestGlibc(binary.path))
    }

    /// Removes a zip left at `output` by an earlier run.
    private func removeStaleZip(_ output: URL) throws(PackageLambdaError) {
        guard fileManager.fileExists(atPath: output.path) else { return }
        do {
            try fileManager.removeItem(at: output)
        } catch {
            throw PackageLambdaError("could not remove the old \(output.path): \(error.localizedDescription)")
        }
    }

    /// Writes ``AL2023SymbolPins``' C file into `directory` and compiles it with the toolchain's
    /// clang (beside `swift`), else `cc`.
    /// - Returns: the object file's path, for `-Xlinker`.
    private func compileSymbolPins(in directory: URL, swift: String) throws(PackageLambdaError) -> String {
        let source = directory.appendingPathComponent(AL2023SymbolPins.fileStem + ".c")
        let object = directory.appendingPathComponent(AL2023SymbolPins.fileStem + ".o")
        if fileManager.fileExists(atPath: object.path) { return object.path }
        let toolchainClang = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(
            "clang"
        ).path
        guard let compiler = fileManager.isExecutableFile(atPath: toolchainClang) ? toolchainClang : Self.findExecutable("cc") else {
            throw PackageLambdaError(
                "no C compiler: neither the toolchain's clang (\(toolchainClang)) nor cc is there, and bootstrap needs its glibc pins compiled"
            )
        }
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(AL2023SymbolPins.source.utf8).write(to: source)
        } catch {
            throw PackageLambdaError("could not write \(source.path): \(error.localizedDescription)")
        }
        let compiled = Self.runProcess(
            compiler, ["-c", "-O2", "-fPIC", "-fno-builtin", source.path, "-o", object.path], in: directory.path, captureOutput: false)
        guard compiled.status == 0 else {
            try? fileManager.removeItem(at: object)
            throw PackageLambdaError("\(compiler) could not compile \(source.path) (exit \(compiled.status)); see its output above")
        }
        return object.path
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
