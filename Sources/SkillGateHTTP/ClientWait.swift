import SkillGateSystem

/// The client's waits: ``DescriptorWait`` on a descriptor and the interrupt pipe (written by
/// cancellation or ``HTTPClient/close()``), with its outcomes as ``ClientIOError``s.
enum ClientWait {
    /// Waits until `fd` is ready for `events`.
    /// - Throws: ``ClientIOError`` `.timedOut`, `.interrupted` or `.system`.
    static func wait(for fd: Int32, events: Int16, deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(ClientIOError) {
        switch DescriptorWait.wait(fd, for: events, deadline: deadline, interruptFD: interruptFD) {
        case .ready: return
        case .timedOut: throw .timedOut
        case .interrupted: throw .interrupted
        case .failed(let code): throw .system("poll", code)
        }
    }
}
