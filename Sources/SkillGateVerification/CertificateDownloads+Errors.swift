extension CertificateDownloads {
    /// The wait for `key` passed the limit.
    func timedOut(_ key: String) -> VerificationError {
        VerificationError(
            .certificateDownloadTimedOut,
            "The signing certificate chain at \(VerificationError.quoted(key)) was not obtained within \(Self.seconds(limits.timeout)), so the request was refused unverified; check that this server can reach \(CertificateChainURL.host) over HTTPS (DNS, firewall, proxy)."
        )
    }

    /// No place for another download.
    func busy(_ key: String, running: Int, waiting: Int) -> VerificationError {
        VerificationError(
            .tooManyCertificateDownloads,
            "\(running) certificate downloads are running and \(waiting) waiting (the limits are \(limits.maximumConcurrentDownloads) and \(limits.maximumWaitingDownloads)), so the chain at \(VerificationError.quoted(key)) was not downloaded and the request was refused unverified; many different SignatureCertChainUrl values at once are not from Alexa, which uses one."
        )
    }

    /// The request's task was cancelled (its connection closed) while it waited.
    static func cancelled(_ key: String) -> VerificationError {
        VerificationError(
            .certificateDownloadTimedOut,
            "The request stopped waiting for the signing certificate chain at \(VerificationError.quoted(key)) because it was cancelled; it was not verified."
        )
    }

    /// The verifier shut down.
    static func shutDown(_ key: String) -> VerificationError {
        VerificationError(
            .shuttingDown,
            "The server is shutting down and downloads no more signing certificates; the chain at \(VerificationError.quoted(key)) is not cached, so the request was refused unverified."
        )
    }

    /// A duration as seconds for messages, e.g. `3 s` or `0.25 s`.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(Double(milliseconds) / 1000) s"
    }
}
