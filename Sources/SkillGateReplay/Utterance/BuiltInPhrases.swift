/// What people say that Alexa maps to built-in intents, to launching a skill and to leaving it.
///
/// Built-in intents have no samples in a model (Amazon supplies them); these are a few of the
/// usual phrases for each, tried only for the built-ins the model declares, after any samples
/// the model adds to them. `AMAZON.FallbackIntent` has none: it is what Alexa sends when nothing
/// matches, so a turn asks for it explicitly (`"fallback": true`).
package enum BuiltInPhrases {
    /// Phrases by built-in intent.
    package static let intents: [(intent: String, phrases: [String])] = [
        ("AMAZON.HelpIntent", ["help", "help me", "i need help", "what can i say", "what can you do", "what are my options"]),
        ("AMAZON.StopIntent", ["stop", "stop it", "shut up", "be quiet"]),
        ("AMAZON.CancelIntent", ["cancel", "cancel that", "never mind", "nevermind", "forget it"]),
        ("AMAZON.YesIntent", ["yes", "yes please", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "that's right"]),
        ("AMAZON.NoIntent", ["no", "no thanks", "no thank you", "nope", "nah"]),
        ("AMAZON.NavigateHomeIntent", ["go home", "go to the home screen"]),
        ("AMAZON.RepeatIntent", ["repeat", "repeat that", "say that again", "what did you say"]),
        ("AMAZON.StartOverIntent", ["start over", "start again", "restart"]),
        ("AMAZON.NextIntent", ["next", "skip"]),
        ("AMAZON.PreviousIntent", ["previous", "go back"]),
        ("AMAZON.PauseIntent", ["pause"]),
        ("AMAZON.ResumeIntent", ["resume", "continue"]),
        ("AMAZON.MoreIntent", ["more", "tell me more"]),
    ]

    /// The phrases for one built-in intent (empty for others).
    /// - Parameter intent: the intent name.
    package static func phrases(for intent: String) -> [String] {
        intents.first { $0.intent == intent }?.phrases ?? []
    }

    /// `open ride hailer`, `launch …`, `start …`: a LaunchRequest.
    package static let launchVerbs = ["open", "launch", "start", "begin", "load", "run"]
    /// `ask ride hailer to …`, `tell …`: a one-shot invocation; the rest is the utterance.
    package static let invocationVerbs = ["ask", "tell"]
    /// The word that may join an invocation to the request: `ask ride hailer TO get me a ride`.
    package static let connectors = ["to", "for", "about", "if", "whether", "that", "and"]
    /// `exit`: Alexa closes the session with a SessionEndedRequest (`USER_INITIATED`).
    package static let exitPhrases = ["exit"]
}
