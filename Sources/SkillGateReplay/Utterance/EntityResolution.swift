package import SkillGateModel

/// Entity resolution as Alexa does it for a custom slot type: the spoken value is compared
/// (normalised) with each value's name and synonyms; a match gives `ER_SUCCESS_MATCH` with the
/// canonical name and ID of every value it matches (values whose name matches first, then those
/// with a matching synonym, each in model order), anything else `ER_SUCCESS_NO_MATCH`.
package enum EntityResolution {
    /// The values of a type a spoken value matches.
    /// - Parameters:
    ///   - spoken: the normalised words of the value.
    ///   - type: the slot type.
    /// - Returns: the matching values, best first; empty when none match.
    package static func matches(_ spoken: String, in type: InteractionModel.SlotType) -> [InteractionModel.SlotValue] {
        let byName = type.values.filter { UtteranceWords($0.name).text == spoken }
        let bySynonym = type.values.filter { value in
            !byName.contains { $0.name == value.name } && value.synonyms.contains { UtteranceWords($0).text == spoken }
        }
        return byName + bySynonym
    }

    /// The slot's `resolutions` object.
    /// - Parameters:
    ///   - spoken: the normalised words of the value.
    ///   - type: the slot type.
    ///   - skillID: the skill ID, part of the authority's name.
    /// - Returns: `{"resolutionsPerAuthority": [{"authority", "status": {"code"}, "values"?}]}`.
    package static func resolutions(for spoken: String, in type: InteractionModel.SlotType, skillID: String) -> JSONValue {
        let values = matches(spoken, in: type)
        var authority: JSONObject = [
            "authority": .string("amzn1.er-authority.echo-sdk.\(skillID).\(type.name)"),
            "status": ["code": .string(values.isEmpty ? "ER_SUCCESS_NO_MATCH" : "ER_SUCCESS_MATCH")],
        ]
        if !values.isEmpty {
            authority["values"] = .array(
                values.map { value in
                    var object: JSONObject = ["name": .string(value.name)]
                    if let id = value.id { object["id"] = .string(id) }
                    return ["value": .object(object)]
                })
        }
        return ["resolutionsPerAuthority": [.object(authority)]]
    }
}
