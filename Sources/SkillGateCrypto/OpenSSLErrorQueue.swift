import COpenSSL

/// Reads and clears OpenSSL's per-thread error queue.
enum OpenSSLErrorQueue {
    /// Drains the calling thread's error queue into one line.
    /// - Returns: OpenSSL's messages joined by `; `, or `no detail from OpenSSL` when the queue is empty.
    static func drain() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if messages.count < 4 { messages.append(message(for: code)) }
        }
        return messages.isEmpty ? "no detail from OpenSSL" : messages.joined(separator: "; ")
    }

    /// Forgets any queued errors, e.g. the expected end-of-input error after reading the last PEM block.
    static func clear() {
        ERR_clear_error()
    }

    private static func message(for code: UInt) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer -> String in
            guard let base = buffer.baseAddress else { return "OpenSSL error \(code)" }
            ERR_error_string_n(code, base, buffer.count)
            return String(cString: base)
        }
    }
}
