/// The verdict shapes several checks share.
extension Diagnosis {
    /// Judges the answer to a check's own call: INFO when the call was not made, ERROR when it got
    /// no answer, otherwise what `judge` makes of the answer.
    /// - Parameters:
    ///   - call: the call, nil when it was not made.
    ///   - id: the check.
    ///   - notMade: why the call was not made.
    ///   - judge: the verdict on the answer.
    func judging(
        _ call: TokenCall?, _ id: CheckID, notMade: @autoclosure () -> String, _ judge: (TokenAnswer) -> CheckResult
    ) -> CheckResult {
        guard let call else { return notTested(id, notMade()) }
        switch call.outcome {
        case .failure(let failure): return unreachable(id, failure, calling: call.purpose.rawValue)
        case .success(let answer): return judge(answer)
        }
    }

    /// The verdict on the code exchange or the first refresh, which is tried with one client
    /// authentication method and, when that one is rejected, with the other: PASS when a call
    /// issued tokens, ERROR when the last one got no answer, FAIL otherwise.
    /// - Parameters:
    ///   - id: the check.
    ///   - calls: the calls, in order; the last one is `last`.
    ///   - last: the last call.
    ///   - success: the call that issued tokens, if any.
    ///   - passed: the PASS sentence, given the method (and whether HTTP Basic was rejected first) and the time taken.
    ///   - refused: the FAIL sentence, given what each method's answer said.
    ///   - fix: the fix for a refusal, given the first answer.
    func exchangeCheck(
        _ id: CheckID, calls: [TokenCall], last: TokenCall, success: TokenCall?, passed: (_ how: String, _ elapsed: String) -> String,
        refused: (_ said: String) -> String, fix: (TokenAnswer) -> String
    ) -> CheckResult {
        if let success, let answer = success.answer {
            let after = calls.count > 1 ? ", after HTTP Basic was rejected" : ""
            return CheckResult(id, .pass, passed(success.method.label + after, "\(answer.http.elapsed.measured)"))
        }
        if let failure = last.failure { return unreachable(id, failure, calling: last.purpose.rawValue) }
        let said = calls.compactMap { call in call.answer.map { "\(call.method.label): \($0.summary)" } }
        let reason = refused(said.joined(separator: "; "))
        guard let answer = calls.first?.answer else { return CheckResult(id, .fail, reason) }
        return CheckResult(id, .fail, reason, fix: fix(answer))
    }

    /// A measured value against two limits: FAIL above `failure`, WARN above `warning`, PASS
    /// otherwise; a FAIL or a WARN carries `fix`.
    /// - Parameters:
    ///   - id: the check.
    ///   - value: what was measured.
    ///   - warning: the WARN limit.
    ///   - failure: the FAIL limit.
    ///   - fail: the FAIL sentence.
    ///   - warn: the WARN sentence.
    ///   - pass: the PASS sentence.
    ///   - fix: what to do about a FAIL or a WARN.
    func graded<Value: Comparable>(
        _ id: CheckID, _ value: Value, warnAbove warning: Value, failAbove failure: Value, fail: @autoclosure () -> String,
        warn: @autoclosure () -> String, pass: @autoclosure () -> String, fix: String
    ) -> CheckResult {
        if value > failure { return CheckResult(id, .fail, fail(), fix: fix) }
        if value > warning { return CheckResult(id, .warn, warn(), fix: fix) }
        return CheckResult(id, .pass, pass())
    }
}
