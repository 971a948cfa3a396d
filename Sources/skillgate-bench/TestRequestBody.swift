import SkillGateTesting

/// Requests for the Ride Hailer sample itself (its skill ID and a demo account's token).
enum TestRequestBody {
    static let linkedOrder = TestRequest.intent(
        "OrderRideIntent", slots: ["destination": "work"], token: "demo-token-alice", skillID: "amzn1.ask.skill.ride-hailer"
    ).bytes
}
