#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

extension Connection {
    /// Writes buffered output; on `EAGAIN` waits for the backend to report the socket writable.
    func flush() {
        guard phase != .closed else { return }
        let total = output.count
        while outputOffset < total {
            let written = output.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + outputOffset, total - outputOffset, Platform.sendFlags)
            }
            if written > 0 {
                outputOffset += written
                continue
            }
            let code = errno
            if written < 0 && (code == EAGAIN || code == EWOULDBLOCK) {
                if writeDeadline == 0 { writeDeadline = loop.now + context.writeTimeout }
                loop.rearm(fd, for: .write)
                return
            }
            if written < 0 && code == EINTR { continue }
            closeNow()
            return
        }
        outputOffset = 0
        writeDeadline = 0
        if output.capacity > ServerContext.retainedOutputCapacity {
            output = []
        } else {
            output.removeAll(keepingCapacity: true)
        }
        if closeAfterWrite {
            beginLingeringClose()
        } else if phase == .idle && (mayHaveData || !input.isEmpty) {
            resumeAfterBackpressure()
        }
    }

    /// Whether earlier output is still waiting for the client to read it.
    var isWriteBlocked: Bool { writeDeadline != 0 }

    /// Continues with buffered or unread requests once blocked output has drained.
    private func resumeAfterBackpressure() {
        processInput()
        if mayHaveData {
            readAvailable()
        }
        if peerClosedInput && !mayHaveData {
            endOfInput()
        }
        if phase != .closed && !output.isEmpty {
            loop.scheduleFlush(self)
        }
    }

    /// After the final response: shut the write side and drain input briefly, so closing does not
    /// send a reset that could destroy the response before the client reads it.
    private func beginLingeringClose() {
        closeAfterWrite = false
        if counted {
            counted = false
            context.activeConnections.subtract(1, ordering: .relaxed)
        }
        Platform.shutdownWrite(fd)
        phase = .lingering
        input.clear()
        deadline = loop.now + (loop.draining ? 1_000_000_000 : ServerContext.lingerTimeout)
        readAvailable()
    }
}
