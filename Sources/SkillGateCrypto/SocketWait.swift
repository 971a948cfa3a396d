import SkillGateSystem

/// The TLS client's waits: ``DescriptorWait`` with its outcomes as ``TLSError``s.
enum SocketWait {
    /// Waits until `fd` is ready for `events`.
    /// - Throws: ``TLSError`` `.timedOut`, `.interrupted`, or `.connectionFailed` when `poll` fails.
    static func wait(
        _ fd: Int32, for events: Int16, deadline: ContinuousClock.Instant?, interruptFD: Int32, while what: @autoclosure () -> String
    ) throws(TLSError) {
        switch DescriptorWait.wait(fd, for: events, deadline: deadline, interruptFD: interruptFD) {
        case .ready: return
        case .timedOut: throw TLSError(.timedOut, "The time limit ran out during \(what()).")
        case .interrupted: throw TLSError(.interrupted, "\(what()) was interrupted.")
        case .failed(let code):
            throw TLSError(.connectionFailed, "Waiting on the socket during \(what()) failed (\(errorText(code))).")
        }
    }

    /// `strerror` as a Swift string.
    static func errorText(_ code: Int32) -> String { DescriptorWait.errorText(code) }
}
