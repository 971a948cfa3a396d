#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a fuzz harness runs.
///
/// Built for fuzzing (`-sanitize=fuzzer` and `-D SKILLGATE_FUZZ`, see README "Fuzzing") it hands
/// its arguments to libFuzzer's driver, after writing the seeds into an empty corpus directory
/// given as the first argument. In a plain build it runs every seed (or every file given) through
/// the check once, so `swift build` still makes a harmless, useful executable.
public enum FuzzHarness {
    /// libFuzzer's callback: one input, 0 to go on (a failed check aborts instead).
    typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs the harness and returns the process's exit status.
    /// - Parameters:
    ///   - name: the executable's name, for messages.
    ///   - seeds: the inputs to start from.
    ///   - check: the property, run on every input; it calls ``fail(_:input:)`` when it does not hold.
    /// - Returns: libFuzzer's status, or 0 once every input passed in a plain build (2 for bad usage).
    public static func main(name: String, seeds: @autoclosure () -> [[UInt8]], check: @escaping ([UInt8]) -> Void) -> Int32 {
        currentCheck = check
        let testOneInput: TestOneInput = LLVMFuzzerTestOneInput
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains("--help") {
            printUsage(name)
            return 0
        }
        let positional = arguments.filter { !$0.hasPrefix("-") }
        #if SKILLGATE_FUZZ
            if let corpus = positional.first { FuzzCorpus.seed(directory: corpus, with: seeds()) }
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
        #else
            let inputs = positional.isEmpty ? seeds() : positional.flatMap(FuzzCorpus.files(at:))
            for input in inputs {
                _ = input.withUnsafeBufferPointer { testOneInput($0.baseAddress, $0.count) }
            }
            print(
                "\(name): \(inputs.count) input(s) passed. This is a plain build, which runs its inputs once; "
                    + "build it with the fuzzer flags to fuzz (README \"Fuzzing\").")
            return 0
        #endif
    }

    /// Whether this build links libFuzzer.
    public static var isFuzzBuild: Bool {
        #if SKILLGATE_FUZZ
            true
        #else
            false
        #endif
    }

    /// Reports a broken property and aborts, which libFuzzer records as a crash with its input.
    /// - Parameters:
    ///   - message: what does not hold.
    ///   - input: the input that broke it.
    public static func fail(_ message: String, input: [UInt8]) -> Never {
        let shown = String(decoding: input.prefix(600), as: UTF8.self).unicodeScalars.map { scalar in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
        }.joined()
        let text = "FUZZ CHECK FAILED: \(message)\ninput (\(input.count) bytes): \(shown)\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        abort()
    }

    private static func printUsage(_ name: String) {
        print(
            """
            usage: \(name) [CORPUS_DIR [SEED_DIR …]] [libFuzzer flags, e.g. -max_total_time=60]
              fuzz build: runs libFuzzer; an empty CORPUS_DIR is first filled with the built-in seeds
              plain build: runs the seeds (or the files and folders given) through the check once
            """)
    }
}

#if SKILLGATE_FUZZ
    /// libFuzzer's driver, linked in by `-sanitize=fuzzer`: parses the flags and runs the loop.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: FuzzHarness.TestOneInput
    ) -> Int32
#endif

/// The running harness's check, set once by ``FuzzHarness/main(name:seeds:check:)`` before any input
/// runs, and only read afterwards (libFuzzer calls back on the thread that started it).
nonisolated(unsafe) private var currentCheck: ([UInt8]) -> Void = { _ in }

/// libFuzzer's entry point: runs the harness's check on one input.
@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    currentCheck(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
