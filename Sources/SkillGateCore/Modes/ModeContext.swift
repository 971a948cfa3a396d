package import SkillGateSystem

/// What every long-running mode (`serve`, `lambda`) is started with by `main()`.
package struct ModeContext: Sendable {
    /// The skill.
    package let runner: SkillRunner
    /// The program's logger.
    package let logger: Logger
    /// The process environment, read once by `main()`.
    package let environment: [String: String]
    /// Stops the mode gracefully when triggered (by `main()` on SIGTERM/SIGINT, or by a test).
    package let shutdown: GracefulShutdown

    /// Creates the context.
    package init(runner: SkillRunner, logger: Logger, environment: [String: String], shutdown: GracefulShutdown) {
        self.runner = runner
        self.logger = logger
        self.environment = environment
        self.shutdown = shutdown
    }
}

/// A long-running mode `main()` starts with a ``ModeContext``; it reads the context's parts by name.
package protocol ContextMode {
    /// What the mode was started with.
    var context: ModeContext { get }
}

extension ContextMode {
    /// The skill.
    package var runner: SkillRunner { context.runner }
    /// The program's logger.
    package var logger: Logger { context.logger }
    /// The process environment.
    package var environment: [String: String] { context.environment }
    /// The graceful-shutdown trigger.
    package var shutdown: GracefulShutdown { context.shutdown }
}

extension ContextMode {
    /// What an operator checks first, as metadata of a start-up line: which skill IDs are
    /// answered and how many routes the skill has (one per trigger, as `routes` lists them).
    package var skillFacts: Logger.Metadata {
        let skillIDs = runner.applicationIDs
        return [
            "skillIds": skillIDs.isEmpty ? "any (no applicationId check)" : skillIDs.joined(separator: ","),
            "routes": String(runner.table.routes.reduce(0) { $0 + $1.triggers.count }),
        ]
    }
}
