import SkillGateTesting

/// Requests for the Ride Hailer sample itself (its skill ID and a demo account's token).
enum TestRequestBody {
    /// A linked OrderRideIntent without `apiEndpoint`: the sample's progressive response is then
    /// skipped before any network call, so the benchmark measures SkillGate, not a DNS lookup that
    /// fails on a machine with no internet.
    static let linkedOrder = TestRequest.intent(
        "OrderRideIntent", slots: ["destination": "work"], token: "demo-token-alice", skillID: "amzn1.ask.skill.ride-hailer"
    ).alexaAPI(endpoint: nil, token: nil).bytes
}
