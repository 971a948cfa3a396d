import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-connection test server that answers the first request with fixed bytes, then closes.
final class ScriptedServer: @unchecked Sendable {
    // Safety: `listener` is written only in init and stop; the accept thread only reads it.
    let port: Int
    private var listener: Int32

    init(response: [UInt8]) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw RawClientError(description: "ScriptedServer could not listen") }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        guard !response.isEmpty else { return }
        DispatchQueue(label: "ScriptedServer.accept").async {
            let connection = accept(fd, nil, nil)
            guard connection >= 0 else { return }
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while received.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
                let count = recv(connection, &chunk, chunk.count, 0)
                guard count > 0 else { break }
                received.append(contentsOf: chunk[0..<count])
            }
            _ = response.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            shutdown(connection, Int32(SHUT_WR))
            close(connection)
            close(fd)
        }
    }

    /// Closes the listener without serving (only for servers created with an empty response).
    func stop() {
        close(listener)
        listener = -1
    }
}
