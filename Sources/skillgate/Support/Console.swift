#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Writes to the standard streams: results on stdout, messages on stderr.
enum Console {
    /// Writes a line to stderr (unbuffered, so it is never lost or reordered at exit).
    /// - Parameter text: the line, without its newline.
    static func error(_ text: String) {
        writeAll(Array((text + "\n").utf8), to: 2)
    }

    /// Writes text to stdout through the same buffer as `print`.
    /// - Parameter text: the text, newline included when wanted.
    static func out(_ text: String) {
        print(text, terminator: "")
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
