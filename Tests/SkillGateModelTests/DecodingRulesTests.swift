import SkillGateModel
import Testing

/// One rule per question, the same everywhere in decoding (hardening issue, items 13-16).
struct DecodingRulesTests {
    static func envelope(request: String) -> [UInt8] {
        Array(#"{"version":"1.0","request":\#(request)}"#.utf8)
    }

    @Test("a repeated member: the last one wins, for request.type as for every other member")
    func lastWins() throws {
        let body = Self.envelope(
            request:
                #"{"type":"LaunchRequest","requestId":"r1","type":"IntentRequest","intent":{"name":"A","name":"B"},"requestId":"r2","timestamp":"2026-11-21T20:00:00Z"}"#
        )
        let envelope = try RequestEnvelope(jsonBytes: body)
        #expect(envelope.request.type == "IntentRequest")
        #expect(envelope.request.intentName == "B")
        #expect(envelope.request.header.requestId == "r2")
        let object = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(object == ["a": 3, "b": 2])
        #expect(object.objectValue?.keys == ["a", "b"])
        #expect(JSONObject(members: [.init(key: "x", value: 1), .init(key: "x", value: 2)]) == ["x": 2])
        #expect(Set([object, ["b": 2, "a": 3]]).count == 1, "equal objects hash alike")
    }

    @Test(
        "a repeated request.type: the last wins between typed and kept-as-JSON requests too",
        arguments: [
            ("IntentRequest", "AudioPlayer.PlaybackStarted"), ("AudioPlayer.PlaybackStarted", "LaunchRequest"),
            ("Some.FutureRequest", "SessionEndedRequest"), ("CanFulfillIntentRequest", "Some.FutureRequest"),
        ])
    func lastTypeWins(first: String, last: String) throws {
        let body = Self.envelope(
            request:
                #"{"type":"\#(first)","requestId":"r","timestamp":"2026-11-21T20:00:00Z","intent":{"name":"A"},"type":"\#(last)"}"#
        )
        #expect(try RequestEnvelope(jsonBytes: body).request.type == last)
    }

    @Test("a repeated request.type whose last value is null counts as missing")
    func lastTypeNull() {
        for first in ["IntentRequest", "Some.FutureRequest"] {
            let body = Self.envelope(request: #"{"type":"\#(first)","requestId":"r","intent":{"name":"A"},"type":null}"#)
            #expect {
                try RequestEnvelope(jsonBytes: body)
            } throws: { error in
                "\(error)".contains("type: is missing")
            }
        }
    }

    @Test("a double stays a double through write and read: 1.0 is not the integer 1")
    func doubles() throws {
        for value in [1.0, -0.5, 1e20, 123456789.0] {
            let written = JSONValue.double(value).jsonString
            #expect(try JSONParser.parse(written) == .double(value), "\(value) → \(written)")
        }
        #expect(JSONValue.integer(1).jsonString == "1")
    }

    @Test("an unreadable timestamp is an error on every request type, named as such")
    func timestamps() {
        for type in ["LaunchRequest", "AudioPlayer.PlaybackStarted", "Some.FutureRequest"] {
            let body = Self.envelope(request: #"{"type":"\#(type)","requestId":"r","timestamp":"now"}"#)
            #expect {
                try RequestEnvelope(jsonBytes: body)
            } throws: { error in
                "\(error)".contains("request.timestamp: must be an ISO-8601 date-time or epoch milliseconds, found \"now\"")
            }
        }
    }

    @Test("a CanFulfillIntentRequest without an intent is rejected, not answered")
    func canFulfillNeedsIntent() {
        let body = Self.envelope(request: #"{"type":"CanFulfillIntentRequest","requestId":"r","timestamp":"2026-11-21T20:00:00Z"}"#)
        #expect(throws: RequestDecodingError.self) { try RequestEnvelope(jsonBytes: body) }
    }

    @Test("text that is not JSON is reported as such, with the byte, not as 'a boolean'")
    func notJSON() {
        #expect {
            try RequestEnvelope(jsonBytes: Array("this is not JSON".utf8))
        } throws: { error in
            "\(error)" == "the body is not JSON: unexpected 'h' at byte 1"
        }
        #expect {
            try RequestEnvelope(jsonBytes: Array("true".utf8))
        } throws: { error in
            "\(error)".contains("must be a JSON object, found a boolean")
        }
    }
}
