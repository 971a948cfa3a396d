/// Thrown if a `.required` handler were reached without a token — the gate makes that impossible.
struct GateInvariantError: Error, CustomStringConvertible {
    var description: String { "internal error: a linked route was reached without an access token" }
}
