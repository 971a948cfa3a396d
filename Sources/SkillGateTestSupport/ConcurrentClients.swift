public import SkillGateHTTP

/// Keep-alive HTTP clients on 127.0.0.1 that send at once, each on its own connection, counting the
/// exchanges that went right.
public enum ConcurrentClients {
    /// Runs `clients` clients at once; each makes `requests` exchanges in turn on one connection and
    /// stops at its first exchange that did not go right.
    /// - Parameters:
    ///   - clients: how many clients.
    ///   - requests: how many exchanges each client makes.
    ///   - port: the server's port on 127.0.0.1.
    ///   - exchange: one exchange: sends with `http` (client number `client`, exchange number
    ///     `index`, both from 0) and says whether the answer was right.
    /// - Returns: how many exchanges went right, over all clients.
    public static func run(
        _ clients: Int, requests: Int, port: Int,
        exchange: @escaping @Sendable (_ http: HTTPClient, _ client: Int, _ index: Int) async throws -> Bool
    ) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<clients {
                group.addTask {
                    let http = HTTPClient(host: "127.0.0.1", port: port)
                    defer { http.close() }
                    for index in 0..<requests {
                        guard try await exchange(http, client, index) else { return index }
                    }
                    return requests
                }
            }
            return try await group.reduce(0, +)
        }
    }
}
