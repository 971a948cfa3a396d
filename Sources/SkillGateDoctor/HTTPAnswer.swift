import Foundation
import SkillGateHTTP

/// One HTTP answer as the doctor needs it.
struct HTTPAnswer: Sendable {
    /// The status code.
    let status: Int
    /// The `Content-Type` header, if any.
    let contentType: String?
    /// The `Location` header, if any (token-endpoint redirects are reported, never followed).
    let location: String?
    /// The body.
    let body: Data
    /// Every header field, in the order received.
    let headers: HTTPHeaders
    /// Time from sending the request to having the whole answer.
    let elapsed: Duration

    /// Whether the status is 2xx.
    var isSuccess: Bool { (200..<300).contains(status) }

    /// Whether the media type (ignoring parameters such as `charset`) is `application/json`.
    var isJSONContentType: Bool { mediaType == "application/json" }

    /// The media type in lower case without parameters, or nil without a `Content-Type`.
    var mediaType: String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? contentType
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// A call that got no HTTP answer: connection refused, DNS, TLS, timeout.
struct NetworkFailure: Error, Sendable, Equatable {
    /// `host:port` of the endpoint.
    let endpoint: String
    /// What went wrong, in a few words.
    let reason: String

    /// `could not reach host:port: reason`.
    var message: String { "could not reach \(endpoint): \(reason)" }
}

extension Duration {
    /// The duration in seconds.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// `42 ms` or `1.25 s`, for measured times.
    var measured: String {
        inSeconds < 1 ? String(format: "%.0f ms", inSeconds * 1000) : String(format: "%.2f s", inSeconds)
    }

    /// `4.5 s` or `2 s`, for thresholds.
    var threshold: String { String(format: "%g s", inSeconds) }
}
