#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open-file limit (`RLIMIT_NOFILE`, what `ulimit -n` shows) and how many
/// descriptors are open: every connection needs one, so the connection cap must fit inside.
enum DescriptorLimit {
    /// The soft and hard limits; `Int.max` stands for "unlimited".
    struct Limits: Equatable {
        var soft: Int
        var hard: Int
    }

    /// The current limits, or nil if `getrlimit` fails.
    static func current() -> Limits? {
        var limits = rlimit()
        guard getrlimit(resource, &limits) == 0 else { return nil }
        return Limits(soft: clamp(limits.rlim_cur), hard: clamp(limits.rlim_max))
    }

    /// Raises the soft limit to `wanted` (at most the hard limit); never lowers it.
    /// - Returns: the soft limit in force afterwards (unchanged when the system refuses).
    static func raiseSoftLimit(to wanted: Int, from limits: Limits) -> Int {
        let target = min(wanted, limits.hard)
        guard target > limits.soft else { return limits.soft }
        var raised = rlimit()
        raised.rlim_cur = rlim_t(target)
        raised.rlim_max = limits.hard == Int.max ? infinity : rlim_t(limits.hard)
        guard setrlimit(resource, &raised) == 0 else { return limits.soft }
        return current()?.soft ?? target
    }

    /// How many descriptors the process has open, counted in `/proc/self/fd` (Linux) or `/dev/fd`;
    /// nil when neither can be read.
    static func openCount() -> Int? {
        #if os(Linux)
            let folder = "/proc/self/fd"
        #else
            let folder = "/dev/fd"
        #endif
        guard let directory = opendir(folder) else { return nil }
        var entries = 0
        while let entry = readdir(directory) {
            let isDot = withUnsafeBytes(of: entry.pointee.d_name) { name in
                name[0] == UInt8(ascii: ".") && (name[1] == 0 || (name[1] == UInt8(ascii: ".") && name[2] == 0))
            }
            if !isDot { entries += 1 }
        }
        closedir(directory)
        // The directory stream's own descriptor was among the entries.
        return max(entries - 1, 0)
    }

    #if canImport(Glibc)
        private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resource = Int32(RLIMIT_NOFILE)
    #endif

    /// `RLIM_INFINITY`: all ones on Linux (the C macro's cast does not import), 2^63-1 on Darwin.
    #if canImport(Darwin)
        private static let infinity = rlim_t(RLIM_INFINITY)
    #else
        private static let infinity = rlim_t.max
    #endif

    private static func clamp(_ value: rlim_t) -> Int {
        value == infinity || value > rlim_t(Int.max) ? Int.max : Int(value)
    }
}
