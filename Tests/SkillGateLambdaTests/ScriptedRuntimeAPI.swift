import SkillGateTestSupport
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Runtime API fake on raw sockets, for what a well-behaved HTTP server never does: cut a
/// response off in its body, close a connection after reading a request, answer garbage, hold a
/// request forever, or stop listening for a while. It serves one connection at a time on a thread
/// of its own (the runtime uses one at a time), answering each `GET …/invocation/next` with the
/// next of `nextReplies` (then holding it) and each `POST` with `postReply`.
final class ScriptedRuntimeAPI: Sendable {
    /// What the fake does with one request.
    enum Reply: Sendable {
        /// Sends these bytes and keeps the connection.
        case send([UInt8])
        /// Sends these bytes (possibly none) and closes the connection.
        case sendAndClose([UInt8])
        /// Sends these bytes, closes the connection and stops listening for a while, so that
        /// connecting is refused.
        case sendAndRefuse([UInt8], for: Duration)
        /// Leaves the request unanswered until the client closes the connection or the fake stops.
        case hold
    }

    /// One request the fake read.
    struct Request: Sendable {
        var method: String
        var path: String
        /// Header fields with lower-cased names.
        var headers: [String: String]
        var body: [UInt8]
        /// Which accepted connection it came on, from 1.
        var connection: Int
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private struct State {
        var nextReplies: [Reply]
        var requests: [Request] = []
        var stopped = false
        var finished = false
    }

    /// The port it listens on at 127.0.0.1.
    let port: Int
    private let state: Mutex<State>
    private let postReply: @Sendable (Request, _ earlierPostsToPath: Int) -> Reply

    /// Starts the fake.
    /// - Parameters:
    ///   - nextReplies: the answers to successive `/next` polls; later polls are held.
    ///   - postReply: the answer to a `POST`, given how many earlier `POST`s went to the same path;
    ///     202 by default.
    init(
        nextReplies: [Reply],
        postReply: @escaping @Sendable (Request, _ earlierPostsToPath: Int) -> Reply = { _, _ in .send(ScriptedRuntimeAPI.accepted) }
    ) throws {
        let listener = try Self.makeListener(port: 0)
        port = listener.port
        state = Mutex(State(nextReplies: nextReplies))
        self.postReply = postReply
        let thread = Thread { [self] in serve(listener: listener.fd) }
        thread.start()
    }

    /// The endpoint to give the runtime.
    var endpoint: String { "127.0.0.1:\(port)" }

    /// Every request read so far.
    var requests: [Request] { state.withLock { $0.requests } }

    /// The `POST`s read so far to `path`.
    func posts(to path: String) -> [Request] { requests.filter { $0.method == "POST" && $0.path == path } }

    /// Stops serving and waits (up to 10 s) for the thread to close everything.
    func stop() async {
        state.withLock { $0.stopped = true }
        _ = await eventually(within: 10) { self.state.withLock { $0.finished } }
    }

    // MARK: Replies

    /// `202 Accepted` with AWS's body.
    static let accepted = response(202, body: Array(#"{"status":"OK"}"#.utf8))

    /// A complete response with `Content-Length`.
    static func response(_ status: Int, headers: [(String, String)] = [], body: [UInt8] = []) -> [UInt8] {
        head(status, headers: headers + [("Content-Length", "\(body.count)")]) + body
    }

    /// A response head (status line, fields, empty line) exactly as given.
    static func head(_ status: Int, headers: [(String, String)]) -> [UInt8] {
        var text = "HTTP/1.1 \(status) Status\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    /// A 200 event from `/next` with its request ID (nil leaves the header out) and extra fields.
    static func event(_ requestID: String?, _ body: String, headers: [(String, String)] = []) -> [UInt8] {
        let id = requestID.map { [("Lambda-Runtime-Aws-Request-Id", $0)] } ?? []
        return response(200, headers: [("Content-Type", "application/json")] + id + headers, body: Array(body.utf8))
    }

    // MARK: Serving

    private func serve(listener initial: Int32) {
        var listener = initial
        var refusedUntil: ContinuousClock.Instant?
        var connections = 0
        while !isStopped {
            if listener < 0 {
                if let until = refusedUntil, ContinuousClock.now < until {
                    usleep(5000)
                    continue
                }
                guard let again = try? Self.makeListener(port: port) else {
                    usleep(5000)
                    continue
                }
                listener = again.fd
                refusedUntil = nil
            }
            guard Self.waitReadable(listener, milliseconds: 20) else { continue }
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { continue }
            connections += 1
            if let refuse = serveConnection(fd, number: connections) {
                close(listener)
                listener = -1
                refusedUntil = ContinuousClock.now.advanced(by: refuse)
            }
        }
        if listener >= 0 { close(listener) }
        state.withLock { $0.finished = true }
    }

    /// Serves one connection until either side closes it; returns how long to refuse connections
    /// afterwards, if a reply said so.
    private func serveConnection(_ fd: Int32, number: Int) -> Duration? {
        defer { close(fd) }
        var buffer: [UInt8] = []
        while let request = readRequest(fd, buffer: &buffer, connection: number) {
            let reply = self.reply(to: request)
            switch reply {
            case .send(let bytes):
                Self.sendAll(fd, bytes)
            case .sendAndClose(let bytes):
                Self.sendAll(fd, bytes)
                return nil
            case .sendAndRefuse(let bytes, let duration):
                Self.sendAll(fd, bytes)
                return duration
            case .hold:
                // Wait for the client to give up (EOF or more bytes) or for stop().
                while !isStopped && !Self.waitReadable(fd, milliseconds: 20) {}
                return nil
            }
        }
        return nil
    }

    private func reply(to request: Request) -> Reply {
        let earlier = state.withLock { state -> Int in
            defer { state.requests.append(request) }
            return state.requests.filter { $0.method == request.method && $0.path == request.path }.count
        }
        if request.method == "GET" && request.path.hasSuffix("/invocation/next") {
            return state.withLock { $0.nextReplies.isEmpty ? .hold : $0.nextReplies.removeFirst() }
        }
        return postReply(request, earlier)
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// Reads one request (head and `Content-Length` body); nil when the client closed or the fake stopped.
    private func readRequest(_ fd: Int32, buffer: inout [UInt8], connection: Int) -> Request? {
        let separator = Array("\r\n\r\n".utf8)
        var headEnd = buffer.firstRange(of: separator)
        while headEnd == nil {
            guard receive(fd, into: &buffer) else { return nil }
            headEnd = buffer.firstRange(of: separator)
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        buffer.removeFirst(headEnd.upperBound)
        while buffer.count < length {
            guard receive(fd, into: &buffer) else { return nil }
        }
        let body = Array(buffer[..<length])
        buffer.removeFirst(length)
        return Request(
            method: requestLine.first ?? "", path: requestLine.dropFirst().first ?? "", headers: headers, body: body,
            connection: connection)
    }

    /// Appends what arrives next; false at end of stream, on an error, or once stopped.
    private func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Bool {
        while !isStopped {
            guard Self.waitReadable(fd, milliseconds: 20) else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        return false
    }

    private static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// A listening socket on 127.0.0.1 (`port` 0 lets the kernel pick), with `SO_REUSEADDR` so the
    /// port can be listened on again after refusing for a while.
    private static func makeListener(port: Int) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ScriptedRuntimeAPIError(description: "socket() failed (errno \(errno))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw ScriptedRuntimeAPIError(description: "could not listen on 127.0.0.1:\(port) (errno \(errno))")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// Why the scripted fake could not start.
struct ScriptedRuntimeAPIError: Error, CustomStringConvertible {
    var description: String
}
