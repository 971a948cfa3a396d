#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateLogging
import Synchronization

extension EventLoop {
    /// What ``answerWithReserveDescriptor(_:)`` managed.
    enum ReserveOutcome {
        /// A waiting client got its 503; accepting may go on.
        case answered
        /// No client was waiting after all.
        case nothingWaiting
        /// The reserve descriptor is not held: stop accepting until the sweep.
        case noReserve
    }

    /// Answers 503 to a connection the server will not serve, then closes it. It lingers (to
    /// deliver the answer cleanly) while refusal slots are free, else it is answered and closed at once.
    /// - Parameters:
    ///   - reason: why, for the client and the warning (e.g. `the server is at its limit of 1024 connections`).
    ///   - holdingSlot: whether the socket already holds a refusal slot.
    func refuse(fd: Int32, address: String, reason: String, holdingSlot: Bool = false) {
        let slots = group.limits.refusalSlots
        if !holdingSlot && group.lingeringRefusals.add(1, ordering: .relaxed).newValue > slots {
            group.lingeringRefusals.subtract(1, ordering: .relaxed)
            refuseAtOnce(fd: fd, reason: reason)
            return
        }
        guard let connection = register(fd: fd, address: address, counted: false, client: nil) else {
            group.lingeringRefusals.subtract(1, ordering: .relaxed)
            return
        }
        connection.isRefusal = true
        connection.refuse(reason)
    }

    /// Writes a 503 to a fresh socket and closes it without registering it: for when no refusal
    /// slot or no descriptor is left. What the client has sent so far is read first, so the close
    /// is a clean FIN rather than a reset that could destroy the answer.
    func refuseAtOnce(fd: Int32, reason: String) {
        var scratch = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<4 {
            let count = scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < scratch.count { break }
        }
        var output: [UInt8] = []
        ResponseSerializer.append(
            Self.refusal(reason), to: &output, includeBody: true, keepAlive: false, date: currentDate())
        _ = output.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Platform.sendFlags) }
        Platform.shutdownWrite(fd)
        close(fd)
    }

    /// The 503 answer: a JSON error body, `Retry-After: 1`.
    static func refusal(_ reason: String) -> HTTPResponse {
        var response = HTTPResponse.error(status: 503, message: "\(reason); try again shortly")
        response.headers.add(name: "Retry-After", value: "1")
        return response
    }

    /// Out of descriptors (`EMFILE`/`ENFILE`): closes the reserve descriptor so one waiting
    /// client can be accepted and answered 503 at once, then takes the reserve back.
    func answerWithReserveDescriptor(_ code: Int32) -> ReserveOutcome {
        guard reserveFD >= 0 else {
            noteDescriptorShortage(answered: false)
            return .noReserve
        }
        Platform.closeDescriptor(reserveFD)
        reserveFD = -1
        var storage = sockaddr_storage()
        let fd = Self.accept(listenerFD, into: &storage)
        if fd >= 0 {
            refuseAtOnce(fd: fd, reason: "the server has run out of file descriptors (\(SystemError.message(code)))")
        }
        reopenReserveDescriptor()
        guard fd >= 0 else { return reserveFD >= 0 ? .nothingWaiting : .noReserve }
        noteDescriptorShortage(answered: true)
        return reserveFD >= 0 ? .answered : .noReserve
    }

    /// Opens the reserve descriptor if it is not held (listener loop only); a failure is retried by the sweep.
    func reopenReserveDescriptor() {
        guard reserveFD < 0 else { return }
        let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
        if fd >= 0 { reserveFD = fd }
    }

    /// Closes the reserve descriptor when the listener closes.
    func releaseReserveDescriptor() {
        guard reserveFD >= 0 else { return }
        Platform.closeDescriptor(reserveFD)
        reserveFD = -1
    }

    /// Counts a client refused for want of descriptors, warning at most once a second.
    private func noteDescriptorShortage(answered: Bool) {
        if answered { descriptorShortageRefusals += 1 }
        if lastDescriptorShortageWarning == 0 || now &- lastDescriptorShortageWarning >= 1_000_000_000 {
            reportDescriptorShortage(force: true)
        }
    }

    /// Logs the shortage warning if there is something new to say (called by the sweep, and at once
    /// for the first shortage after a quiet second).
    func reportDescriptorShortage(force: Bool = false) {
        guard force || (descriptorShortageRefusals > 0 && now &- lastDescriptorShortageWarning >= 1_000_000_000)
        else { return }
        lastDescriptorShortageWarning = now
        let answered = descriptorShortageRefusals
        descriptorShortageRefusals = 0
        context.logger.error(
            "accept failed: the process is out of file descriptors; answered \(answered) connection(s) 503. Raise `ulimit -n` or lower maxConnections (\(group.limits))"
        )
    }
}
