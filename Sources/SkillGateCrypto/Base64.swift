import COpenSSL

/// Strict base64 (RFC 4648 §4, the standard alphabet with `=` padding): checked here, decoded by
/// OpenSSL's `EVP_DecodeBlock`.
public enum Base64 {
    /// Decodes standard base64 (`A–Z a–z 0–9 + /`, `=` padding only at the end), ignoring surrounding
    /// spaces and tabs.
    /// - Parameter text: the encoded text, e.g. a signature sent in a header.
    /// - Returns: the decoded bytes, or nil when the text is empty or not strict base64.
    public static func decode(_ text: String) -> [UInt8]? {
        if let decoded = text.utf8.withContiguousStorageIfAvailable({ decode(UnsafeRawBufferPointer($0)) }) {
            return decoded
        }
        return Array(text.utf8).withUnsafeBytes { decode($0) }
    }

    private static func decode(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        var start = 0
        var end = input.count
        while start < end, isBlank(input[start]) { start += 1 }
        while end > start, isBlank(input[end - 1]) { end -= 1 }
        let count = end - start
        guard count > 0, count % 4 == 0, count <= Int(Int32.max), let base = input.baseAddress else { return nil }
        var padding = 0
        while padding < 2, input[end - 1 - padding] == UInt8(ascii: "=") { padding += 1 }
        for index in start..<(end - padding) where !isAlphabet(input[index]) { return nil }
        let decodedCount = count / 4 * 3
        var output = [UInt8](repeating: 0, count: decodedCount)
        let written = output.withUnsafeMutableBufferPointer { buffer in
            EVP_DecodeBlock(buffer.baseAddress, (base + start).assumingMemoryBound(to: UInt8.self), Int32(count))
        }
        guard written == decodedCount else { return nil }
        output.removeLast(padding)  // EVP_DecodeBlock writes a zero byte for each '='
        return output
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "+"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
