import Testing
@testable import SkillGateModel

struct RequestEnvelopeTests {
    @Test("decodes a full IntentRequest, ignoring unknown fields")
    func fullIntent() throws {
        let envelope = try Fixture.envelope("intent-linked.json")
        #expect(envelope.version == "1.0")
        let session = try #require(envelope.session)
        #expect(session.isNew == false)
        #expect(session.sessionId == "amzn1.echo-api.session.0000-1111")
        #expect(session.attributes["turns"] == 3)
        #expect(session.user?.accessToken == "session-copy-token")
        let system = try #require(envelope.context?.system)
        #expect(system.user?.consentToken == "consent-abc")
        #expect(system.device?.supports("AudioPlayer") == true)
        #expect(system.device?.supports("Display") == false)
        #expect(system.apiEndpoint == "https://api.amazonalexa.com")
        #expect(system.apiAccessToken == "api-token")
        #expect(envelope.context?.raw["Viewport"]?["dpi"] == 160)
        guard case .intent(let request) = envelope.request else {
            Issue.record("expected an IntentRequest")
            return
        }
        #expect(request.header.requestId == "amzn1.echo-api.request.1234")
        #expect(request.header.locale == "en-US")
        #expect(request.header.timestamp?.iso8601 == "2026-11-21T20:00:00.000Z")
        #expect(request.dialogState == .inProgress)
        #expect(request.intent.name == "OrderRideIntent")
        #expect(request.intent.confirmationStatus == .confirmed)
        let destination = try #require(request.slots["destination"])
        #expect(destination.value == "the office")
        #expect(destination.resolvedID == "WORK")
        #expect(destination.resolvedName == "work")
        #expect(request.slots["rideType"]?.value == nil)
        #expect(envelope.applicationId == "amzn1.ask.skill.ride-hailer")
    }

    @Test("reads the token from context first, then the session; empty counts as absent")
    func accessTokenFallback() throws {
        let envelope = try Fixture.envelope("intent-linked.json")
        #expect(envelope.accessToken == "context-token")
        var sessionOnly = envelope
        sessionOnly.context?.system.user?.accessToken = nil
        #expect(sessionOnly.accessToken == "session-copy-token")
        var emptyContext = envelope
        emptyContext.context?.system.user?.accessToken = ""
        #expect(emptyContext.accessToken == "session-copy-token")
        var none = sessionOnly
        none.session?.user?.accessToken = ""
        #expect(none.accessToken == nil)
    }

    @Test("decodes a LaunchRequest without a session, with fractional seconds")
    func launchWithoutSession() throws {
        let envelope = try Fixture.envelope("launch-no-session.json")
        #expect(envelope.session == nil)
        guard case .launch(let launch) = envelope.request else {
            Issue.record("expected a LaunchRequest")
            return
        }
        #expect(launch.header.timestamp?.millisecondsSince1970 == 1_795_291_200_123)
        #expect(envelope.locale == "de-DE")
        #expect(envelope.accessToken == nil)
    }

    @Test("decodes SessionEndedRequest with reason and error, and an offset timestamp")
    func sessionEnded() throws {
        let envelope = try Fixture.envelope("session-ended-error.json")
        guard case .sessionEnded(let ended) = envelope.request else {
            Issue.record("expected a SessionEndedRequest")
            return
        }
        #expect(ended.reason == .error)
        #expect(ended.error == SessionEndedRequest.ErrorInfo(type: "INVALID_RESPONSE", message: "speech too long"))
        #expect(ended.header.timestamp?.iso8601 == "2026-11-21T19:00:00.000Z")
    }

    @Test("decodes CanFulfillIntentRequest")
    func canFulfill() throws {
        let envelope = try Fixture.envelope("can-fulfill.json")
        guard case .canFulfillIntent(let request) = envelope.request else {
            Issue.record("expected a CanFulfillIntentRequest")
            return
        }
        #expect(request.intent.name == "OrderRideIntent")
        #expect(envelope.request.intentName == "OrderRideIntent")
    }

    @Test("accepts epoch-millisecond timestamps")
    func epochTimestamp() throws {
        let envelope = try Fixture.envelope("audio-player-epoch.json")
        #expect(envelope.request.type == "AudioPlayer.PlaybackStarted")
        #expect(envelope.request.header.timestamp?.iso8601 == "2026-11-21T20:00:00.000Z")
        guard case .event(let event) = envelope.request else {
            Issue.record("expected a known event")
            return
        }
        #expect(event.raw["token"] == "t")
    }

    @Test("skill events are known by type and marked as such")
    func skillEvent() throws {
        let envelope = try Fixture.envelope("skill-account-linked.json")
        #expect(envelope.request.isSkillEvent)
        #expect(envelope.request.header.locale == nil)
        #expect(envelope.accessToken == "fresh-token")
    }

    @Test("keeps unknown request types whole instead of failing")
    func unknownType() throws {
        let envelope = try Fixture.envelope("unknown-type.json")
        guard case .unknown(let type, let raw) = envelope.request else {
            Issue.record("expected an unknown request")
            return
        }
        #expect(type == "Alexa.Future.SomethingNew")
        #expect(raw["payload"]?["deep"] == [1, ["a": nil]])
        #expect(envelope.request.header.requestId == "r6")
    }

