#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Raw, unbuffered access to the process's standard streams (no Foundation on the hot path).
public enum StandardStreams {
    /// Writes all bytes to a file descriptor, retrying on partial writes and EINTR.
    @discardableResult
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Writes a line of text to standard error.
    public static func printError(_ line: String) {
        write(Array((line + "\n").utf8), to: 2)
    }

    /// Writes text to standard output.
    public static func print(_ text: String) {
        write(Array(text.utf8), to: 1)
    }

    /// Reads what is available from a descriptor into `scratch` (allocated once by the caller)
    /// and appends it to `buffer`; returns the count, or nil at end of input or on a read error.
    public static func read(from descriptor: Int32, appendingTo buffer: inout [UInt8], scratch: inout [UInt8]) -> Int? {
        var count = 0
        scratch.withUnsafeMutableBytes { raw in
            repeat {
                count = systemRead(descriptor, raw.baseAddress, raw.count)
            } while count < 0 && errno == EINTR
        }
        guard count > 0 else { return nil }
        buffer.append(contentsOf: scratch[0..<count])
        return count
    }
}
