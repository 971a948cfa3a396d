import SkillGateCore

/// JSON values to DynamoDB's typed attribute values and back, as the ASK SDKs' DocumentClient
/// (Node.js) and boto3 serializer (Python) write them: strings `S`, numbers `N` (sent as
/// strings), booleans `BOOL`, null `NULL`, arrays `L`, objects `M`.
enum DynamoDBAttributeValue {
    /// The attribute value for a JSON value.
    static func encode(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null: ["NULL": true]
        case .bool(let flag): ["BOOL": .bool(flag)]
        case .integer(let number): ["N": .string(String(number))]
        case .double(let number): ["N": .string(number.description)]
        case .string(let text): ["S": .string(text)]
        case .array(let items): ["L": .array(items.map(encode))]
        case .object(let object): ["M": .object(encode(object))]
        }
    }

    /// A map's members as attribute values.
    static func encode(_ object: JSONObject) -> JSONObject {
        JSONObject(members: object.members.map { JSONObject.Member(key: $0.key, value: encode($0.value)) })
    }

    /// The JSON value for an attribute value; sets become arrays and binary stays base64 text.
    /// Returns nil for something that is not an attribute value.
    static func decode(_ value: JSONValue) -> JSONValue? {
        guard let object = value.objectValue, object.count == 1, let member = object.members.first else { return nil }
        let content = member.value
        switch member.key {
        case "S", "B": return content.stringValue.map(JSONValue.string)
        case "N": return content.stringValue.flatMap(number)
        case "BOOL": return content.boolValue.map(JSONValue.bool)
        case "NULL": return .null
        case "SS", "BS": return content.arrayValue.map { .array($0.compactMap { $0.stringValue.map(JSONValue.string) }) }
        case "NS": return content.arrayValue.map { .array($0.compactMap { $0.stringValue.flatMap(number) }) }
        case "L":
            guard let items = content.arrayValue else { return nil }
            var decoded: [JSONValue] = []
            for item in items {
                guard let value = decode(item) else { return nil }
                decoded.append(value)
            }
            return .array(decoded)
        case "M": return content.objectValue.flatMap(decode).map(JSONValue.object)
        default: return nil
        }
    }

    /// A map of attribute values as a JSON object; nil if any member is not an attribute value.
    static func decode(_ map: JSONObject) -> JSONObject? {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(map.count)
        for member in map {
            guard let value = decode(member.value) else { return nil }
            members.append(JSONObject.Member(key: member.key, value: value))
        }
        return JSONObject(members: members)
    }

    /// An `N` string as an integer when it is one, else as a double.
    private static func number(_ text: String) -> JSONValue? {
        if let integer = Int(text) { return .integer(integer) }
        if let double = Double(text), double.isFinite { return .double(double) }
        return nil
    }
}