    @Test("decodes every request type ALEXA.md lists, with and without a session", arguments: Array(Request.knownEventTypes).sorted())
    func everyKnownType(type: String) throws {
        for withSession in [true, false] {
            let session = withSession ? #","session":{"new":true,"sessionId":"s","user":{"userId":"u"}}"# : ""
            let json = #"{"version":"1.0"\#(session),"request":{"type":"\#(type)","requestId":"r","timestamp":"2026-11-21T20:00:00Z"}}"#
            let envelope = try RequestEnvelope(jsonBytes: Array(json.utf8))
            #expect(envelope.request.type == type)
            #expect((envelope.session != nil) == withSession)
            if case .event = envelope.request {} else { Issue.record("\(type) should decode as a known event") }
        }
    }

    @Test(
        "names the field that is wrong",
        arguments: [
            (#"[]"#, "the request body must be a JSON object, found an array"),
            (#"{"version":"1.0"}"#, "request: is missing"),
            (#"{"request":{"requestId":"r"}}"#, "request.type: is missing"),
            (#"{"request":{"type":5}}"#, "request.type: must be a string, found a number"),
            (#"{"request":{"type":"IntentRequest"}}"#, "request.intent: is missing"),
            (#"{"request":{"type":"IntentRequest","intent":{}}}"#, "request.intent.name: is missing"),
            (
                #"{"request":{"type":"LaunchRequest","timestamp":"yesterday"}}"#,
                "request.timestamp: must be an ISO-8601 date-time or epoch milliseconds, found \"yesterday\""
            ),
            (#"{"session":{"attributes":[]},"request":{"type":"LaunchRequest"}}"#, "session.attributes: must be an object, found an array"),
            (
                #"{"context":{"System":{"user":{"accessToken":7}}},"request":{"type":"LaunchRequest"}}"#,
                "context.System.user.accessToken: must be a string, found a number"
            ),
            (
                #"{"request":{"type":"IntentRequest","intent":{"name":"X","slots":{"s":3}}}}"#,
                "request.intent.slots.s: must be an object, found a number"
            ),
        ])
    func fieldErrors(json: String, message: String) {
        do {
            _ = try RequestEnvelope(jsonBytes: Array(json.utf8))
            Issue.record("expected an error for \(json)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(
        "parses ISO-8601 variants",
        arguments: [
            ("2026-11-21T20:00:00Z", 1_795_291_200_000),
            ("2026-11-21T20:00:00.5Z", 1_795_291_200_500),
            ("2026-11-21T20:00:00.123456Z", 1_795_291_200_123),
            ("2026-11-21T21:00:00+01:00", 1_795_291_200_000),
            ("2026-11-21T15:00:00-0500", 1_795_291_200_000),
            ("1970-01-01T00:00:00Z", 0),
            ("2024-02-29T00:00:00Z", 1_709_164_800_000),
        ])
    func iso8601(text: String, milliseconds: Int64) {
        #expect(RequestTimestamp(iso8601: text)?.millisecondsSince1970 == milliseconds)
    }

    @Test(
        "rejects malformed ISO-8601",
        arguments: ["2026-11-21", "2026-13-01T00:00:00Z", "2026-11-21T20:00:00", "2026-11-21T20:00:00.Z", "x"])
    func badISO8601(text: String) {
        #expect(RequestTimestamp(iso8601: text) == nil)
    }

    @Test("formats timestamps back to ISO-8601")
    func formatting() {
        #expect(RequestTimestamp(millisecondsSince1970: 1_709_164_800_007).iso8601 == "2024-02-29T00:00:00.007Z")
        #expect(RequestTimestamp(millisecondsSince1970: -1).iso8601 == "1969-12-31T23:59:59.999Z")
        // The digit-by-digit path: every field's padding, and both ends of years 0…9999.
        #expect(RequestTimestamp(millisecondsSince1970: 0).iso8601 == "1970-01-01T00:00:00.000Z")
        #expect(RequestTimestamp(millisecondsSince1970: 1_796_157_076_813).iso8601 == "2026-12-01T20:31:16.813Z")
        #expect(RequestTimestamp(millisecondsSince1970: 253_402_300_799_999).iso8601 == "9999-12-31T23:59:59.999Z")
        #expect(RequestTimestamp(millisecondsSince1970: -62_167_219_200_000).iso8601 == "0000-01-01T00:00:00.000Z")
        // Outside it (a JSON timestamp may hold any milliseconds) the year keeps all its digits.
        #expect(RequestTimestamp(millisecondsSince1970: 253_402_300_800_000).iso8601 == "10000-01-01T00:00:00.000Z")
        for text in ["2026-02-28T23:59:59.999Z", "2024-02-29T12:00:00.050Z", "2000-03-01T00:00:00.001Z"] {
            #expect(RequestTimestamp(iso8601: text)?.iso8601 == text)
        }
    }
}
