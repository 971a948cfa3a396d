/// What an utterance becomes: the request Alexa would send for it.
package enum ResolvedUtterance {
    /// `open ride hailer`: a LaunchRequest.
    case launch
    /// `exit`: a SessionEndedRequest (`USER_INITIATED`).
    case sessionEnded
    /// An IntentRequest for this intent and slots; `sample` is the sample utterance (or built-in
    /// phrase) that matched.
    case intent(String, slots: [SlotSpec], sample: String)

    /// A short description for transcripts and messages, e.g. `OrderRideIntent via "get me a ride to {destination}"`.
    package var summary: String {
        switch self {
        case .launch: "LaunchRequest"
        case .sessionEnded: "SessionEndedRequest USER_INITIATED"
        case .intent(let name, _, let sample): "\(name) via \"\(sample)\""
        }
    }
}
