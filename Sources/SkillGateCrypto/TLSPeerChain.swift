import COpenSSL

/// The certificates a TLS server sends, fetched with a handshake that records them instead of judging them,
/// so a checker can say what is wrong with them (a missing intermediate, a wrong name, an expired or
/// untrusted certificate) rather than only that the handshake failed.
public enum TLSPeerChain {
    /// Runs a TLS client handshake over `socket` that accepts whatever certificates the server sends and
    /// returns them as PEM, leaf first, in the order sent.
    /// - Parameters:
    ///   - socket: a connected non-blocking socket; still the caller's to close.
    ///   - host: the name or address the client asks for (sent as SNI for names).
    ///   - endpoint: `host:port`, for messages.
    ///   - trustRoots: roots for the client context (not used to judge: nothing is refused).
    ///   - deadline: when to give up.
    ///   - interruptFD: a descriptor whose readability stops the wait, or -1.
    /// - Returns: the PEM chain, or why the handshake did not get as far as the certificates.
    public static func fetch(
        socket: Int32, host: String, endpoint: String, trustRoots: TrustRoots, deadline: ContinuousClock.Instant?, interruptFD: Int32
    ) -> Result<[UInt8], TLSError> {
        let context: TLSClientContext
        switch TLSClientContext.make(trustRoots: trustRoots) {
        case .success(let made): context = made
        case .failure(let error): return .failure(error)
        }
        let recorder = Unmanaged.passRetained(ChainRecorder())
        defer { recorder.release() }
        SSL_CTX_set_cert_verify_callback(context.pointer, recordChain, recorder.toOpaque())
        var failure: TLSError?
        do {
            let connection = try TLSConnection(socket: socket, context: context, host: host, endpoint: endpoint)
            try connection.handshake(deadline: deadline, interruptFD: interruptFD)
        } catch {
            failure = error
        }
        let pem = recorder.takeUnretainedValue().pem
        if !pem.isEmpty { return .success(pem) }
        return .failure(failure ?? TLSError(.protocolFailed, "\(endpoint) completed the TLS handshake without a certificate."))
    }
}

/// Collects the PEM of the certificates one handshake saw.
private final class ChainRecorder {
    var pem: [UInt8] = []
}

/// Replaces OpenSSL's certificate verification for ``TLSPeerChain``: records the leaf and the chain the
/// server sent, and accepts.
private let recordChain: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Int32 = { store, argument in
    guard let store, let argument else { return 1 }
    let recorder = Unmanaged<ChainRecorder>.fromOpaque(argument).takeUnretainedValue()
    guard let leaf = X509_STORE_CTX_get0_cert(store) else { return 1 }
    var certificates = [leaf]
    if let sent = X509_STORE_CTX_get0_untrusted(store) {
        for index in 0..<max(0, OPENSSL_sk_num(sent)) {
            guard let raw = OPENSSL_sk_value(sent, index) else { continue }
            let certificate = OpaquePointer(raw)
            if X509_cmp(certificate, leaf) != 0 { certificates.append(certificate) }
        }
    }
    guard let bio = BIO_new(BIO_s_mem()) else { return 1 }
    defer { BIO_free(bio) }
    for certificate in certificates where PEM_write_bio_X509(bio, certificate) != 1 {
        OpenSSLErrorQueue.clear()
    }
    recorder.pem = X509Certificate.drain(bio)
    return 1
}
