import Synchronization

/// A replay's progress on a terminal: `replaying file 3/12 · 40 requests…` on stderr, rewritten in
/// place, so a long replay shows it is moving. It appears once the run has taken `delay` (a short
/// replay shows nothing), is erased before any other line is written and drawn again after it,
/// and is erased at the end. `skillgate replay` makes one only when stderr is a TTY; with a pipe
/// or a file nothing of it is ever written.
package final class ReplayProgress: Sendable {
    private struct State {
        var file = 0
        var requests = 0
        var shown = false
        var lastDrawn: ContinuousClock.Instant?
    }

    private let files: Int
    private let delay: Duration
    private let started: ContinuousClock.Instant
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// The shortest time between two redraws, so a fast replay does not flood the terminal.
    private static let interval = Duration.milliseconds(100)

    /// Creates the progress line of a run.
    /// - Parameters:
    ///   - files: how many files the run replays.
    ///   - delay: how long the run goes before the line first appears.
    ///   - write: writes to the terminal (stderr), unbuffered.
    package init(files: Int, delay: Duration = .milliseconds(500), write: @escaping @Sendable (String) -> Void) {
        self.files = files
        self.delay = delay
        self.write = write
        started = ContinuousClock.now
    }

    /// The line for a point in the run.
    /// - Parameters:
    ///   - file: the file being replayed, from 1.
    ///   - files: how many there are.
    ///   - requests: requests sent so far.
    /// - Returns: e.g. `replaying file 3/12 · 40 requests…`.
    package static func line(file: Int, files: Int, requests: Int) -> String {
        "replaying file \(file)/\(files) · \(requests) request\(requests == 1 ? "" : "s")…"
    }

    /// The run has moved to file `index` (from 1).
    /// - Parameter index: the file's position.
    package func startFile(_ index: Int) {
        state.withLock { $0.file = index }
        draw(force: false)
    }

    /// Another request was answered.
    /// - Parameter requests: requests sent so far.
    package func update(requests: Int) {
        state.withLock { $0.requests = requests }
        draw(force: false)
    }

    /// Writes `text` somewhere else on the terminal without the progress line in its way: the
    /// line is erased first and drawn again after.
    /// - Parameter output: writes the text.
    package func interrupt(_ output: () -> Void) {
        let wasShown = state.withLock { state in
            defer { state.shown = false }
            return state.shown
        }
        if wasShown { write(Self.erase) }
        output()
        if wasShown { draw(force: true) }
    }

    /// Erases the line for good (the run is over).
    package func finish() {
        let wasShown = state.withLock { state in
            defer { state.shown = false }
            return state.shown
        }
        if wasShown { write(Self.erase) }
    }

    /// Carriage return and erase-to-end-of-line.
    private static let erase = "\r\u{1B}[K"

    private func draw(force: Bool) {
        let now = ContinuousClock.now
        guard started.duration(to: now) >= delay else { return }
        let text: String? = state.withLock { state in
            if !force, let last = state.lastDrawn, last.duration(to: now) < Self.interval { return nil }
            state.lastDrawn = now
            state.shown = true
            return Self.erase + Self.line(file: max(1, state.file), files: files, requests: state.requests)
        }
        if let text { write(text) }
    }
}
