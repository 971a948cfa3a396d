import SkillGateLambda
import SkillGateTestSupport

extension FakeLambdaRuntimeAPI {
    /// The endpoint to give the runtime.
    var endpoint: LambdaRuntimeEndpoint { LambdaRuntimeEndpoint(host: "127.0.0.1", port: port) }
}
