import Testing
@testable import SkillGateModel

struct ResponseEncodingTests {
    private func json(_ envelope: ResponseEnvelope) throws -> JSONValue { try JSONParser.parse(envelope.jsonBytes) }

    @Test("writes speech, card, reprompt, directives and session attributes in Alexa's shape")
    func fullResponse() throws {
        let envelope = ResponseEnvelope(
            sessionAttributes: ["step": 2],
            response: Response(
                outputSpeech: .ssml("<speak>Hi</speak>"),
                card: .standard(title: "T", text: "X", image: CardImage(smallImageUrl: "https://s", largeImageUrl: "https://l")),
                reprompt: .plainText("Again?"),
                directives: [
                    .elicitSlot("city", updatedIntent: AlexaIntent(name: "I", slots: ["city": Slot(name: "city", value: "Dallas")])),
                    .raw(["type": "AudioPlayer.Stop"]),
                ],
                shouldEndSession: false))
        let value = try json(envelope)
        #expect(value["version"] == "1.0")
        #expect(value["sessionAttributes"] == ["step": 2])
        #expect(value["response"]?["outputSpeech"] == ["type": "SSML", "ssml": "<speak>Hi</speak>"])
        #expect(
            value["response"]?["card"] == [
                "type": "Standard", "title": "T", "text": "X", "image": ["smallImageUrl": "https://s", "largeImageUrl": "https://l"],
            ])
        #expect(value["response"]?["reprompt"] == ["outputSpeech": ["type": "PlainText", "text": "Again?"]])
        #expect(value["response"]?["directives"]?[0]?["type"] == "Dialog.ElicitSlot")
        #expect(value["response"]?["directives"]?[0]?["slotToElicit"] == "city")
        #expect(value["response"]?["directives"]?[0]?["updatedIntent"]?["slots"]?["city"]?["value"] == "Dallas")
        #expect(value["response"]?["directives"]?[1] == ["type": "AudioPlayer.Stop"])
        #expect(value["response"]?["shouldEndSession"] == false)
    }

    @Test("a LinkAccount card has no other fields")
    func linkAccountCard() throws {
        let value = try json(
            ResponseEnvelope(response: Response(outputSpeech: .plainText("link"), card: .linkAccount, shouldEndSession: true)))
        #expect(value["response"]?["card"] == ["type": "LinkAccount"])
        #expect(value["sessionAttributes"] == nil)
    }

    @Test(
        "cards of every kind",
        arguments: [
            (Card.simple(title: "A", content: "B"), ["type": "Simple", "title": "A", "content": "B"] as JSONValue),
            (
                Card.askForPermissionsConsent(permissions: ["read::alexa:device:all:address"]),
                ["type": "AskForPermissionsConsent", "permissions": ["read::alexa:device:all:address"]] as JSONValue
            ),
            (Card.standard(title: "A", text: "B", image: nil), ["type": "Standard", "title": "A", "text": "B"] as JSONValue),
        ])
    func cards(card: Card, expected: JSONValue) throws {
        #expect(try json(ResponseEnvelope(response: Response(card: card)))["response"]?["card"] == expected)
    }

    @Test(
        "dialog directives",
        arguments: [
            (Directive.dialogDelegate(updatedIntent: nil), ["type": "Dialog.Delegate"] as JSONValue),
            (Directive.confirmSlot("city", updatedIntent: nil), ["type": "Dialog.ConfirmSlot", "slotToConfirm": "city"] as JSONValue),
            (Directive.confirmIntent(updatedIntent: nil), ["type": "Dialog.ConfirmIntent"] as JSONValue),
        ])
    func directives(directive: Directive, expected: JSONValue) throws {
        #expect(try json(ResponseEnvelope(response: Response(directives: [directive])))["response"]?["directives"] == [expected])
    }

    @Test("canFulfillIntent answers with per-slot verdicts")
    func canFulfill() throws {
        let answer = CanFulfillIntentAnswer(.yes, slots: ["city": .init(canUnderstand: .yes, canFulfill: .maybe)])
        let value = try json(ResponseEnvelope(response: Response(canFulfillIntent: answer)))
        #expect(
            value["response"] == [
                "canFulfillIntent": ["canFulfill": "YES", "slots": ["city": ["canUnderstand": "YES", "canFulfill": "MAYBE"]]]
            ])
    }

    @Test("xmlEscaped escapes the five XML characters")
    func escaping() {
        #expect(xmlEscaped(#"Tom & Jerry <b> "q" 'a'"#) == "Tom &amp; Jerry &lt;b&gt; &quot;q&quot; &apos;a&apos;")
        #expect(xmlEscaped("plain") == "plain")
    }
}
