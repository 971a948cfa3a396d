import SkillGate

/// One route per Alexa API call, each speaking what it got; and routes that catch the error.
struct AlexaAPISkill: Skill {
    var configuration: SkillConfiguration { SkillConfiguration(name: "Alexa API Test") }

    var routes: [Route] {
        Intent("AddressIntent", linking: .public) { _, context in
            let address = try await context.alexa.deviceAddress()
            let fields = [
                address.addressLine1, address.addressLine2, address.addressLine3, address.city, address.stateOrRegion,
                address.districtOrCounty, address.countryCode, address.postalCode,
            ]
            return .tell(fields.map { $0 ?? "-" }.joined(separator: "|"))
        }
        Intent("PostalIntent", linking: .public) { _, context in
            let short = try await context.alexa.countryAndPostalCode()
            return .tell("\(short.countryCode ?? "-") \(short.postalCode ?? "-")")
        }
        Intent("FullNameIntent", linking: .public) { _, context in .tell(try await context.alexa.fullName() ?? "no name") }
        Intent("GivenNameIntent", linking: .public) { _, context in .tell(try await context.alexa.givenName() ?? "no given name") }
        Intent("EmailIntent", linking: .public) { _, context in .tell(try await context.alexa.email() ?? "no email") }
        Intent("MobileIntent", linking: .public) { _, context in
            guard let number = try await context.alexa.mobileNumber() else { return .tell("no number") }
            return .tell("\(number.countryCode ?? "-") \(number.phoneNumber)")
        }
        Intent("CaughtAddressIntent", linking: .public) { _, context in
            do throws(AlexaAPIError) {
                _ = try await context.alexa.deviceAddress()
                return .tell("no error")
            } catch {
                return .tell("caught \(Self.name(of: error.kind))")
            }
        }
        Intent("ProgressIntent", linking: .required) { _, context in
            try await context.sendProgressiveResponse("Looking up your ride…")
            return .tell("ride found")
        }
        Intent("CaughtProgressIntent", linking: .optional) { _, context in
            do throws(AlexaAPIError) {
                try await context.sendProgressiveResponse("One moment…")
                return .tell("sent")
            } catch {
                return .tell("caught \(Self.name(of: error.kind))")
            }
        }
    }

    /// A kind's name for speech: `unauthorized`, `serviceUnavailable 500`, `timedOut`, …
    static func name(of kind: AlexaAPIError.Kind) -> String {
        switch kind {
        case .permissionDenied(let permission): "permissionDenied \(permission.cardName)"
        case .unauthorized: "unauthorized"
        case .serviceUnavailable(let status): "serviceUnavailable \(status.map(String.init) ?? "no response")"
        case .unexpectedStatus(let status): "unexpectedStatus \(status)"
        case .timedOut: "timedOut"
        case .malformedResponse: "malformedResponse"
        case .noEndpoint: "noEndpoint"
        case .transportUnavailable: "transportUnavailable"
        }
    }
}
