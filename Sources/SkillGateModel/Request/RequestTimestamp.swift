/// A request's timestamp: ISO-8601 (`2026-11-21T20:00:00Z`, with or without fractional seconds and
/// with `Z` or an offset) or epoch milliseconds, as some request types send.
public struct RequestTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSince1970: Int64

    /// Creates a timestamp.
    /// - Parameter millisecondsSince1970: milliseconds since the Unix epoch.
    public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }

    /// Seconds since the Unix epoch, with the milliseconds as a fraction.
    public var secondsSince1970: Double { Double(millisecondsSince1970) / 1000 }

    /// Parses a JSON timestamp: a string in ISO-8601, or a number of epoch milliseconds.
    /// - Parameter json: the `timestamp` member's value.
    public init?(json: JSONValue) {
        switch json {
        case .string(let text): self.init(iso8601: text)
        case .integer(let milliseconds): self.init(millisecondsSince1970: Int64(milliseconds))
        case .double(let milliseconds):
            guard milliseconds.isFinite, abs(milliseconds) < 1e17 else { return nil }
            self.init(millisecondsSince1970: Int64(milliseconds))
        default: return nil
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`.
    /// - Parameter text: the ISO-8601 date-time.
    public init?(iso8601 text: String) {
        guard let milliseconds = ISO8601Scanner.milliseconds(text) else { return nil }
        self.init(millisecondsSince1970: milliseconds)
    }

    /// The timestamp as ISO-8601 in UTC with milliseconds, e.g. `2026-11-21T20:00:00.000Z`.
    public var iso8601: String { ISO8601Scanner.format(millisecondsSince1970) }

    /// The ISO-8601 form.
    public var description: String { iso8601 }

    /// Orders timestamps in time.
    public static func < (lhs: RequestTimestamp, rhs: RequestTimestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }
}

/// Hand-written ISO-8601 scanning: Foundation's formatter costs microseconds per call.
enum ISO8601Scanner {
    static func milliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { milliseconds(utf8: $0) }
    }

    /// Parses ISO-8601 from UTF-8 bytes (the request parser calls this on the input in place).
    static func milliseconds(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        func number(_ digits: Int) -> Int64? {
            guard index + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for _ in 0..<digits {
                let byte = bytes[index]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
                index += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else { return nil }
        guard index < bytes.count, bytes[index] == 84 || bytes[index] == 116 || bytes[index] == 32 else { return nil }
        index += 1
        guard let hour = number(2), expect(58), let minute = number(2), expect(58), let second = number(2) else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var fractionMilliseconds: Int64 = 0
        if index < bytes.count, bytes[index] == 46 || bytes[index] == 44 {
            index += 1
            var scale: Int64 = 100
            var sawDigit = false
            while index < bytes.count, bytes[index] >= 48 && bytes[index] <= 57 {
                fractionMilliseconds += Int64(bytes[index] - 48) * scale
                scale /= 10
                sawDigit = true
                index += 1
            }
            guard sawDigit else { return nil }
        }
        var offsetSeconds: Int64 = 0
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 90, 122: index += 1
        case 43, 45:
            let sign: Int64 = bytes[index] == 45 ? -1 : 1
            index += 1
            guard let offsetHours = number(2) else { return nil }
            _ = expect(58)
            guard let offsetMinutes = number(2) else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        default: return nil
        }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * 1000 + fractionMilliseconds
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func format(_ milliseconds: Int64) -> String {
        let totalSeconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let millis = milliseconds - totalSeconds * 1000
        let days = totalSeconds >= 0 ? totalSeconds / 86_400 : (totalSeconds - 86_399) / 86_400
        let secondsOfDay = totalSeconds - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // `YYYY-MM-DDTHH:MM:SS.mmmZ` written digit by digit into one buffer (log lines need one
        // per line; interpolating padded pieces cost a dozen small strings).
        guard (0...9999).contains(year) else {
            func pad(_ value: Int64, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondsOfDay / 3600, 2)):"
                + "\(pad(secondsOfDay % 3600 / 60, 2)):\(pad(secondsOfDay % 60, 2)).\(pad(millis, 3))Z"
        }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var index = 0
            func put(_ value: Int64, digits: Int) {
                var divisor: Int64 = 1
                for _ in 1..<digits { divisor *= 10 }
                var rest = value
                while divisor > 0 {
                    buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest / divisor)
                    rest %= divisor
                    divisor /= 10
                    index += 1
                }
            }
            func put(_ byte: UInt8) {
                buffer[index] = byte
                index += 1
            }
            put(year, digits: 4)
            put(UInt8(ascii: "-"))
            put(month, digits: 2)
            put(UInt8(ascii: "-"))
            put(day, digits: 2)
            put(UInt8(ascii: "T"))
            put(secondsOfDay / 3600, digits: 2)
            put(UInt8(ascii: ":"))
            put(secondsOfDay % 3600 / 60, digits: 2)
            put(UInt8(ascii: ":"))
            put(secondsOfDay % 60, digits: 2)
            put(UInt8(ascii: "."))
            put(millis, digits: 3)
            put(UInt8(ascii: "Z"))
            return index
        }
    }
}
