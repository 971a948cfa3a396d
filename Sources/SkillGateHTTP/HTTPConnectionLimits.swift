/// The connection limits a started ``HTTPServer`` enforces: the configured ones, clamped to what
/// the process's open-file limit (`ulimit -n`) allows, since every connection needs a descriptor.
///
/// At start the server raises the soft open-file limit toward the hard one when the configured
/// cap needs it; if even the hard limit is too low, the cap is lowered so that a client over it
/// gets 503 instead of waiting on a server that can no longer accept.
public struct HTTPConnectionLimits: Sendable, Equatable, CustomStringConvertible {
    /// The most open connections: ``HTTPServerConfiguration/maxConnections``, or fewer when the
    /// open-file limit does not leave room for that many.
    public let maxConnections: Int
    /// The most open connections from one client address (see
    /// ``HTTPServerConfiguration/maxConnectionsPerClient``).
    public let maxConnectionsPerClient: Int
    /// ``HTTPServerConfiguration/maxConnections`` as configured.
    public let configuredMaxConnections: Int
    /// The soft open-file limit the server runs with (after any raise), or nil if unknown.
    public let descriptorLimit: Int?
    /// The soft open-file limit before the server raised it, or nil when it did not raise it.
    public let raisedDescriptorLimitFrom: Int?
    /// How many refused connections may linger at once (to deliver their 503 cleanly); further
    /// refusals are answered and closed at once.
    let refusalSlots: Int

    /// Whether ``maxConnections`` is below the configured cap.
    public var isClamped: Bool { maxConnections < configuredMaxConnections }

    /// One phrase for start-up lines, e.g. `at most 1024 connections, 512 per client address`.
    public var description: String {
        var text = "at most \(maxConnections) connection\(maxConnections == 1 ? "" : "s")"
        if isClamped, let descriptorLimit {
            text += " (clamped from \(configuredMaxConnections) to fit the open-file limit of \(descriptorLimit)"
            if let raisedDescriptorLimitFrom {
                text += ", raised from \(raisedDescriptorLimitFrom) to the hard limit: raise `ulimit -Hn`)"
            } else {
                text += ": raise `ulimit -n`)"
            }
        }
        text += ", \(maxConnectionsPerClient) per client address"
        if !isClamped, let raisedDescriptorLimitFrom, let descriptorLimit {
            text += " (open-file limit raised from \(raisedDescriptorLimitFrom) to \(descriptorLimit))"
        }
        return text
    }

    /// Descriptors left free for everything that is not a client connection: the log, certificate
    /// downloads, name lookups, a handler's files and sockets.
    static func headroom(descriptorLimit: Int) -> Int {
        min(64, max(8, descriptorLimit / 8))
    }

    /// The most refusals that linger at once when descriptors are plentiful.
    static func fullRefusalSlots(cap: Int) -> Int {
        min(cap, 64)
    }

    /// The open-file limit the configured cap needs, with `open` descriptors already in use.
    static func wantedDescriptors(cap: Int, open: Int) -> Int {
        let (wanted, overflow) = (open + fullRefusalSlots(cap: cap) + 64).addingReportingOverflow(cap)
        return overflow ? Int.max : wanted
    }

    /// Fits the configured limits into an open-file limit.
    /// - Parameters:
    ///   - maxConnections: the configured cap.
    ///   - maxConnectionsPerClient: the configured per-address limit; nil for half the cap.
    ///   - descriptorLimit: the soft open-file limit, or nil if unknown (nothing is clamped).
    ///   - openDescriptors: descriptors in use once the server's own are open.
    ///   - raisedFrom: the soft limit before the server raised it, if it did.
    init(
        maxConnections: Int, maxConnectionsPerClient: Int?, descriptorLimit: Int?, openDescriptors: Int,
        raisedFrom: Int? = nil
    ) {
        var cap = maxConnections
        var refusals = Self.fullRefusalSlots(cap: maxConnections)
        if let descriptorLimit {
            let available = descriptorLimit - openDescriptors - Self.headroom(descriptorLimit: descriptorLimit)
            if available - refusals < cap {
                refusals = max(1, min(64, available / 8))
                cap = max(1, min(cap, available - refusals))
            }
        }
        self.maxConnections = cap
        self.maxConnectionsPerClient = maxConnectionsPerClient.map { min($0, cap) } ?? max(1, cap / 2)
        self.configuredMaxConnections = maxConnections
        self.descriptorLimit = descriptorLimit
        self.raisedDescriptorLimitFrom = raisedFrom
        self.refusalSlots = refusals
    }

    /// The limits for a server about to open `ownDescriptors` descriptors of its own (listener,
    /// event-loop backends, wake channels, the reserve descriptor): raises the soft open-file limit
    /// if the configured cap needs more, then clamps the cap to what the limit allows.
    static func forThisProcess(
        maxConnections: Int, maxConnectionsPerClient: Int?, ownDescriptors: Int
    ) -> HTTPConnectionLimits {
        let open = (DescriptorLimit.openCount() ?? 16) + ownDescriptors
        guard let limits = DescriptorLimit.current() else {
            return HTTPConnectionLimits(
                maxConnections: maxConnections, maxConnectionsPerClient: maxConnectionsPerClient, descriptorLimit: nil,
                openDescriptors: open)
        }
        let wanted = wantedDescriptors(cap: maxConnections, open: open)
        var soft = limits.soft
        var raisedFrom: Int?
        if soft < wanted {
            soft = DescriptorLimit.raiseSoftLimit(to: wanted, from: limits)
            if soft > limits.soft { raisedFrom = limits.soft }
        }
        return HTTPConnectionLimits(
            maxConnections: maxConnections, maxConnectionsPerClient: maxConnectionsPerClient, descriptorLimit: soft,
            openDescriptors: open, raisedFrom: raisedFrom)
    }
}
