import SkillGate
import SkillGateTesting
import Synchronization
import Testing

struct ResponseRulesTests {
    static func runner(_ routes: [Route]) throws -> SkillRunner {
        try SkillRunner(configuration: SkillConfiguration(name: "Limits"), routes: routes, logger: .disabled)
    }

    static let apology = "Sorry, something went wrong. Please try again later."

    @Test(
        "a response over one of Alexa's limits is replaced by a safe reply",
        arguments: [
            ("speech", SkillResponse.tell(String(repeating: "a", count: 8001))),
            ("reprompt", SkillResponse.ask("q", reprompt: String(repeating: "a", count: 8001))),
            ("card", SkillResponse.tell("ok").simpleCard(title: "t", content: String(repeating: "c", count: 8000))),
            (
                "image",
                SkillResponse.tell("ok").standardCard(
                    title: "t", text: "x", image: CardImage(smallImageUrl: "https://" + String(repeating: "i", count: 1995)))
            ),
            ("size", SkillResponse.tell("ok").sessionAttributes(["blob": .string(String(repeating: "b", count: 120_000))])),
            ("dialog with end", SkillResponse.tell("ok").directive(.dialogDelegate(updatedIntent: nil))),
        ])
    func limits(name: String, reply: SkillResponse) async throws {
        let runner = try Self.runner([Intent("Big", linking: .public) { _, _ in reply }.route])
        let body = try JSONParser.parse(await runner.handle(body: TestRequest.intent("Big").bytes).body)
        #expect(
            body["response"] == ["outputSpeech": ["type": "PlainText", "text": .string(Self.apology)], "shouldEndSession": true], "\(name)")
        #expect(body["sessionAttributes"] == nil)
    }

    @Test("speech of exactly 8,000 characters is allowed")
    func atTheLimit() async throws {
        let text = String(repeating: "a", count: 8000)
        let runner = try Self.runner([Intent("Edge", linking: .public) { _, _ in .tell(text) }.route])
        let body = try JSONParser.parse(await runner.handle(body: TestRequest.intent("Edge").bytes).body)
        #expect(body["response"]?["outputSpeech"]?["text"] == .string(text))
    }

    @Test("a SessionEndedRequest always gets an empty response, whatever the handler does")
    func sessionEndedIsEmpty() async throws {
        let runner = try Self.runner([
            Event("AudioPlayer.PlaybackStarted") { _, _ in .tell("not allowed") }.route, SessionEnded { _, _ in }.route,
        ])
        let ended = try JSONParser.parse(await runner.handle(body: TestRequest.sessionEnded().bytes).body)
        #expect(ended["response"] == .object([:]))
        let audio = try JSONParser.parse(await runner.handle(body: TestRequest.event("AudioPlayer.PlaybackStarted").bytes).body)
        #expect(audio["response"] == .object([:]))
    }

    @Test("SSML interpolation escapes plain text, keeps markup, and wraps in <speak>")
    func ssml() {
        let name = "Tom & <Jerry>"
        let speech: SSML = "Hello <emphasis>\(name)</emphasis>\(raw: "<break time='1s'/>")"
        #expect(speech.document == "<speak>Hello <emphasis>Tom &amp; &lt;Jerry&gt;</emphasis><break time='1s'/></speak>")
        #expect(SSML(markup: "<speak>x</speak>").document == "<speak>x</speak>")
        #expect(SSML.text("a < b").document == "<speak>a &lt; b</speak>")
        guard case .ssml(let markup) = SkillResponse.tell(ssml: "It's \(name)").response.outputSpeech else {
            Issue.record("expected SSML")
            return
        }
        #expect(markup == "<speak>It's Tom &amp; &lt;Jerry&gt;</speak>")
    }
}

struct HandlerErrorTests {
    struct Plain: Error {}
    struct Speaking: SpeakableError {
        func response(locale: String) -> SkillResponse { .tell("I could not find your booking.") }
    }

    @Test("a SpeakableError speaks its own reply")
    func speakable() async throws {
        let runner = try ResponseRulesTests.runner([Intent("X", linking: .public) { _, _ in throw Speaking() }.route])
        let body = try JSONParser.parse(await runner.handle(body: TestRequest.intent("X").bytes).body)
        #expect(body["response"]?["outputSpeech"]?["text"] == "I could not find your booking.")
    }

    @Test("any other error gets OnError's reply, or the localized apology")
    func otherErrors() async throws {
        let bare = try ResponseRulesTests.runner([Intent("X", linking: .public) { _, _ in throw Plain() }.route])
        let apology = try JSONParser.parse(await bare.handle(body: TestRequest.intent("X", locale: "es-ES").bytes).body)
        #expect(apology["response"]?["outputSpeech"]?["text"] == "Lo siento, algo salió mal. Inténtalo de nuevo más tarde.")
        let handled = try ResponseRulesTests.runner([
            Intent("X", linking: .public) { _, _ in throw Plain() }.route, OnError { _, _ in .tell("custom apology") }.route,
        ])
        let custom = try JSONParser.parse(await handled.handle(body: TestRequest.intent("X").bytes).body)
        #expect(custom["response"]?["outputSpeech"]?["text"] == "custom apology")
    }

    @Test("a handler past its deadline gets the apology instead of hanging")
    func deadline() async throws {
        let routes: [Route] = [
            Intent("Slow", linking: .public) { _, _ in
                try await Task.sleep(for: .seconds(30))
                return .tell("too late")
            }.route
        ]
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "D"), routes: routes, options: RunnerOptions(handlerTimeout: .milliseconds(100)),
            logger: .disabled)
        let started = ContinuousClock.now
        let body = try JSONParser.parse(await runner.handle(body: TestRequest.intent("Slow").bytes).body)
        #expect(body["response"]?["outputSpeech"]?["text"] == .string(ResponseRulesTests.apology))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("a handler past its deadline is cancelled: its task sees the cancellation")
    func deadlineCancelsTheHandler() async throws {
        let cancelled = Mutex(false)
        let routes: [Route] = [
            Intent("Slow", linking: .public) { _, _ in
                do {
                    try await Task.sleep(for: .seconds(30))
                } catch {
                    cancelled.withLock { $0 = true }
                }
                return .tell("too late")
            }.route
        ]
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "D"), routes: routes, options: RunnerOptions(handlerTimeout: .milliseconds(100)),
            logger: .disabled)
        let body = try JSONParser.parse(await runner.handle(body: TestRequest.intent("Slow").bytes).body)
        #expect(body["response"]?["outputSpeech"]?["text"] == .string(ResponseRulesTests.apology))
        let waitUntil = ContinuousClock.now + .seconds(5)
        while !cancelled.withLock({ $0 }) && ContinuousClock.now < waitUntil {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(cancelled.withLock { $0 }, "the handler was never cancelled")
    }
}
