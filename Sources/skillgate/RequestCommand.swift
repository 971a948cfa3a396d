import SkillGateReplay
import Foundation
import SkillGateModel
import SkillGateSystem

/// `skillgate request`: prints a request envelope built from `Templates/requests/`, with a fresh
/// request ID and the current timestamp, ready to pipe into `stdio` or save as a replay file.
enum RequestCommand {
    /// The one-line description `skillgate --help` lists.
    static let summary = "Print a request envelope (launch, intent, session end, ...) from Templates"

    /// The command's `--help` text.
    static let usage = """
        USAGE: skillgate request <kind> [options]

        KINDS:
          launch                     LaunchRequest ("open ...")
          intent NAME                IntentRequest for the intent NAME
          session-ended              SessionEndedRequest (see --reason)
          can-fulfill NAME           CanFulfillIntentRequest for the intent NAME
          account-linked             AlexaSkillEvent.SkillAccountLinked (needs --token)

        OPTIONS:
          --slot NAME=VALUE          A slot value (repeatable)
          --token TOKEN              A linked user with this access token
          --unlinked                 An unlinked user: no accessToken at all (the default)
          --locale LOCALE            The request locale (default en-US)
          --skill-id ID              The skill ID (default: SKILL_ID, else \(RequestSpec.defaultSkillID))
          --user-id ID               The Alexa user ID
          --session-id ID            The session ID (default: a fresh one)
          --not-new                  A later turn of a session (session.new = false)
          --session-attributes JSON  session.attributes, a JSON object
          --reason REASON            session-ended reason: USER_INITIATED (default), ERROR, EXCEEDED_MAX_REPROMPTS
          --dialog-state STATE       request.dialogState (STARTED, IN_PROGRESS, COMPLETED)
          --request-id ID            The request ID (default: a fresh one)
          --timestamp ISO8601        The timestamp (default: now)
          --compact                  Print one line (for `stdio --lines`) instead of indented JSON
          --templates DIR            The Templates folder (default: SKILLGATE_TEMPLATES, else the
                                     checkout skillgate was built from, else beside the executable)

        EXAMPLE:
          skillgate request intent OrderRideIntent --slot destination=work --token demo-token-alice \\
              --skill-id amzn1.ask.skill.ride-hailer | .build/debug/ride-hailer stdio
        """

    /// Runs the command.
    /// - Parameter arguments: the arguments after the command name.
    /// - Returns: the exit code: 0 success, 1 a check failed, 2 usage or I/O error.
    static func run(_ arguments: [String]) async -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return 0
        }
        let environment = ProcessInfo.processInfo.environment
        do {
            let (spec, compact, templates) = try parse(arguments, environment: environment)
            let directory = try TemplateLocator.locate(explicit: templates, environment: environment)
            let envelope = try RequestBuilder(templatesDirectory: directory).envelope(for: spec)
            Console.out(compact ? envelope.jsonString + "\n" : PrettyJSON.render(envelope))
            return 0
        } catch {
            Console.error("skillgate request: \(error.message)")
            if error.kind == .usage { Console.error("\n" + usage) }
            return CLIError.exitCode
        }
    }

    /// Parses the command line into a request, the output style and the `--templates` value.
    static func parse(
        _ arguments: [String], environment: [String: String]
    ) throws(CLIError) -> (spec: RequestSpec, compact: Bool, templates: String?) {
        var scanner = ArgumentScanner(arguments, failure: CLIError.usage)
        var positional: [String] = []
        var spec = RequestSpec(kind: .launch)
        var token: String?
        var unlinked = false
        var compact = false
        var templates: String?
        var reason = "USER_INITIATED"
        if let fromEnvironment = environment["SKILL_ID"]?.split(separator: ",").first {
            spec.skillID = fromEnvironment.trimmingCharacters(in: .whitespaces)
        }
        while let argument = scanner.next() {
            switch argument {
            case "--slot":
                let pair = try scanner.value(for: argument)
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw .usage("--slot needs NAME=VALUE, not '\(pair)'")
                }
                spec.slots.append(SlotSpec(name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...])))
            case "--token": token = try scanner.value(for: argument)
            case "--unlinked":
                try scanner.flag(argument)
                unlinked = true
            case "--locale": spec.locale = try scanner.value(for: argument)
            case "--skill-id": spec.skillID = try scanner.value(for: argument)
            case "--user-id": spec.userID = try scanner.value(for: argument)
            case "--session-id": spec.sessionID = try scanner.value(for: argument)
            case "--not-new":
                try scanner.flag(argument)
                spec.sessionNew = false
            case "--session-attributes":
                let text = try scanner.value(for: argument)
                guard let parsed = try? JSONParser.parse(text), let object = parsed.objectValue else {
                    throw .usage("--session-attributes needs a JSON object, e.g. '{\"step\":2}', not \(text)")
                }
                spec.sessionAttributes = object
            case "--reason": reason = try scanner.value(for: argument)
            case "--dialog-state": spec.dialogState = try scanner.value(for: argument)
            case "--request-id": spec.requestID = try scanner.value(for: argument)
            case "--timestamp":
                let text = try scanner.value(for: argument)
                guard let timestamp = RequestTimestamp(iso8601: text) else {
                    throw .usage("--timestamp needs an ISO-8601 time such as 2026-11-21T20:00:00Z, not '\(text)'")
                }
                spec.timestamp = timestamp
            case "--compact":
                try scanner.flag(argument)
                compact = true
            case "--templates": templates = try scanner.value(for: argument)
            case _ where argument.hasPrefix("-") && argument.count > 1:
                throw .usage("unknown option '\(argument)'")
            default:
                positional.append(argument)
            }
        }
        if token != nil && unlinked { throw .usage("--token and --unlinked contradict each other; pick one") }
        spec.accessToken = token
        spec.kind = try kind(from: positional, reason: reason)
        if spec.kind == .accountLinked && token == nil {
            throw .usage("account-linked needs --token: Alexa sends the event with the new access token")
        }
        if !spec.slots.isEmpty && spec.kind.intentName == nil {
            throw .usage("--slot applies to intent and can-fulfill requests only")
        }
        return (spec, compact, templates)
    }

    private static func kind(from words: [String], reason: String) throws(CLIError) -> RequestSpec.Kind {
        guard let first = words.first else {
            throw .usage("say which request: launch, intent NAME, session-ended, can-fulfill NAME or account-linked")
        }
        let kind: RequestSpec.Kind
        var expectedCount = 1
        switch first {
        case "launch": kind = .launch
        case "session-ended": kind = .sessionEnded(reason: reason)
        case "account-linked": kind = .accountLinked
        case "intent", "can-fulfill":
            guard words.count >= 2 else { throw .usage("\(first) needs an intent name, e.g. \(first) OrderRideIntent") }
            kind = first == "intent" ? .intent(words[1]) : .canFulfill(words[1])
            expectedCount = 2
        default:
            throw .usage("unknown request kind '\(first)'; use launch, intent NAME, session-ended, can-fulfill NAME or account-linked")
        }
        guard words.count == expectedCount else {
            throw .usage("unexpected argument '\(words[expectedCount])'")
        }
        return kind
    }
}
