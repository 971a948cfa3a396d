#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `Date` header value (IMF-fixdate, RFC 9110 §5.6.7), formatted at most once per second.
struct HTTPDateCache {
    private var second = -1
    private(set) var value: [UInt8] = []

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Refreshes the cached value if the wall-clock second changed; returns it.
    mutating func current() -> [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            value = Self.format(now)
        }
        return value
    }

    /// Formats a Unix time as e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func format(_ seconds: Int) -> [UInt8] {
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        var text = days[Int(parts.tm_wday) % 7] + ", "
        text += twoDigits(Int(parts.tm_mday)) + " " + months[Int(parts.tm_mon) % 12] + " "
        text += String(Int(parts.tm_year) + 1900) + " "
        text += twoDigits(Int(parts.tm_hour)) + ":" + twoDigits(Int(parts.tm_min)) + ":" + twoDigits(Int(parts.tm_sec))
        return Array((text + " GMT").utf8)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
