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
            let fd = Self.accept(listenerFD, into: &storage)
            guard fd >= 0 else {
                let code = errno
                switch code {
                case EAGAIN, EWOULDBLOCK: return
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE:
                    // Out of descriptors: the reserve descriptor makes room to answer one client 503.
                    switch answerWithReserveDescriptor(code) {
                    case .answered: continue
                    case .nothingWaiting: return
                    case .noReserve:
                        // Stop accepting until the sweep, so the loop does not spin.
                        pauseListener()
                        return
                    }
                case ENOBUFS, ENOMEM:
                    context.logger.error("accept failed: \(SystemError.message(code)); the system is short of memory")
                    pauseListener()
                    return
                default:
                    context.logger.error("accept failed: \(SystemError.message(code))")
                    return
                }
            }
            admit(fd: fd, storage: storage)
        }
    }

    /// `accept` on `listener`, filling in the peer's address.
    static func accept(_ listener: Int32, into storage: inout sockaddr_storage) -> Int32 {
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        return withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Platform.accept(listener, $0, &length) }
        }
    }

    /// Applies the per-address limit and the cap to a new socket, then hands it to a loop.
    private func admit(fd: Int32, storage: sockaddr_storage) {
        Socket.setNoDelay(fd)
        let address = SocketAddress.describe(storage)
        let client = ClientAddress(storage)
        let limits = group.limits
        // A per-address limit as high as the cap is no limit of its own: the cap (and shedding) applies.
        let perClient = limits.maxConnectionsPerClient < limits.maxConnections ? limits.maxConnectionsPerClient : Int.max
        guard group.clients.acquire(client, limit: perClient) else {
            let limit = limits.maxConnectionsPerClient
            refuse(
                fd: fd, address: address,
                reason:
                    "this client address already has \(limit) open connection\(limit == 1 ? "" : "s"), the most one address may have"
            )
            return
        }
        let active = context.activeConnections.add(1, ordering: .relaxed).newValue
        // Over the cap, the loop that takes the socket first closes its longest-idle connection.
        // Meanwhile the socket holds a refusal slot, so sockets in flight between loops stay
        // within the descriptor budget; with no slot free it is answered 503 here and now.
        let mustShed = active > limits.maxConnections
        if mustShed && group.lingeringRefusals.add(1, ordering: .relaxed).newValue > limits.refusalSlots {
            group.lingeringRefusals.subtract(1, ordering: .relaxed)
            context.activeConnections.subtract(1, ordering: .relaxed)
            group.clients.release(client)
            refuseAtOnce(fd: fd, reason: Self.atCapacity(limits))
            return
        }
        let target = peers.isEmpty ? self : peers[nextPeer % peers.count]
        nextPeer &+= 1
        let hops = max(peers.count, 1)
        if target === self {
            adopt(fd: fd, address: address, client: client, mustShed: mustShed, hops: hops)
        } else if !target.execute({
            target.adopt(fd: fd, address: address, client: client, mustShed: mustShed, hops: hops)
        }) {
            abandon(fd: fd, counted: true, client: client, refusalSlot: mustShed)
        }
    }

    /// The reason given to a client refused at the cap.
    static func atCapacity(_ limits: HTTPConnectionLimits) -> String {
        "the server is at its limit of \(limits.maxConnections) connections"
    }

    /// Takes ownership of an accepted socket on this loop's thread.
    ///
    /// With `mustShed` the server is over its cap and the socket holds a refusal slot: the loop
    /// closes its longest-idle keep-alive connection to make room, or passes the socket on to the
    /// next loop (`hops` counts the loops left to try); when no loop has an idle connection the
    /// socket gets 503, in the slot it holds.
    func adopt(fd: Int32, address: String, client: ClientAddress, mustShed: Bool, hops: Int) {
        // Also while draining: a client accepted just before the drain may have sent its
        // request, which is then answered (with `Connection: close`).
        guard !stopRequested else {
            abandon(fd: fd, counted: true, client: client, refusalSlot: mustShed)
            return
        }
        if mustShed && shedLongestIdleConnection(for: address) {
            group.lingeringRefusals.subtract(1, ordering: .relaxed)
        } else if mustShed {
            if hops > 1, !peers.isEmpty {
                let next = peers[(index + 1) % peers.count]
                if next !== self
                    && next.execute({
                        next.adopt(fd: fd, address: address, client: client, mustShed: true, hops: hops - 1)
                    })
                {
                    return
                }
            }
            context.activeConnections.subtract(1, ordering: .relaxed)
            group.clients.release(client)
            refuse(fd: fd, address: address, reason: Self.atCapacity(group.limits), holdingSlot: true)
            return
        }
        guard let connection = register(fd: fd, address: address, counted: true, client: client) else { return }
        connection.start()
    }

    /// Adds a socket to the loop's table and to the backend.
    func register(fd: Int32, address: String, counted: Bool, client: ClientAddress?) -> Connection? {
        let generation = nextGeneration
        nextGeneration = nextGeneration >= 0xFFFF_0000 ? 1 : nextGeneration + 1
        let token = UInt64(generation) << 32 | UInt64(UInt32(truncatingIfNeeded: fd))
        let status = backend.register(fd: fd, token: token, watch: .connection)
        guard status == 0 else {
            context.logger.error("\(backend.name) refused a new connection: \(SystemError.message(status))")
            abandon(fd: fd, counted: counted, client: client)
            return nil
        }
        let connection = Connection(
            fd: fd, generation: generation, remoteAddress: address, loop: self, counted: counted)
        let slot = Int(fd)
        if slot >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: slot + 1 - connections.count))
            slots.append(contentsOf: repeatElement(SlotRecord(), count: slot + 1 - slots.count))
        }
        connections[slot] = connection
        slots[slot] = SlotRecord(client: client, acceptedAt: now)
        openConnections += 1
        return connection
    }

    /// Closes a socket that never became a connection, giving back what it held.
    func abandon(fd: Int32, counted: Bool, client: ClientAddress?, refusalSlot: Bool = false) {
        close(fd)
        if counted { context.activeConnections.subtract(1, ordering: .relaxed) }
        if let client { group.clients.release(client) }
        if refusalSlot { group.lingeringRefusals.subtract(1, ordering: .relaxed) }
    }

    /// Removes a connection from the backend and the table; the connection closes its socket next.
    func connectionClosing(_ connection: Connection) {
        backend.deregister(fd: connection.fd, closing: true)
        openConnections -= 1
        let slot = Int(connection.fd)
        if slot < connections.count, connections[slot] === connection {
            connections[slot] = nil
            if let client = slots[slot].client { group.clients.release(client) }
            slots[slot] = SlotRecord()
        }
        if connection.isRefusal { group.lingeringRefusals.subtract(1, ordering: .relaxed) }
    }

    func pauseListener() {
        guard !listenerPaused, listenerFD >= 0 else { return }
        backend.deregister(fd: listenerFD, closing: false)
        listenerPaused = true
    }

    /// Re-arms a listener paused after running out of descriptors (called by the sweep), once the
    /// reserve descriptor is back.
    func resumeListenerIfPaused() {
        if reserveFD < 0 && listenerFD >= 0 { reopenReserveDescriptor() }
        reportDescriptorShortage()
        guard listenerPaused, listenerFD >= 0, !draining else { return }
        if backend.register(fd: listenerFD, token: Self.listenerToken, watch: .input) == 0 {
            listenerPaused = false
        }
    }

    /// Stops accepting: closes the listening socket and the reserve descriptor.
    func closeListener() {
        guard listenerFD >= 0 else { return }
        if !listenerPaused { backend.deregister(fd: listenerFD, closing: true) }
        close(listenerFD)
        listenerFD = -1
        releaseReserveDescriptor()
    }
}
