/// Polls `condition` every 5 ms for up to `seconds`; returns whether it became true.
/// - Parameters:
///   - seconds: how long to wait at most (generous: the machine may be loaded).
///   - condition: what to wait for.
/// - Returns: whether `condition` held before the time ran out.
public func eventually(within seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
