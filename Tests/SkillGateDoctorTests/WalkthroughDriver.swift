import Foundation
import SkillGateDoctor
import Synchronization
import SkillGateLogging

/// Drives `doctor link` the way a person does: reads the authorization URL the doctor wrote, "logs in" at
/// the fake (which issues the code and builds the redirect), and pastes the URL the browser lands on.
final class WalkthroughDriver: Sendable {
    private let written = Mutex("")
    private let paste: @Sendable (String) -> String?

    /// A driver that pastes what `paste` makes of the printed authorization URL.
    init(paste: @escaping @Sendable (String) -> String?) {
        self.paste = paste
    }

    /// A driver that logs in at the fake and pastes where the browser landed.
    convenience init(_ fake: FakeServer) {
        let endpoint = fake.endpoint
        self.init { endpoint.approve($0) }
    }

    /// Everything the doctor wrote.
    var output: String { written.withLock { $0 } }

    /// Runs the walkthrough.
    func run(_ options: DoctorOptions) async -> DoctorReport {
        await Doctor(options: options, logger: .disabled).link(
            readLine: { [self] in
                let text = output
                guard let url = text.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("http") }) else { return nil }
                return paste(String(url))
            },
            write: { [self] text in written.withLock { $0 += text } })
    }
}
