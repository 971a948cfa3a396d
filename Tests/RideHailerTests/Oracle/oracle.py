"""Independent check of SkillGate with Amazon's own Python SDK (ask-sdk-model / ask-sdk-core).

Builds requests with ask_sdk_model's classes, serializes them with the SDK's DefaultSerializer,
feeds them to `ride-hailer stdio --lines`, and deserializes every response into
ask_sdk_model.ResponseEnvelope, checking the fields Alexa reads.

Usage: python oracle.py PATH_TO_RIDE_HAILER            (exit 0 and "ORACLE OK n" when all pass)
       python oracle.py --emit-requests                 (print the requests as JSON lines)
"""
import datetime
import json
import subprocess
import sys

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import (Application, Context, Device, Intent, IntentRequest,
                           LaunchRequest, RequestEnvelope, ResponseEnvelope, Session, SessionEndedReason,
                           SessionEndedRequest, Slot, SupportedInterfaces, User)
from ask_sdk_model.canfulfill import CanFulfillIntentRequest
from ask_sdk_model.interfaces.system import SystemState

SKILL_ID = "amzn1.ask.skill.ride-hailer"
LINK_PROMPT = ("Before I can order you rides, you need to log in with your Ride Hailer account. "
               "Please visit the Alexa app to link your Ride Hailer account.")
serializer = DefaultSerializer()


def envelope(request, token=None, attributes=None, new=True):
    user = User(user_id="amzn1.ask.account.ORACLE", access_token=token)
    application = Application(application_id=SKILL_ID)
    session = Session(new=new, session_id="amzn1.echo-api.session.oracle", user=user,
                      attributes=attributes or {}, application=application)
    system = SystemState(application=application, user=user,
                         device=Device(device_id="amzn1.ask.device.ORACLE", supported_interfaces=SupportedInterfaces()),
                         api_endpoint="https://api.amazonalexa.com", api_access_token="api-token")
    return RequestEnvelope(version="1.0", session=session, context=Context(system=system), request=request)


def now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def intent(name, slots=None):
    slot_objects = {key: Slot(name=key, value=value) for key, value in (slots or {}).items()}
    return IntentRequest(request_id="amzn1.echo-api.request.oracle-" + name, timestamp=now(), locale="en-US",
                         intent=Intent(name=name, slots=slot_objects))


CASES = [
    # (name, envelope, check(response_envelope) -> problem or None)
    ("launch", envelope(LaunchRequest(request_id="r-launch", timestamp=now(), locale="en-US")),
     lambda r: None if r.response.output_speech.text.startswith("Welcome to Ride Hailer")
     and r.response.should_end_session is False else "launch speech/session"),
    ("order linked", envelope(intent("OrderRideIntent", {"destination": "home"}), token="demo-token-alice"),
     lambda r: None if "12 Pine Street" in r.response.output_speech.text
     and r.session_attributes["pendingOrder"]["destination"] == "home"
     and r.response.reprompt.output_speech.text else "linked order"),
    ("order unlinked", envelope(intent("OrderRideIntent")),
     lambda r: None if r.response.output_speech.text == LINK_PROMPT and r.response.card.object_type == "LinkAccount"
     and r.response.should_end_session is True and r.response.reprompt is None else "unlinked order"),
    ("order invalid token", envelope(intent("OrderRideIntent"), token="revoked-token"),
     lambda r: None if r.response.card is not None and r.response.card.object_type == "LinkAccount" else "invalid token"),
    ("order outage", envelope(intent("OrderRideIntent"), token="demo-token-outage"),
     lambda r: None if r.response.card is None and "try again" in r.response.output_speech.text else "outage"),
    ("availability public", envelope(intent("RideHailerAvailabilityByCity", {"city": "Dallas"})),
     lambda r: None if "full range of services in Dallas" in r.response.output_speech.text else "availability"),
    ("help", envelope(intent("AMAZON.HelpIntent")),
     lambda r: None if r.response.should_end_session is False else "help"),
    ("stop", envelope(intent("AMAZON.StopIntent")),
     lambda r: None if r.response.output_speech.text == "Goodbye." and r.response.should_end_session else "stop"),
    ("yes confirms", envelope(intent("AMAZON.YesIntent"), token="demo-token-alice", new=False,
                              attributes={"pendingOrder": {"destination": "work", "address": "410 Terry Avenue North"}}),
     lambda r: None if "booked" in r.response.output_speech.text and r.response.card.object_type == "Simple"
     and "pendingOrder" not in (r.session_attributes or {}) else "yes"),
    ("session ended", envelope(SessionEndedRequest(request_id="r-end", timestamp=now(), locale="en-US",
                                                   reason=SessionEndedReason.USER_INITIATED)),
     lambda r: None if r.response.output_speech is None and r.response.card is None else "session ended"),
    ("can fulfill", envelope(CanFulfillIntentRequest(request_id="r-cfir", timestamp=now(), locale="en-US",
                                                      intent=Intent(name="OrderRideIntent", slots={}))),
     lambda r: None if r.response.can_fulfill_intent.can_fulfill.value == "MAYBE" else "can fulfill"),
]


def main():
    if sys.argv[1:] == ["--emit-requests"]:
        for _, request, _ in CASES:
            print(json.dumps(serializer.serialize(request)))
        return 0
    binary = sys.argv[1]
    lines = "\n".join(json.dumps(serializer.serialize(request)) for _, request, _ in CASES) + "\n"
    run = subprocess.run([binary, "stdio", "--lines"], input=lines.encode(), capture_output=True, timeout=60)
    if run.returncode != 0:
        print("ride-hailer exited", run.returncode, run.stderr.decode())
        return 1
    outputs = run.stdout.decode().splitlines()
    if len(outputs) != len(CASES):
        print("expected", len(CASES), "lines, got", len(outputs))
        return 1
    problems = []
    for (name, _, check), line in zip(CASES, outputs):
        response = serializer.deserialize(line, ResponseEnvelope)
        if response is None or response.response is None:
            problems.append(f"{name}: not a ResponseEnvelope: {line}")
            continue
        try:
            problem = check(response)
        except Exception as error:  # a missing field shows up as AttributeError/TypeError
            problem = f"{type(error).__name__}: {error}"
        if problem:
            problems.append(f"{name}: {problem}: {line}")
    for problem in problems:
        print("FAIL", problem)
    if problems:
        return 1
    print("ORACLE OK", len(CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
