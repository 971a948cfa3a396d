import SkillGateReplay
import Foundation
import SkillGateHTTP

/// POSTs each request to a running endpoint (`serve`) over one keep-alive connection, signed
/// when a ``ReplaySigner`` is given.
final class HTTPTransport: SkillTransport {
    let target: String
    private let url: String
    private let client: HTTPClient
    private let path: String
    private let signer: ReplaySigner?
    private let timeout: Duration

    /// Creates a transport; nothing connects until the first request.
    /// - Parameters:
    ///   - url: `http://host:port/path`.
    ///   - signer: signs each body, or nil for unsigned requests.
    ///   - timeout: how long to wait for each answer.
    /// - Throws: ``CLIError`` `.usage` for a URL that is not plain `http://`.
    init(url: String, signer: ReplaySigner?, timeout: Duration) throws(CLIError) {
        guard let parsed = URLComponents(string: url), let host = parsed.host, !host.isEmpty else {
            throw .usage("--url \(url) is not a URL such as http://127.0.0.1:8080/")
        }
        guard parsed.scheme?.lowercased() == "http" else {
            throw .usage("--url must be http:// (replay talks to a local endpoint; TLS belongs in front of a deployed skill), not \(url)")
        }
        let query = parsed.percentEncodedQuery.map { "?" + $0 } ?? ""
        path = (parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath) + query
        client = HTTPClient(host: host, port: parsed.port ?? 80)
        self.url = url
        self.signer = signer
        self.timeout = timeout
        target = "url: \(url)" + (signer == nil ? "" : " (signed)")
    }

    func send(_ body: [UInt8]) async throws(CLIError) -> (status: Int?, body: [UInt8]) {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        for (name, value) in try signer?.headers(for: body) ?? [] { headers.add(name: name, value: value) }
        let response: HTTPClientResponse
        do {
            response = try await client.send(method: "POST", path: path, headers: headers, body: body, timeout: timeout)
        } catch {
            throw .transport("cannot reach \(url): \(error)")
        }
        if response.status == 404 || response.status == 405 {
            let detail = String(decoding: response.body.prefix(300), as: UTF8.self)
            throw .transport("\(url) answered HTTP \(response.status): \(detail); is this the skill's path?")
        }
        return (response.status, response.body)
    }

    func close() async throws(CLIError) {
        client.close()
    }
}
