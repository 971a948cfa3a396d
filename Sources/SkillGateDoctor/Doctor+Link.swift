import FoundationEssentials
extension Doctor {
    /// The guided walkthrough behind `skillgate doctor link`: writes the authorization URL (with Alexa's
    /// query, `state` and, with PKCE, the challenge), reads the URL the user's browser landed on after logging
    /// in, checks that redirect (`link-redirect`, `link-state`, `link-credential`, `code-length`) and then runs
    /// every other check, spending the code at the token endpoint.
    ///
    /// Without an authorization URL it is ``run()``.
    /// - Parameters:
    ///   - readLine: the pasted line (the command line reads standard input); nil at the end of input.
    ///   - write: where the instructions go (the command line writes standard output).
    /// - Returns: the report; the pasted code and tokens appear in it only as their last four characters.
    public func link(readLine: @Sendable () async -> String?, write: @Sendable (String) -> Void) async -> DoctorReport {
        guard let request = AuthorizationRequest(options) else { return await run() }
        write(Self.instructions(request))
        let observation = LinkObservation(pasted: await readLine(), request: request)
        var options = self.options
        if options.linkingType == .authCode, let code = observation.code {
            options.grant = .authorizationCode(code: code, redirectURI: request.redirectURI)
        }
        return await Doctor(options: options, logger: logger).run(authorizationRequest: request, link: observation)
    }

    /// What to do, with the URL to open.
    static func instructions(_ request: AuthorizationRequest) -> String {
        """
        skillgate doctor link: log in the way a user links the skill.

        1. Open this URL in a browser (a private window, so no earlier login is reused):

           \(request.url.absoluteString)

        2. Log in with a test account and allow access.
        3. The browser ends on Alexa's redirect URL (\(request.redirectURI)), which may show an error page:
           that is expected. Copy the whole URL from the address bar, paste it here and press Enter.

        URL:
        """ + " "
    }
}
