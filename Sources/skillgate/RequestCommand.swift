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
          utter "WHAT THE USER SAYS" The request Alexa sends for an utterance, resolved against the
                                     interaction model: the intent, its slots and entity resolution
                                     ("open <invocation name>" is a launch, "exit" a session end)
          session-ended              SessionEndedRequest (see --reason)
          can-fulfill NAME           CanFulfillIntentRequest for the intent NAME
          account-linked             AlexaSkillEvent.SkillAccountLinked (needs --token)

        THE REQUEST:
          --slot NAME=VALUE          A slot value (repeatable; intent and can-fulfill)
          --slot-confirmation NAME=STATUS
                                     A slot's confirmationStatus: NONE, CONFIRMED or DENIED (repeatable)
          --confirmation-status STATUS
                                     The intent's confirmationStatus: NONE, CONFIRMED or DENIED
          --dialog-state STATE       request.dialogState: STARTED, IN_PROGRESS or COMPLETED
          --reason REASON            session-ended reason: USER_INITIATED (default), ERROR or EXCEEDED_MAX_REPROMPTS
          --locale LOCALE            The request locale (default en-US); utter reads the <LOCALE>.json model
          --model PATH               utter: the interaction model file, or a folder holding it (default:
                                     skill-package/interactionModels/custom/<LOCALE>.json here or above)
          --fallback                 utter: the user says something the model must not understand;
                                     builds AMAZON.FallbackIntent, and fails if a sample matches
          --session-id ID            The session ID (default: a fresh one)
          --not-new                  A later turn of a session (session.new = false)
          --session-attributes JSON  session.attributes, a JSON object
          --request-id ID            The request ID (default: a fresh one)
          --timestamp ISO8601        The timestamp (default: now)

        WHO IS ASKING, ON WHAT:
          --token TOKEN              A linked user with this access token
          --unlinked                 An unlinked user: no accessToken at all (the default)
          --user-id ID               The Alexa user ID
          --person ID                A recognised speaker (context.System.person.personId)
          --person-token TOKEN       The speaker's own (person-level) access token
          --consent-token TOKEN      context.System.user.permissions.consentToken
          --scope SCOPE=STATUS       A permission scope's status, GRANTED or DENIED (repeatable),
                                     e.g. alexa::devices:all:geolocation:read=GRANTED
          --interface NAME           A supported interface of the device, e.g. AudioPlayer (repeatable)
          --interfaces JSON          supportedInterfaces members as JSON, e.g. '{"Alexa.Presentation.APL":{"runtime":{"maxVersion":"2024.1"}}}'
          --skill-id ID              The skill ID (default: SKILL_ID, else \(RequestSpec.defaultSkillID))

        OUTPUT:
          --compact                  Print one line (for `stdio --lines`) instead of indented JSON
          --templates DIR            The Templates folder (default: SKILLGATE_TEMPLATES, else the
                                     checkout skillgate was built from, else beside the executable)

        EXAMPLES:
          skillgate request intent OrderRideIntent --slot destination=work --token demo-token-alice \\
              --skill-id amzn1.ask.skill.ride-hailer | .build/debug/ride-hailer stdio
          cd Samples/RideHailer && skillgate request utter "get me a ride to the office" \\
              --token demo-token-alice --skill-id amzn1.ask.skill.ride-hailer

        EXIT CODES: 0 printed, 2 usage error, an utterance the model does not match, or a file that
        cannot be read.
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
            let options = try RequestOptions.parse(arguments, environment: environment)
            let (spec, resolution) = try options.resolvedSpec()
            let directory = try TemplateLocator.locate(explicit: options.templates, environment: environment)
            let envelope = try RequestBuilder(templatesDirectory: directory).envelope(for: spec)
            if let resolution { Console.error("skillgate request: \(resolution)") }
            Console.out(options.compact ? envelope.jsonString + "\n" : PrettyJSON.render(envelope))
            return 0
        } catch {
            return Console.fail("request", error)
        }
    }
}
