/// One authority's entity-resolution result for a slot.
public struct Resolution: Sendable, Hashable {
    /// A resolved value.
    public struct Value: Sendable, Hashable {
        /// The value's canonical name.
        public var name: String
        /// The value's ID from the interaction model.
        public var id: String?

        /// Creates a value.
        /// - Parameters:
        ///   - name: the canonical name.
        ///   - id: the ID.
        public init(name: String, id: String? = nil) {
            self.name = name
            self.id = id
        }
    }

    /// The authority, e.g. `amzn1.er-authority.echo-sdk.<skill>.RideType`.
    public var authority: String
    /// `ER_SUCCESS_MATCH`, `ER_SUCCESS_NO_MATCH`, `ER_ERROR_TIMEOUT` or `ER_ERROR_EXCEPTION`.
    public var statusCode: String
    /// The matching values, best first.
    public var values: [Value]

    /// Creates a resolution.
    /// - Parameters:
    ///   - authority: the authority.
    ///   - statusCode: the status code.
    ///   - values: the values.
    public init(authority: String, statusCode: String, values: [Value] = []) {
        self.authority = authority
        self.statusCode = statusCode
        self.values = values
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        self.init(authority: "", statusCode: "")
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "authority" {
                authority = try reader.optionalString() ?? ""
            } else if key == "status" {
                _ = try reader.optional { reader throws(RequestDecodingError) in
                    try reader.members { reader, inner throws(RequestDecodingError) in
                        if inner == "code" { statusCode = try reader.optionalString() ?? "" } else { try reader.skip() }
                    }
                }
            } else if key == "values" {
                _ = try reader.optional { reader throws(RequestDecodingError) in
                    try reader.elements { reader throws(RequestDecodingError) in
                        try reader.members { reader, wrapper throws(RequestDecodingError) in
                            guard wrapper == "value" else { return try reader.skip() }
                            var name = "", id: String?
                            _ = try reader.optional { reader throws(RequestDecodingError) in
                                try reader.members { reader, field throws(RequestDecodingError) in
                                    if field == "name" {
                                        name = try reader.optionalString() ?? ""
                                    } else if field == "id" {
                                        id = try reader.optionalString()
                                    } else {
                                        try reader.skip()
                                    }
                                }
                            }
                            values.append(Value(name: name, id: id))
                        }
                    }
                }
            } else {
                try reader.skip()
            }
        }
    }
}
