/// `routes`: the route table with each route's linking policy, for review and `skillgate lint`.
package enum RoutesMode {
    package static func text(_ runner: SkillRunner) -> String {
        var rows: [(String, String, String)] = [("ROUTE", "LINKING", "REQUIREMENTS")]
        for route in runner.table.routes {
            for trigger in route.triggers {
                rows.append((trigger.description, policyText(route.linking), route.requirements.map(\.name).joined(separator: ", ")))
            }
        }
        let width0 = rows.map(\.0.count).max() ?? 0
        let width1 = rows.map(\.1.count).max() ?? 0
        var output = "Skill: \(runner.configuration.name)\n"
        let ids = runner.applicationIDs
        output += "Skill IDs: \(ids.isEmpty ? "(none: applicationId check off)" : ids.joined(separator: ", "))\n\n"
        for row in rows {
            let line = pad(row.0, width0) + "  " + pad(row.1, width1) + "  " + row.2
            output += line.trimmingSpaces() + "\n"
        }
        return output
    }

    package static func json(_ runner: SkillRunner) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("skill", runner.configuration.name)
        writer.key("applicationIds")
        writer.beginArray()
        for id in runner.applicationIDs { writer.string(id) }
        writer.endArray()
        writer.key("routes")
        writer.beginArray()
        for route in runner.table.routes {
            for trigger in route.triggers {
                writer.beginObject()
                let (kind, name) = describe(trigger)
                writer.member("kind", kind)
                if let name { writer.member("name", name) }
                writer.member("linking", route.linking.name)
                if case .required(let prompt?) = route.linking { writer.member("prompt", prompt.defaultText) }
                writer.key("requirements")
                writer.beginArray()
                for requirement in route.requirements { writer.string(requirement.name) }
                writer.endArray()
                writer.endObject()
            }
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    private static func describe(_ trigger: Route.Trigger) -> (String, String?) {
        switch trigger {
        case .launch: ("launch", nil)
        case .intent(let name): ("intent", name)
        case .sessionEnded: ("sessionEnded", nil)
        case .canFulfill: ("canFulfill", nil)
        case .requestType(let type): ("requestType", type)
        case .fallback: ("fallback", nil)
        case .error: ("error", nil)
        }
    }

    private static func policyText(_ policy: LinkingPolicy) -> String {
        if case .required(let prompt?) = policy { return "required (own prompt: \"\(prompt.defaultText.prefix(40))…\")" }
        return policy.name
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
