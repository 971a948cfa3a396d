/// A C file linked into every `bootstrap` that `package-lambda` builds, so a binary built on a
/// newer distribution than Amazon Linux 2023 still starts on `provided.al2023`.
///
/// The static Swift runtime libraries (Foundation, Dispatch) call a few functions that glibc or
/// libstdc++ gave a new symbol version after the releases Amazon Linux 2023 ships (glibc 2.34,
/// GCC 11): linked on Debian 12 or Ubuntu 22.04+, the binary asks for `hypotf@GLIBC_2.35` (and,
/// depending on what it uses, `hypot@GLIBC_2.35` or `std::condition_variable::wait@GLIBCXX_3.4.30`)
/// and would fail its first cold start with
/// "version `GLIBC_2.35' not found". The file defines each of those functions in the binary
/// itself (hidden, so nothing outside it sees them), forwarding to the older version of the same
/// function that both the build machine and provided.al2023 export (`.symver`). The static
/// runtime stays; only these calls are bound to the older versions.
enum AL2023SymbolPins {
    /// One function to bind to an older symbol version.
    struct Pin {
        /// The (possibly mangled) symbol the runtime libraries call.
        let symbol: String
        /// The version both glibc 2.34 / GCC 11 and newer export, on x86_64 and on arm64.
        let version: (x86_64: String, arm64: String)
        /// The C return type, e.g. `double`.
        let returns: String
        /// The C parameter types, e.g. `double`, `double`.
        let parameters: [String]
    }

    /// Every symbol the static toolchain libraries need in a version newer than provided.al2023
    /// has, found with `objdump -T bootstrap | grep -E 'GLIBC_2\.3[5-9]|GLIBCXX_3\.4\.3'` on
    /// Debian 12 builds with Swift 6.3: `hypotf` in the Ride Hailer sample, `hypot` and the
    /// condition variable's `wait` in smaller Foundation programs.
    static let pins: [Pin] = [
        Pin(symbol: "hypot", version: ("GLIBC_2.2.5", "GLIBC_2.17"), returns: "double", parameters: ["double", "double"]),
        Pin(symbol: "hypotf", version: ("GLIBC_2.2.5", "GLIBC_2.17"), returns: "float", parameters: ["float", "float"]),
        // std::condition_variable::wait(std::unique_lock<std::mutex>&): `this` and the lock, by pointer.
        Pin(
            symbol: "_ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE", version: ("GLIBCXX_3.4.11", "GLIBCXX_3.4.11"),
            returns: "void", parameters: ["void *", "void *"]),
    ]

    /// The C source: for each pin, an alias bound to the old version and a hidden definition of
    /// the symbol that calls it.
    static var source: String {
        var text = """
            // Written by `skillgate package-lambda`: binds the calls below to symbol versions that
            // Lambda's provided.al2023 (glibc 2.34, GCC 11) has. See AL2023SymbolPins.swift.
            #if !defined(__x86_64__) && !defined(__aarch64__)
            #error "package-lambda builds for x86_64 or arm64 only"
            #endif

            """
        for (index, pin) in pins.enumerated() {
            let old = "skillgate_pinned_\(index)"
            let names = pin.parameters.indices.map { "a\($0)" }
            let declared = zip(pin.parameters, names).map { "\($0) \($1)" }.joined(separator: ", ")
            let call = "\(old)(\(names.joined(separator: ", ")))"
            text += """

                \(pin.returns) \(old)(\(pin.parameters.joined(separator: ", ")));
                #if defined(__x86_64__)
                __asm__(".symver \(old), \(pin.symbol)@\(pin.version.x86_64)");
                #else
                __asm__(".symver \(old), \(pin.symbol)@\(pin.version.arm64)");
                #endif
                __attribute__((visibility("hidden"))) \(pin.returns) skillgate_pin_\(index)(\(declared)) __asm__("\(pin.symbol)");
                __attribute__((visibility("hidden"))) \(pin.returns) skillgate_pin_\(index)(\(declared)) { \(pin.returns == "void" ? "" : "return ")\(call); }

                """
        }
        return text
    }

    /// A short name that changes with the source, so a changed file is relinked (SwiftPM does
    /// not relink when only an `-Xlinker` input's contents change).
    static var fileStem: String {
        var hash: UInt32 = 2_166_136_261
        for byte in source.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return "al2023-pins-" + String(hash, radix: 16)
    }
}
