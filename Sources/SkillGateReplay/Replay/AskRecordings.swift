package import SkillGateModel

/// An `ask dialog --replay` file: the utterances of one conversation, typed as text.
///
/// ```json
/// {"skillId": "amzn1.ask.skill.1234", "locale": "en-US", "type": "text",
///  "userInput": ["open ride hailer", "get me a ride to work", "yes"]}
/// ```
/// Each line is a `say` turn, resolved against the interaction model, as an unlinked user. Lines
/// starting with `.` are `ask dialog` commands (`.record`, `.quit`) and are skipped.
package struct AskReplayDocument {
    /// The file.
    package let file: ReplayFile
    /// The same conversation in SkillGate's format: `{"conversation": ..., "turns": [{"say": ...}]}`.
    package let conversation: ConversationDocument

    /// Reads a replay file.
    /// - Parameter file: the file.
    /// - Throws: ``CLIError`` `.io` for a file that is not in the ASK CLI's format.
    package init(_ file: ReplayFile) throws(CLIError) {
        self.file = file
        let (path, json) = (file.path, file.json)
        let shape = "an ask dialog --replay file is {\"skillId\": ..., \"locale\": ..., \"type\": \"text\", \"userInput\": [\"...\"]}"
        guard let lines = json["userInput"]?.arrayValue, lines.allSatisfy({ $0.stringValue != nil }) else {
            throw .io("\(path): userInput must be a list of strings; \(shape)")
        }
        if let type = json["type"], type.stringValue != "text" { throw .io("\(path): type must be \"text\"; \(shape)") }
        var settings: JSONObject = ["locale": json["locale"] ?? "en-US"]
        if let skillID = json["skillId"] { settings["skillId"] = skillID }
        let turns = lines.compactMap(\.stringValue).filter { !$0.hasPrefix(".") && !$0.isEmpty }.map {
            JSONValue.object(["say": .string($0)])
        }
        guard !turns.isEmpty else { throw .io("\(path): userInput has no utterances") }
        conversation = try ConversationDocument(ReplayFile(path: path, json: ["conversation": .object(settings), "turns": .array(turns)]))
    }
}

/// An `ask dialog --save-skill-io` recording: the requests Alexa sent and what the skill answered.
///
/// ```json
/// {"invocations": [{"request": {"version": "1.0", "session": ..., "context": ..., "request": ...},
///                   "response": {"body": {"version": "1.0", "response": ...}}}]}
/// ```
/// The ASK CLI stores the simulation's `invocationRequest.body` as `request` and its
/// `invocationResponse` (`{"body": ...}`) as `response`; a bare response envelope is accepted too.
package struct SkillIODocument {
    /// One recorded exchange.
    package struct Invocation {
        /// The request envelope.
        package let request: JSONValue
        /// The recorded answer, nil when the recording has none.
        package let response: JSONValue?
        /// Whether the answer is wrapped in `{"body": ...}`.
        package let isWrapped: Bool

        /// The recorded answer as a subset expectation: `userAgent` (which names the SDK that
        /// answered, not what it said) is left out.
        package var expectation: JSONValue? {
            guard case .object(var object)? = response else { return response }
            object["userAgent"] = nil
            return .object(object)
        }
    }

    /// The file.
    package let file: ReplayFile
    /// The exchanges in order.
    package let invocations: [Invocation]

    /// Reads a recording.
    /// - Parameter file: the file.
    /// - Throws: ``CLIError`` `.io` naming the invocation that is malformed.
    package init(_ file: ReplayFile) throws(CLIError) {
        self.file = file
        let (path, json) = (file.path, file.json)
        guard let list = json["invocations"]?.arrayValue, !list.isEmpty else {
            throw .io("\(path): \"invocations\" must be a non-empty list of {\"request\": ..., \"response\": ...}")
        }
        var invocations: [Invocation] = []
        for (index, invocation) in list.enumerated() {
            guard let request = invocation["request"], request["request"]?.objectValue != nil else {
                throw .io(
                    "\(path) invocation \(index + 1): \"request\" must be a request envelope (the simulation's invocationRequest.body)")
            }
            let response = invocation["response"]
            if let body = response?["body"], body.objectValue != nil {
                invocations.append(Invocation(request: request, response: body, isWrapped: true))
            } else if let response, response.objectValue != nil {
                invocations.append(Invocation(request: request, response: response, isWrapped: false))
            } else if response == nil || response?.isNull == true {
                invocations.append(Invocation(request: request, response: nil, isWrapped: false))
            } else {
                throw .io("\(path) invocation \(index + 1): \"response\" must be {\"body\": <response envelope>} or a response envelope")
            }
        }
        self.invocations = invocations
    }
}
