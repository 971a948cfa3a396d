import SkillGate
import SkillGateSQLite  // or SkillGateDynamoDB

struct RememberingSkill: Skill {
    let persistence: PersistenceConfiguration? = PersistenceConfiguration(
        store: SQLitePersistenceStore(path: "rides.sqlite"), key: .userId)

    var configuration: SkillConfiguration { SkillConfiguration(name: "Ride Hailer") }

    var routes: [Route] {
        Launch(linking: .optional) { context in
            let place = try await context.persistentAttributes["lastDestination"]?.stringValue
            return .ask(place.map { "Last time you went to \($0). Same again?" } ?? "Where to?")
        }
        Intent("AMAZON.YesIntent", linking: .required) { _, context in
            try await context.persistentAttributes.update { $0["lastDestination"] = "home" }
            return .tell("Booked.")
        }
    }
}
