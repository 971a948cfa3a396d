#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch
import SkillGate
import Synchronization
import Testing

/// ``LogWriter``: a bounded queue and one writer thread, so a stalled reader never blocks a caller.
@Suite struct LogWriterTests {
    /// A pipe; the test reads its read end, the writer writes to its write end.
    final class Pipe: Sendable {
        let readEnd: Int32
        let writeEnd: Int32

        init() throws {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw PipeError() }
            readEnd = ends[0]
            writeEnd = ends[1]
        }

        /// Reads whatever arrives until `done` holds for everything read, or `timeout` passes.
        func read(until done: (String) -> Bool, timeout: Duration = .seconds(60)) -> String {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                var entry = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
                guard poll(&entry, 1, 200) > 0 else {
                    if done(String(decoding: bytes, as: UTF8.self)) { break }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { readBytes(readEnd, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                bytes += buffer[0..<count]
                if done(String(decoding: bytes, as: UTF8.self)) { break }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        deinit {
            close(readEnd)
            close(writeEnd)
        }
    }

    struct PipeError: Error {}

    /// Runs `work` on a thread of its own and waits for it up to `timeout`; false if it is still running.
    static func finishes(within timeout: Duration, _ work: @escaping @Sendable () -> Void) async -> Bool {
        let done = Atomic<Bool>(false)
        DispatchQueue(label: "LogWriterTests").async {
            work()
            done.store(true, ordering: .releasing)
        }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if done.load(ordering: .acquiring) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return done.load(ordering: .acquiring)
    }

    static func count(of needle: String, in text: String) -> Int {
        text.split(separator: "\n").filter { $0.contains(needle) }.count
    }

    @Test("nobody reads the pipe: enqueue never blocks; lines past the queue are dropped, counted, and reported once it is read")
    func stalledReader() async throws {
        let pipe = try Pipe()
        // 2,000 lines of 100 bytes: three times what the pipe (64 KiB) and the queue (8 KiB) hold.
        let writer = LogWriter(descriptor: pipe.writeEnd, capacity: 8 * 1024)
        let accepted = Atomic<Int>(0)
        let returned = await Self.finishes(within: .seconds(60)) {
            for index in 0..<2000 {
                let line = "line \(index) " + String(repeating: "x", count: 88 - String(index).count)
                if writer.enqueue(line) { accepted.add(1, ordering: .relaxed) }
            }
        }
        #expect(returned, "enqueue blocked on a pipe nobody reads")
        let kept = accepted.load(ordering: .relaxed)
        #expect(kept < 2000)
        #expect(writer.droppedLineCount == 2000 - kept)

        let log = pipe.read(until: { text in
            Self.count(of: "line ", in: text) >= kept && text.hasSuffix("\n")
        })
        #expect(Self.count(of: "line ", in: log) == kept, "every line the queue took is written")
        // One notice per stretch of drops (the writer may fall behind before the pipe is full, too).
        let notices = log.split(separator: "\n").filter { $0.contains("WARNING [log] dropped ") }
        #expect(!notices.isEmpty)
        let counts = notices.compactMap { notice -> Int? in
            guard let range = notice.firstRange(of: "dropped ") else { return nil }
            return Int(notice[range.upperBound...].prefix { $0 != " " })
        }
        #expect(counts.count == notices.count && notices.allSatisfy { $0.contains(" the log's reader did not keep up") }, "\(notices)")
        #expect(counts.reduce(0, +) == 2000 - kept, "the notices add up to every dropped line: \(notices)")

        // At shutdown, the total is said once more.
        #expect(await Self.finishes(within: .seconds(60)) { writer.finish(timeout: .seconds(30)) })
        let summary = pipe.read(until: { $0.contains("in all\n") })
        #expect(summary.contains("dropped \(2000 - kept) log lines in all"), "\(summary)")
    }

    @Test("the drop notice is written in the format of the dropped lines")
    func jsonNotice() async throws {
        let pipe = try Pipe()
        let writer = LogWriter(descriptor: pipe.writeEnd, capacity: 1024)
        let returned = await Self.finishes(within: .seconds(60)) {
            for _ in 0..<1500 { writer.enqueue(#"{"message":""# + String(repeating: "y", count: 80) + #""}"#, format: .json) }
        }
        #expect(returned)
        #expect(writer.droppedLineCount > 0)
        let log = pipe.read(until: { $0.contains("log lines: the log's reader did not keep up") && $0.hasSuffix("\n") })
        let notice = try #require(log.split(separator: "\n").first { $0.contains("dropped ") })
        let json = try JSONParser.parse(Array(notice.utf8))
        #expect(json["level"] == "warning")
        #expect(json["label"] == "log")
        #expect(json["message"]?.stringValue?.hasPrefix("dropped ") == true)
    }

    @Test("flush returns once every queued line is written")
    func flush() async throws {
        let pipe = try Pipe()
        let writer = LogWriter(descriptor: pipe.writeEnd, capacity: 64 * 1024)
        for index in 0..<50 { writer.enqueue("flushed \(index)") }
        #expect(writer.flush(timeout: .seconds(30)))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        _ = fcntl(pipe.readEnd, F_SETFL, fcntl(pipe.readEnd, F_GETFL) | O_NONBLOCK)
        let count = buffer.withUnsafeMutableBytes { readBytes(pipe.readEnd, $0.baseAddress, $0.count) }
        let text = String(decoding: buffer[0..<max(0, count)], as: UTF8.self)
        #expect(Self.count(of: "flushed ", in: text) == 50)
        #expect(text.hasSuffix("flushed 49\n"))
        #expect(writer.droppedLineCount == 0)
    }
}

// At file scope the name resolves to the C function.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
