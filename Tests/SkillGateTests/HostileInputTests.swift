import SkillGate
import SkillGateTesting
import Testing

/// Hostile and malformed bodies: every one gets exactly one answer — a response envelope or a
/// JSON rejection — and nothing crashes, hangs or leaks a handler run on a rejected body.
struct HostileInputTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    static func runner() throws -> SkillRunner {
        try SkillRunner(skill: GateSkill(counter: RunCounter()), logger: .disabled)
    }

    @Test("5,000 random mutations of a real request each get exactly one well-formed JSON answer")
    func mutations() async throws {
        let runner = try Self.runner()
        let original = TestRequest.intent("RequiredIntent", slots: ["destination": "work"], token: "good-token").bytes
        var generator = SeededGenerator(state: 0x5EED)
        var answered = 0, rejected = 0
        for round in 0..<5_000 {
            var body = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: body[Int.random(in: 0..<body.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                case 1: body.removeLast(Int.random(in: 0..<min(body.count, 64), using: &generator))
                case 2: body.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0...body.count, using: &generator))
                default: body.remove(at: Int.random(in: 0..<body.count, using: &generator))
                }
                if body.isEmpty { body = [UInt8(ascii: "{")] }
            }
            let result = await runner.handle(body: body)
            let json = try JSONParser.parse(result.body)
            if result.error != nil {
                #expect(json["error"]?["code"]?.stringValue != nil, "round \(round)")
                rejected += 1
            } else {
                #expect(json["response"] != nil, "round \(round)")
                answered += 1
            }
        }
        #expect(answered + rejected == 5_000)
        #expect(rejected > 0 && answered > 0)
    }

    /// Hostile bodies by name (built in the test, so a failure report stays readable).
    static let hostileBodies: [String: [UInt8]] = [
        "a million open brackets": Array(String(repeating: "[", count: 1_000_000).utf8),
        "200,000 nested objects": Array(String(repeating: "{\"a\":", count: 200_000).utf8),
        "a raw control character in a string": Array("{\"request\":{\"type\":\"Intent\u{01}Request\"}}".utf8),
        "a lone surrogate escape": Array("{\"request\":\"\\ud800\"}".utf8),
        "slots nested 500 deep": Array(
            ("{\"request\":{\"type\":\"IntentRequest\",\"intent\":{\"name\":\"X\",\"slots\":" + String(repeating: "[", count: 500) + "}}}")
                .utf8),
        "a number too large for a double": Array("{\"request\":{\"type\":1e99999}}".utf8),
        "a byte-order mark before an empty object": Array("\u{FEFF}{}".utf8),
        "invalid UTF-8": Array("{\"request\":{\"type\":\"".utf8) + [0xC3, 0x28] + Array("\"}}".utf8),
    ]

    @Test("hostile shapes are rejected with a message, never a crash", arguments: hostileBodies.keys.sorted())
    func hostileShapes(name: String) async throws {
        let body = try #require(Self.hostileBodies[name])
        let result = try await Self.runner().handle(body: body)
        #expect(result.error?.code == .malformedRequest, "\(name)")
        #expect(try JSONParser.parse(result.body)["error"]?["message"]?.stringValue?.isEmpty == false, "\(name)")
    }

    @Test("a huge but valid request is answered")
    func hugeValid() async throws {
        let blob = String(repeating: "x", count: 500_000)
        let request = TestRequest.intent("PublicIntent", newSession: false, sessionAttributes: ["blob": .string(blob)])
        let result = try await Self.runner().handle(body: request.bytes)
        #expect(result.error == nil)
        // The carried-over attributes would exceed the 120 KB response limit: the safe reply goes out instead.
        #expect(
            try JSONParser.parse(result.body)["response"]?["outputSpeech"]?["text"]
                == "Sorry, something went wrong. Please try again later.")
    }
}
