import Foundation
import SkillGateModel
import SkillGateReplay
import SkillGateSystem

/// The parsed `skillgate request` command line.
struct RequestOptions {
    /// The request, before an utterance is resolved into it.
    var spec = RequestSpec(kind: .launch)
    /// `utter TEXT`: what the user says, resolved against the interaction model.
    var utterance: String?
    /// `--fallback`: the utterance must reach AMAZON.FallbackIntent.
    var fallback = false
    /// `--model PATH`.
    var model: String?
    /// `--compact`: one line.
    var compact = false
    /// `--templates DIR`.
    var templates: String?
    /// `--slot-confirmation NAME=STATUS` pairs.
    var slotConfirmations: [(name: String, status: String)] = []

    /// Parses the arguments after `request`.
    /// - Parameters:
    ///   - arguments: the arguments.
    ///   - environment: the process environment (`SKILL_ID`).
    /// - Returns: the options.
    /// - Throws: ``CLIError`` `.usage` naming what to fix.
    /// The options `request` takes, for "did you mean".
    static let options = [
        "--slot", "--slot-confirmation", "--token", "--unlinked", "--locale", "--skill-id", "--user-id", "--session-id", "--not-new",
        "--session-attributes", "--reason", "--dialog-state", "--confirmation-status", "--person", "--person-token", "--consent-token",
        "--scope", "--interface", "--interfaces", "--request-id", "--timestamp", "--compact", "--fallback", "--model", "--templates",
        "--help",
    ]

    static func parse(_ arguments: [String], environment: [String: String]) throws(CLIError) -> RequestOptions {
        var options = RequestOptions()
        var scanner = ArgumentScanner(arguments, failure: CLIError.usage)
        var positional: [String] = []
        var token: String?
        var unlinked = false
        var reason = "USER_INITIATED"
        if let fromEnvironment = environment["SKILL_ID"]?.split(separator: ",").first {
            options.spec.skillID = fromEnvironment.trimmingCharacters(in: .whitespaces)
        }
        while let argument = scanner.next() {
            switch argument {
            case "--slot":
                let (name, value) = try pair(try scanner.value(for: argument), argument, "NAME=VALUE")
                options.spec.slots.append(SlotSpec(name: name, value: value))
            case "--slot-confirmation":
                let (name, status) = try pair(try scanner.value(for: argument), argument, "NAME=STATUS")
                options.slotConfirmations.append(
                    (
                        name,
                        try RequestValues.check(
                            status, in: RequestValues.confirmationStatuses, "\(argument) \(name)", failure: CLIError.usage)
                    ))
            case "--token": token = try scanner.value(for: argument)
            case "--unlinked":
                try scanner.flag(argument)
                unlinked = true
            case "--locale": options.spec.locale = try scanner.value(for: argument)
            case "--skill-id": options.spec.skillID = try scanner.value(for: argument)
            case "--user-id": options.spec.userID = try scanner.value(for: argument)
            case "--session-id": options.spec.sessionID = try scanner.value(for: argument)
            case "--not-new":
                try scanner.flag(argument)
                options.spec.sessionNew = false
            case "--session-attributes":
                options.spec.sessionAttributes = try object(try scanner.value(for: argument), argument, example: "'{\"step\":2}'")
            case "--reason":
                reason = try RequestValues.check(
                    try scanner.value(for: argument), in: RequestValues.sessionEndedReasons, argument, failure: CLIError.usage)
            case "--dialog-state":
                options.spec.dialogState = try RequestValues.check(
                    try scanner.value(for: argument), in: RequestValues.dialogStates, argument, failure: CLIError.usage)
            case "--confirmation-status":
                options.spec.intentConfirmationStatus = try RequestValues.check(
                    try scanner.value(for: argument), in: RequestValues.confirmationStatuses, argument, failure: CLIError.usage)
            case "--person":
                let id = try scanner.value(for: argument)
                options.spec.person = PersonSpec(personID: id, token: options.spec.person?.token)
            case "--person-token":
                let personToken = try scanner.value(for: argument)
                options.spec.person = PersonSpec(personID: options.spec.person?.personID ?? PersonSpec.defaultPersonID, token: personToken)
            case "--consent-token":
                var permissions = options.spec.permissions ?? PermissionsSpec()
                permissions.consentToken = try scanner.value(for: argument)
                options.spec.permissions = permissions
            case "--scope":
                let (name, status) = try pair(try scanner.value(for: argument), argument, "SCOPE=STATUS")
                var permissions = options.spec.permissions ?? PermissionsSpec()
                permissions.scopes.append(
                    (
                        name,
                        try RequestValues.check(status, in: RequestValues.scopeStatuses, "\(argument) \(name)", failure: CLIError.usage)
                    ))
                options.spec.permissions = permissions
            case "--interface":
                var interfaces = options.spec.supportedInterfaces ?? [:]
                interfaces[try scanner.value(for: argument)] = .object([:])
                options.spec.supportedInterfaces = interfaces
            case "--interfaces":
                let given = try object(try scanner.value(for: argument), argument, example: "'{\"AudioPlayer\":{}}'")
                var interfaces = options.spec.supportedInterfaces ?? [:]
                for member in given { interfaces[member.key] = member.value }
                options.spec.supportedInterfaces = interfaces
            case "--request-id": options.spec.requestID = try scanner.value(for: argument)
            case "--timestamp":
                let text = try scanner.value(for: argument)
                guard let timestamp = RequestTimestamp(iso8601: text) else {
                    throw .usage("--timestamp needs an ISO-8601 time such as 2026-11-21T20:00:00Z, not '\(text)'")
                }
                options.spec.timestamp = timestamp
            case "--compact":
                try scanner.flag(argument)
                options.compact = true
            case "--fallback":
                try scanner.flag(argument)
                options.fallback = true
            case "--model": options.model = try scanner.value(for: argument)
            case "--templates": options.templates = try scanner.value(for: argument)
            case _ where argument.hasPrefix("-") && argument.count > 1:
                throw scanner.unknown(argument, known: Self.options)
            default:
                positional.append(argument)
            }
        }
        if token != nil && unlinked { throw .usage("--token and --unlinked contradict each other; pick one") }
        options.spec.accessToken = token
        try options.setKind(from: positional, reason: reason)
        return options
    }

