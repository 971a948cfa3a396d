package import SkillGateLogging
import SkillGateSystem

extension Logger {
    /// A failure that ends the process: `label: message` on stderr (after the log lines queued
    /// before it), or, with `--log-format json`, a JSON line at critical level.
    package func reportFailure(_ message: String) {
        switch format {
        case .json:
            critical(message)
        case .text:
            LogWriter.standardError.flush(timeout: .seconds(1))
            StandardStreams.printError("\(label): \(message)")
        }
    }
}
