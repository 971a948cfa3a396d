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
    /// Accepts pending connections (listener loop only) and spreads them over the loops.
    func acceptConnections() {
        for _ in 0..<128 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Platform.accept(listenerFD, $0, &length) }
            }
            guard fd >= 0 else {
                let code = errno
                switch code {
                case EAGAIN, EWOULDBLOCK: return
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: stop accepting until the next sweep so the loop does not spin.
                    context.logger.error(
                        "accept failed: \(SystemError.message(code)); raise `ulimit -n` or lower maxConnections"
                    )
                    pauseListener()
                    return
                default:
                    context.logger.error("accept failed: \(SystemError.message(code))")
                    return
                }
            }
            Socket.setNoDelay(fd)
            let address = SocketAddress.describe(storage)
            let active = context.activeConnections.add(1, ordering: .relaxed).newValue
            if active > context.configuration.maxConnections {
                context.activeConnections.subtract(1, ordering: .relaxed)
                refuse(fd: fd, address: address)
                continue
            }
            let target = peers.isEmpty ? self : peers[nextPeer % peers.count]
            nextPeer &+= 1
            if target === self {
                adopt(fd: fd, address: address)
            } else if !target.execute({ target.adopt(fd: fd, address: address) }) {
                abandon(fd: fd, counted: true)
            }
        }
    }

    /// Takes ownership of an accepted socket on this loop's thread (also while draining: a client
    /// accepted just before the drain may have sent its request, which is then answered).
    func adopt(fd: Int32, address: String) {
        guard !stopRequested else {
            abandon(fd: fd, counted: true)
            return
        }
        guard let connection = register(fd: fd, address: address, counted: true) else { return }
        connection.start()
    }

    /// Answers 503 to a connection over the cap and closes it once the answer is out.
    private func refuse(fd: Int32, address: String) {
        guard refusedCount < context.configuration.maxConnections,
            let connection = register(fd: fd, address: address, counted: false)
        else {
            abandon(fd: fd, counted: false)
            return
        }
        refusedCount += 1
        connection.isRefusal = true
        connection.refuse()
    }

    /// Adds a socket to the loop's table and to the backend.
    private func register(fd: Int32, address: String, counted: Bool) -> Connection? {
        let generation = nextGeneration
        nextGeneration = nextGeneration >= 0xFFFF_0000 ? 1 : nextGeneration + 1
        let token = UInt64(generation) << 32 | UInt64(UInt32(truncatingIfNeeded: fd))
        let status = backend.register(fd: fd, token: token, watch: .connection)
        guard status == 0 else {
            context.logger.error("\(backend.name) refused a new connection: \(SystemError.message(status))")
            abandon(fd: fd, counted: counted)
            return nil
        }
        let connection = Connection(
            fd: fd, generation: generation, remoteAddress: address, loop: self, counted: counted)
        let slot = Int(fd)
        if slot >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: slot + 1 - connections.count))
        }
        connections[slot] = connection
        openConnections += 1
        return connection
    }

    /// Closes a socket that never became a connection.
    private func abandon(fd: Int32, counted: Bool) {
        close(fd)
        if counted { context.activeConnections.subtract(1, ordering: .relaxed) }
    }

    /// Removes a connection from the backend and the table; the connection closes its socket next.
    func connectionClosing(_ connection: Connection) {
        backend.deregister(fd: connection.fd, closing: true)
        openConnections -= 1
        let slot = Int(connection.fd)
        if slot < connections.count, connections[slot] === connection {
            connections[slot] = nil
        }
        if connection.isRefusal { refusedCount -= 1 }
    }

    private func pauseListener() {
        guard !listenerPaused, listenerFD >= 0 else { return }
        backend.deregister(fd: listenerFD, closing: false)
        listenerPaused = true
    }

    /// Re-arms a listener paused after running out of descriptors (called by the sweep).
    func resumeListenerIfPaused() {
        guard listenerPaused, listenerFD >= 0, !draining else { return }
        if backend.register(fd: listenerFD, token: Self.listenerToken, watch: .input) == 0 {
            listenerPaused = false
        }
    }

    /// Stops accepting: closes the listening socket.
    func closeListener() {
        guard listenerFD >= 0 else { return }
        if !listenerPaused { backend.deregister(fd: listenerFD, closing: true) }
        close(listenerFD)
        listenerFD = -1
    }
}