    private mutating func setKind(from words: [String], reason: String) throws(CLIError) {
        guard let first = words.first else {
            throw .usage(
                "say which request: launch, intent NAME, utter \"WHAT THE USER SAYS\", session-ended, can-fulfill NAME or account-linked")
        }
        var expectedCount = 1
        switch first {
        case "launch": spec.kind = .launch
        case "session-ended": spec.kind = .sessionEnded(reason: reason)
        case "account-linked": spec.kind = .accountLinked
        case "intent", "can-fulfill":
            guard words.count >= 2 else { throw .usage("\(first) needs an intent name, e.g. \(first) OrderRideIntent") }
            spec.kind = first == "intent" ? .intent(words[1]) : .canFulfill(words[1])
            expectedCount = 2
        case "utter":
            guard words.count >= 2, !words[1].isEmpty else {
                throw .usage("utter needs what the user says, in quotes: utter \"get me a ride to work\"")
            }
            utterance = words[1]
            expectedCount = 2
        default:
            throw .usage(
                "unknown request kind '\(first)'; use launch, intent NAME, utter \"WHAT THE USER SAYS\", session-ended, can-fulfill NAME or account-linked"
            )
        }
        guard words.count == expectedCount else {
            throw .usage("unexpected argument '\(words[expectedCount])'" + (first == "utter" ? "; put the whole utterance in quotes" : ""))
        }
        if spec.kind == .accountLinked && spec.accessToken == nil {
            throw .usage("account-linked needs --token: Alexa sends the event with the new access token")
        }
        if utterance != nil && !spec.slots.isEmpty {
            throw .usage(
                "--slot does not go with utter: the utterance says the slot values (use intent NAME --slot ... to set them by hand)")
        }
        if utterance == nil && (fallback || model != nil) { throw .usage("--fallback and --model go with utter") }
        let takesIntent = utterance != nil || spec.kind.intentName != nil
        if !spec.slots.isEmpty && !takesIntent { throw .usage("--slot applies to intent and can-fulfill requests only") }
        if !takesIntent && (spec.intentConfirmationStatus != nil || !slotConfirmations.isEmpty) {
            throw .usage("--confirmation-status and --slot-confirmation apply to intent requests only")
        }
    }

    private static func pair(_ text: String, _ option: String, _ shape: String) throws(CLIError) -> (String, String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw .usage("\(option) needs \(shape), not '\(text)'")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private static func object(_ text: String, _ option: String, example: String) throws(CLIError) -> JSONObject {
        guard let parsed = try? JSONParser.parse(text), let object = parsed.objectValue else {
            throw .usage("\(option) needs a JSON object, e.g. \(example), not \(text)")
        }
        return object
    }
}
