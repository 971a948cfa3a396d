import SkillGateModel

/// How a ``SkillRunner`` checks requests. The run modes set these from the command line:
/// the timestamp check is on for `serve`, off for `stdio` (recorded requests) and `lambda`.
public struct RunnerOptions: Sendable {
    /// Replaces the skill's configured IDs when non-nil (from `--skill-id` / `SKILL_ID`).
    public var applicationIDs: [String]?
    /// Whether the request timestamp must be close to now.
    public var checksTimestamp: Bool
    /// The allowed distance from now, past or future, in seconds (150 per Amazon).
    public var timestampToleranceSeconds: Int64
    /// The allowed distance for `AlexaSkillEvent.*` (redelivered with their original timestamp).
    public var skillEventTimestampToleranceSeconds: Int64
    /// A handler still running after this long gets the error reply instead; nil waits.
    public var handlerTimeout: Duration?
    /// The current time; injectable for tests.
    public var now: @Sendable () -> RequestTimestamp
    /// How handlers reach the Alexa service APIs (`context.alexa`): the transport and call limits.
    public var alexaAPI: AlexaAPIOptions

    /// Creates options.
    /// - Parameters:
    ///   - applicationIDs: IDs replacing the configured ones.
    ///   - checksTimestamp: whether to check timestamps.
    ///   - timestampToleranceSeconds: tolerance for ordinary requests.
    ///   - skillEventTimestampToleranceSeconds: tolerance for skill events.
    ///   - handlerTimeout: the handler deadline.
    ///   - now: the clock.
    ///   - alexaAPI: the Alexa API transport and call limits; none by default.
    public init(
        applicationIDs: [String]? = nil, checksTimestamp: Bool = false, timestampToleranceSeconds: Int64 = 150,
        skillEventTimestampToleranceSeconds: Int64 = 3600, handlerTimeout: Duration? = nil,
        now: @escaping @Sendable () -> RequestTimestamp = RequestTimestamp.now, alexaAPI: AlexaAPIOptions = AlexaAPIOptions()
    ) {
        self.applicationIDs = applicationIDs
        self.checksTimestamp = checksTimestamp
        self.timestampToleranceSeconds = timestampToleranceSeconds
        self.skillEventTimestampToleranceSeconds = skillEventTimestampToleranceSeconds
        self.handlerTimeout = handlerTimeout
        self.now = now
        self.alexaAPI = alexaAPI
    }
}
