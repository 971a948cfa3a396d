#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide signal set-up, done once by a program's `main()` (never by library code).
public enum ProcessSignals {
    /// A parent may start us with SIGTERM/SIGINT blocked or ignored (both are inherited across
    /// exec): restores the defaults, so the process stops on them until `main()` installs its
    /// graceful handling, and ignores SIGPIPE, so a peer that goes away is an error, not a kill.
    public static func resetForMain() {
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        signal(SIGPIPE, SIG_IGN)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Ends the process with `code`.
    /// - Parameter code: the exit status.
    public static func exit(_ code: Int32) -> Never {
        #if canImport(Glibc)
            Glibc.exit(code)
        #elseif canImport(Musl)
            Musl.exit(code)
        #elseif canImport(Darwin)
            Darwin.exit(code)
        #endif
    }
}
