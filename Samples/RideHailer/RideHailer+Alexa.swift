import SkillGate

/// The routes that use Alexa's own APIs: the device's address and progressive responses.
extension RideHailer {
    /// "Get me a ride from here to work": the pickup is the device's address from the Device
    /// Address API, the drop-off a saved place.
    /// - Throws: ``AlexaAPIError``: a 403 (permission not granted) speaks the consent card; the
    ///   rest (service down, time out) get the spoken apology.
    static func orderFromHere(_ request: IntentRequest, _ context: LinkedContext<RideProfile>) async throws -> SkillResponse {
        let address = try await context.alexa.deviceAddress()
        guard let pickup = address.addressLine1, !pickup.isEmpty else {
            return .tell(
                "I don't have a street address for this device. You can set one in the Alexa app, in the device's settings, then ask me again."
            )
        }
        let destination = destination(in: request)
        guard let dropOff = context.account.locations[destination] else {
            return .ask(
                "A ride from \(pickup). I don't have a default \(destination) location for you. Where would you like to go? You can say work or home."
            )
        }
        let order: JSONValue = ["destination": .string(destination), "address": .string(dropOff), "pickup": .string(pickup)]
        return .ask(
            "A ride from \(pickup) to your default \(destination) location, \(dropOff), paid with your \(context.account.payment). Should I order it?",
            reprompt: "Should I order a ride from \(pickup) to \(dropOff)? Say yes or no."
        )
        .sessionAttribute("pendingOrder", order, from: context.sessionAttributes)
    }

    /// Says "Looking up your ride…" at once while the order is worked out (a progressive
    /// response). It is a courtesy: when it cannot be sent (no reachable Alexa API, as in offline
    /// replays, or a stale API token) the order goes on, and the failure is only logged.
    static func sayLookingUp(_ context: LinkedContext<RideProfile>) async {
        do throws(AlexaAPIError) {
            try await context.sendProgressiveResponse("Looking up your ride…")
        } catch {
            if error.kind == .noEndpoint {
                // Offline requests (replays, load tests) carry no Alexa API: expected, not news.
                context.logger.debug("progressive response not sent: \(error.description)")
            } else {
                context.logger.info("progressive response not sent, carrying on: \(error.description)")
            }
        }
    }

    /// The destination slot's resolved ID or value, lower-cased; `work` when absent.
    static func destination(in request: IntentRequest) -> String {
        let slot = request.slots["destination"]
        return (slot?.resolvedID ?? slot?.value ?? "work").lowercased()
    }
}
