/// How an ``AlexaRequestVerifier`` bounds the certificate downloads a request can cause.
///
/// A request naming a chain URL that is not cached costs one outbound download before its signature
/// can be checked, so these limits are what keeps unsigned traffic from turning into downloads or
/// from holding requests: one download per URL however many requests wait for it, at most
/// ``maximumConcurrentDownloads`` at once and ``maximumWaitingDownloads`` waiting for a turn, a failed
/// URL remembered for ``failureCacheDuration``, and no request waits longer than ``timeout``.
/// A request refused by these limits gets a transient ``VerificationError`` (HTTP 503), never an answer.
public struct CertificateDownloadLimits: Sendable, Equatable {
    /// The longest a request waits for its signing certificate (a turn, the download and the chain
    /// checks); then it fails with ``VerificationError/Code/certificateDownloadTimedOut``. Keep it well
    /// below the skill's handler deadline and Alexa's 8 seconds.
    public var timeout: Duration
    /// The most downloads running at once. A download that never returns keeps its place, so a
    /// stuck network costs at most this many threads.
    public var maximumConcurrentDownloads: Int
    /// The most URLs waiting for a free place; a request for another URL beyond that fails at once
    /// with ``VerificationError/Code/tooManyCertificateDownloads``.
    public var maximumWaitingDownloads: Int
    /// How long a URL whose chain could not be obtained (or failed its checks) is answered with the
    /// same failure without downloading again; `.zero` turns the negative cache off.
    public var failureCacheDuration: Duration
    /// The most failed URLs remembered.
    public var failureCacheCapacity: Int

    /// Creates limits.
    /// - Parameters:
    ///   - timeout: a request's wait for its certificate; 3 seconds by default.
    ///   - maximumConcurrentDownloads: downloads at once; 4 by default (Alexa uses one URL at a time).
    ///   - maximumWaitingDownloads: URLs waiting for a turn; 16 by default.
    ///   - failureCacheDuration: how long a failure is remembered; 30 seconds by default.
    ///   - failureCacheCapacity: the most failures remembered; 1024 by default.
    public init(
        timeout: Duration = .seconds(3), maximumConcurrentDownloads: Int = 4, maximumWaitingDownloads: Int = 16,
        failureCacheDuration: Duration = .seconds(30), failureCacheCapacity: Int = 1024
    ) {
        self.timeout = max(.zero, timeout)
        self.maximumConcurrentDownloads = max(1, maximumConcurrentDownloads)
        self.maximumWaitingDownloads = max(0, maximumWaitingDownloads)
        self.failureCacheDuration = max(.zero, failureCacheDuration)
        self.failureCacheCapacity = max(1, failureCacheCapacity)
    }
}
