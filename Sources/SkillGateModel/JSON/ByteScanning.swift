/// Word-at-a-time scanning for the JSON hot paths (SWAR: eight bytes per step).
enum ByteScanning {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `start` that ends a plain run inside a JSON
    /// string: `"`, `\`, a control character (< 0x20), or any non-ASCII byte (≥ 0x80);
    /// `end` if there is none.
    @inline(__always)
    static func firstSpecial(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index + 8 <= end {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word
            let mask = special & highs
            if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < end {
            let byte = base[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { return index }
            index += 1
        }
        return end
    }

    /// The index of the first byte at or after `start` that a JSON string must escape on output
    /// (`"`, `\`, < 0x20); `end` if there is none. Non-ASCII bytes pass through.
    @inline(__always)
    static func firstToEscape(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index + 8 <= end {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
            let mask = special & highs
            if mask != 0 {
                // A borrow can flag a byte after a real match; confirm byte by byte from the first flag.
                var candidate = index + mask.trailingZeroBitCount / 8
                while candidate < index + 8 {
                    let byte = base[candidate]
                    if byte == 0x22 || byte == 0x5C || byte < 0x20 { return candidate }
                    candidate += 1
                }
            }
            index += 8
        }
        while index < end {
            let byte = base[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return index }
            index += 1
        }
        return end
    }
}
