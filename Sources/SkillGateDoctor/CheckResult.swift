/// The outcome of one check: what was found and, unless it passed, how to fix it.
public struct CheckResult: Sendable, Equatable {
    /// Which check this is.
    public let id: CheckID
    /// The verdict.
    public let verdict: CheckVerdict
    /// One line saying what was observed. Secrets appear only as their last four characters.
    public let reason: String
    /// What to change, when there is something to change.
    public let fix: String?
    /// What the check looked at, one line per observation (the HTTP answers, certificates or settings), for
    /// the JSON report. Secrets appear only as their last four characters.
    public let evidence: [String]

    /// The check's human title.
    public var title: String { id.title }

    /// Creates a result.
    /// - Parameters:
    ///   - id: the check.
    ///   - verdict: the verdict.
    ///   - reason: one line saying what was observed.
    ///   - fix: what to change, if anything.
    ///   - evidence: what the check looked at, one line each.
    public init(_ id: CheckID, _ verdict: CheckVerdict, _ reason: String, fix: String? = nil, evidence: [String] = []) {
        self.id = id
        self.verdict = verdict
        self.reason = reason
        self.fix = fix
        self.evidence = evidence
    }

    /// The same result with other evidence.
    /// - Parameter evidence: the lines.
    func with(evidence: [String]) -> CheckResult {
        CheckResult(id, verdict, reason, fix: fix, evidence: evidence)
    }
}

extension CheckResult: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, title, verdict, reason, fix, evidence
    }

    /// Encodes every key, with `fix` as `null` when there is none, so consumers see a fixed shape.
    /// - Parameter encoder: the encoder.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.rawValue, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(verdict.rawValue, forKey: .verdict)
        try container.encode(reason, forKey: .reason)
        try container.encode(fix, forKey: .fix)
        try container.encode(evidence, forKey: .evidence)
    }
}
