extension Duration {
    /// The duration as a person reads it in a log line: whole milliseconds below one second
    /// (`250 ms`), seconds with one decimal from there (`6.5 s`, `60.0 s`); negative durations
    /// keep their sign (callers that mean "ago" pass the magnitude).
    var logText: String {
        let (seconds, attoseconds) = components
        let negative = seconds < 0 || (seconds == 0 && attoseconds < 0)
        let sign = negative ? "-" : ""
        // Work on the magnitude; |attoseconds| < 10^18 and has the same sign as seconds.
        let wholeSeconds = seconds.magnitude
        let fraction = attoseconds.magnitude
        guard wholeSeconds < 1_000_000_000 else { return "\(sign)\(wholeSeconds) s" }
        let milliseconds = wholeSeconds * 1000 + (fraction + 500_000_000_000_000) / 1_000_000_000_000_000
        if milliseconds < 1000 { return "\(sign)\(milliseconds) ms" }
        let tenths = wholeSeconds * 10 + (fraction + 50_000_000_000_000_000) / 100_000_000_000_000_000
        return "\(sign)\(tenths / 10).\(tenths % 10) s"
    }

    /// The magnitude of the duration.
    var magnitude: Duration { self < .zero ? .zero - self : self }
}
