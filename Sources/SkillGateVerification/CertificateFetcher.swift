#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Downloads the PEM certificate chain named by a request's `SignatureCertChainUrl`.
///
/// The verifier calls this only for a URL that passed ``CertificateChainURL/validate(_:)`` (normalised,
/// without query or fragment), only when it has no in-date cached chain and no remembered failure for
/// it, and at most once at a time per URL. Each call runs on a thread of its own, so it may block; it
/// is never cancelled, and a call that never returns keeps its place among
/// ``CertificateDownloadLimits/maximumConcurrentDownloads`` (requests waiting on it are answered at
/// the verifier's ``CertificateDownloadLimits/timeout``). Throw a ``CertificateFetchError`` to say
/// whether a failure is transient. Tests inject a fake that serves local PEM files.
public protocol CertificateFetcher: Sendable {
    /// Fetches the PEM bytes at `url`.
    /// - Parameter url: a validated, normalised `https://s3.amazonaws.com/echo.api/…` URL.
    /// - Returns: the PEM chain, signing certificate first.
    /// - Throws: any error when the chain cannot be downloaded; the verifier reports it as
    ///   ``VerificationError/Code/certificateDownloadFailed``.
    func fetchPEM(from url: URL) async throws -> [UInt8]
}
