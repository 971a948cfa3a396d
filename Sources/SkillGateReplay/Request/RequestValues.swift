/// The values Alexa allows for the request members the tool lets people set, and the check that
/// turns anything else into a message naming them.
package enum RequestValues {
    /// `request.dialogState`.
    package static let dialogStates = ["STARTED", "IN_PROGRESS", "COMPLETED"]
    /// `confirmationStatus` of an intent or a slot.
    package static let confirmationStatuses = ["NONE", "CONFIRMED", "DENIED"]
    /// `SessionEndedRequest.reason`.
    package static let sessionEndedReasons = ["USER_INITIATED", "ERROR", "EXCEEDED_MAX_REPROMPTS"]
    /// A permission scope's `status`.
    package static let scopeStatuses = ["GRANTED", "DENIED"]

    /// Checks a value against its allowed list.
    /// - Parameters:
    ///   - value: what was given.
    ///   - allowed: the allowed values.
    ///   - what: what it is, e.g. `--dialog-state` or `turn 2: dialogState`.
    ///   - failure: makes the error (`CLIError.usage` on the command line, `.io` in a file).
    /// - Returns: the value.
    /// - Throws: `failure("WHAT must be A, B or C, not 'FOO'")`.
    package static func check(
        _ value: String, in allowed: [String], _ what: String, failure: (String) -> CLIError
    ) throws(CLIError) -> String {
        guard allowed.contains(value) else {
            throw failure("\(what) must be \(list(allowed)), not '\(value)'")
        }
        return value
    }

    /// `A, B or C`.
    /// - Parameter values: the values.
    package static func list(_ values: [String]) -> String {
        guard values.count > 1, let last = values.last else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " or " + last
    }
}
