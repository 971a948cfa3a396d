#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension RequestTimestamp {
    /// The current wall-clock time.
    @Sendable public static func now() -> RequestTimestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return RequestTimestamp(millisecondsSince1970: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}
