#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A resolved IPv4 or IPv6 socket address.
struct SocketAddress {
    var storage: sockaddr_storage
    var length: socklen_t

    var family: Int32 { Int32(storage.ss_family) }

    /// Resolves `host` (a literal address or a name) for a TCP socket.
    /// - Parameters:
    ///   - host: e.g. `127.0.0.1`, `::1`, `localhost`.
    ///   - port: the port number.
    ///   - passive: true when the address is for binding.
    /// - Returns: the addresses in resolver order, or the resolver's error text.
    static func resolve(host: String, port: Int, passive: Bool) -> Result<[SocketAddress], ResolveFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Platform.streamSocketType
        hints.ai_flags = passive ? AI_PASSIVE : 0
        var list: UnsafeMutablePointer<addrinfo>?
        let lookupHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let status = getaddrinfo(lookupHost, String(port), &hints, &list)
        guard status == 0 else {
            let reason = gai_strerror(status).map { String(cString: $0) } ?? "error \(status)"
            return .failure(ResolveFailure(reason: reason))
        }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var cursor = list
        while let info = cursor {
            if let address = info.pointee.ai_addr,
                info.pointee.ai_family == AF_INET || info.pointee.ai_family == AF_INET6
            {
                var storage = sockaddr_storage()
                let length = min(Int(info.pointee.ai_addrlen), MemoryLayout<sockaddr_storage>.size)
                withUnsafeMutableBytes(of: &storage) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: length))
                }
                addresses.append(SocketAddress(storage: storage, length: socklen_t(length)))
            }
            cursor = info.pointee.ai_next
        }
        return .success(addresses)
    }

    /// A resolver failure's text.
    struct ResolveFailure: Error {
        var reason: String
    }

    /// Formats an address as `127.0.0.1:54321` or `[::1]:5000`.
    static func describe(_ storage: sockaddr_storage) -> String {
        var copy = storage
        return withUnsafeBytes(of: &copy) { raw -> String in
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
            switch Int32(storage.ss_family) {
            case AF_INET:
                let address = raw.load(as: sockaddr_in.self)
                var inAddr = address.sin_addr
                guard inet_ntop(AF_INET, &inAddr, &text, socklen_t(text.count)) != nil else { return "?" }
                return "\(string(text)):\(UInt16(bigEndian: address.sin_port))"
            case AF_INET6:
                let address = raw.load(as: sockaddr_in6.self)
                var inAddr = address.sin6_addr
                guard inet_ntop(AF_INET6, &inAddr, &text, socklen_t(text.count)) != nil else { return "?" }
                return "[\(string(text))]:\(UInt16(bigEndian: address.sin6_port))"
            default:
                return "?"
            }
        }
    }

    private static func string(_ text: [CChar]) -> String {
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The port of a bound socket, read back with `getsockname`.
    static func boundPort(of fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return nil }
        let family = Int32(storage.ss_family)
        return withUnsafeBytes(of: &storage) { raw -> Int? in
            switch family {
            case AF_INET: Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
            case AF_INET6: Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
            default: nil
            }
        }
    }
}
