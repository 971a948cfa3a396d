import Dispatch
import SkillGateCore
import SkillGateFuzzSupport
import SkillGateLogging
import SkillGateModel

/// The property the request harness checks, one input at a time.
enum RequestPath {
    /// The runner, with the applicationId check off so that every request reaches the routes.
    static let runner: SkillRunner? = try? SkillRunner(
        skill: FuzzSkill(), options: RunnerOptions(applicationIDs: []), logger: .disabled)

    /// Checks one input; aborts (through ``FuzzHarness/fail(_:input:)``) when the property breaks.
    static func check(_ input: [UInt8]) {
        guard let runner else { FuzzHarness.fail("the fuzz skill's routes do not build", input: input) }
        let result = handle(input, runner: runner)
        let answer: JSONValue
        do {
            answer = try JSONParser.parse(result.body)
        } catch {
            FuzzHarness.fail("the answer is not JSON (\(error)): \(String(decoding: result.body, as: UTF8.self))", input: input)
        }
        guard case .object(let object) = answer else { FuzzHarness.fail("the answer is not a JSON object", input: input) }
        switch result.outcome {
        case .rejected(let error):
            guard object.count == 1, let body = object["error"]?.objectValue, body.count == 2,
                body["code"]?.stringValue == error.code.name, body["message"]?.stringValue == error.message
            else {
                FuzzHarness.fail("a rejection's body is not {\"error\":{code,message}}: \(answer.jsonString)", input: input)
            }
        case .response:
            guard object["version"]?.stringValue == "1.0", object["response"]?.objectValue != nil, object["error"] == nil else {
                FuzzHarness.fail("a response's body is not a response envelope: \(answer.jsonString)", input: input)
            }
        }
    }

    /// Runs the async request path to completion from libFuzzer's (synchronous) callback.
    private static func handle(_ input: [UInt8], runner: SkillRunner) -> SkillResult {
        let box = ResultBox()
        Task {
            box.result = await runner.handle(body: input)
            box.done.signal()
        }
        box.done.wait()
        guard let result = box.result else { FuzzHarness.fail("the runner gave no result", input: input) }
        return result
    }
}

/// Hands a result from the task to the waiting callback.
private final class ResultBox: @unchecked Sendable {
    // Safety of @unchecked Sendable: `result` is written once by the task before it signals
    // `done`, and read only after `done.wait()` returns.
    var result: SkillResult?
    let done = DispatchSemaphore(value: 0)
}
