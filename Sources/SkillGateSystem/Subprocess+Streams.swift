import Synchronization

extension Subprocess {
    /// Writes all of `bytes` to the child's stdin pipe, waiting for room until `deadline`.
    /// - Parameters:
    ///   - bytes: the bytes.
    ///   - deadline: when to give up.
    /// - Returns: false when the child no longer reads (closed its stdin or exited), stdin is not
    ///   a pipe or was closed, or the deadline passed first.
    public func write(_ bytes: [UInt8], until deadline: ContinuousClock.Instant) -> Bool {
        standardInputDescriptor.withLock { descriptor in
            descriptor >= 0 && PipeIO.writeAll(bytes, to: descriptor, until: deadline)
        }
    }

    /// ``write(_:until:)`` on a thread of its own.
    /// - Parameters:
    ///   - bytes: the bytes.
    ///   - deadline: when to give up.
    /// - Returns: as ``write(_:until:)``.
    public func write(_ bytes: [UInt8], until deadline: ContinuousClock.Instant) async -> Bool {
        await OffPool.run { self.write(bytes, until: deadline) }
    }

    /// Reads what is available on the child's stdout pipe, waiting until `deadline`.
    /// - Parameter deadline: when to give up.
    /// - Returns: the bytes; empty at end of output (or when stdout is not a pipe); nil when the
    ///   deadline passed first.
    public func readStandardOutput(until deadline: ContinuousClock.Instant) -> [UInt8]? {
        standardOutputDescriptor < 0 ? [] : PipeIO.readChunk(from: standardOutputDescriptor, until: deadline)
    }

    /// ``readStandardOutput(until:)`` on a thread of its own.
    /// - Parameter deadline: when to give up.
    /// - Returns: as ``readStandardOutput(until:)``.
    public func readStandardOutput(until deadline: ContinuousClock.Instant) async -> [UInt8]? {
        await OffPool.run { self.readStandardOutput(until: deadline) }
    }

    /// Reads what is available on the child's stderr pipe, waiting until `deadline`.
    /// - Parameter deadline: when to give up.
    /// - Returns: the bytes; empty at end of output (or when stderr is not a pipe); nil when the
    ///   deadline passed first.
    public func readStandardError(until deadline: ContinuousClock.Instant) -> [UInt8]? {
        standardErrorDescriptor < 0 ? [] : PipeIO.readChunk(from: standardErrorDescriptor, until: deadline)
    }

    /// ``readStandardError(until:)`` on a thread of its own.
    /// - Parameter deadline: when to give up.
    /// - Returns: as ``readStandardError(until:)``.
    public func readStandardError(until deadline: ContinuousClock.Instant) async -> [UInt8]? {
        await OffPool.run { self.readStandardError(until: deadline) }
    }
}
