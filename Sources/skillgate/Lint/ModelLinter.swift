import SkillGateReplay
/// Compares an interaction model with a skill's routes and lists what does not line up.
enum ModelLinter {
    /// The built-in intents every custom skill must include in its model and handle.
    static let requiredBuiltIns = [
        "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent",
    ]

    /// The problems, each a sentence that says what to change; empty when model and routes agree.
    /// - Parameters:
    ///   - model: the interaction model.
    ///   - routes: the skill's routes.
    static func problems(model: InteractionModel, routes: SkillRoutes) -> [String] {
        var problems: [String] = []
        let modelNames = model.intents.map(\.name)
        let modelSet = Set(modelNames)
        let routed = Set(routes.intents.map(\.name))

        var seen: Set<String> = []
        for name in modelNames where !seen.insert(name).inserted {
            problems.append("the model declares \(name) more than once")
        }
        for builtIn in requiredBuiltIns where !modelSet.contains(builtIn) {
            problems.append("the model lacks \(builtIn), which every custom skill must include (and route)")
        }
        var reported: Set<String> = []
        for intent in model.intents where !routed.contains(intent.name) && reported.insert(intent.name).inserted {
            if requiredBuiltIns.contains(intent.name) {
                problems.append("\(intent.name) is a required built-in but has no route: add Intent(\"\(intent.name)\", ...)")
            } else {
                problems.append("\(intent.name) is in the model but has no route: Alexa will send it and only a fallback would answer")
            }
        }
        for route in routes.intents where !modelSet.contains(route.name) {
            problems.append(
                "the route for \(route.name) has no intent in the model, so Alexa never sends it: add {\"name\": \"\(route.name)\", \"samples\": [...]} to the model or remove the route"
            )
        }
        if !routes.kinds.contains("launch") {
            problems.append("the skill has no Launch route: \"Alexa, open \(model.invocationName ?? "the skill")\" gets no welcome")
        }
        for intent in model.intents where !intent.name.hasPrefix("AMAZON.") && intent.sampleCount == 0 {
            problems.append("\(intent.name) has no sample utterances, so users cannot reach it")
        }
        for intent in model.intents {
            for slot in intent.slots where !slot.type.hasPrefix("AMAZON.") && !model.slotTypes.contains(slot.type) {
                problems.append(
                    "slot \(slot.name) of \(intent.name) uses the type \(slot.type), which the model does not define: add it to \"types\" or use an AMAZON. built-in type"
                )
            }
        }
        problems += SampleLinter.problems(model: model)
        if let name = model.invocationName {
            if name != name.lowercased() { problems.append("the invocation name \"\(name)\" must be lowercase") }
        } else {
            problems.append("the model has no invocationName")
        }
        return problems
    }
}
