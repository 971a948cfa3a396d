import Foundation
import SkillGateCore
import SkillGateSQLite
import SkillGateTestSupport
import SkillGateTesting
import Testing

/// The sample's memory (persistent attributes) with real `ride-hailer` processes and real stores.
@Suite(.serialized)
struct PersistenceProcessTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"
    static let replay = SampleFolder.checkout + "/Samples/RideHailer/Replay/conversations"
    static let tryLater = "Sorry, Ride Hailer can't reach your saved information right now. Please try again in a little while."

    /// A confirmation of a pending ride home for one user.
    static func yes(_ userId: String) -> String {
        let request = TestRequest.intent(
            "AMAZON.YesIntent", token: "demo-token-alice", skillID: skillID, newSession: false,
            sessionAttributes: ["pendingOrder": ["destination": "home", "address": "12 Pine Street"]]
        ).user(userId)
        return String(decoding: request.bytes, as: UTF8.self)
    }

    @Test("two ride-hailer processes booking rides for one user at once on one SQLite file lose no ride and count none twice")
    func twoProcessesOneFile() async throws {
        let folder = try TemporaryFolder()
        let database = folder.path + "/rides.sqlite"
        let perProcess = 60
        let input = Array((Array(repeating: Self.yes("amzn1.ask.account.BUSY"), count: perProcess).joined(separator: "\n") + "\n").utf8)
        let environment = ["RIDE_HAILER_DATABASE": database]
        async let first = ChildProcess.run(Products.path("ride-hailer"), ["stdio", "--lines"], input: input, environment: environment)
        async let second = ChildProcess.run(Products.path("ride-hailer"), ["stdio", "--lines"], input: input, environment: environment)
        let outputs = try await [first, second]
        var booked = 0
        var tryLater = 0
        for output in outputs {
            #expect(output.status == 0, "\(output)")
            for line in output.stdout.split(separator: "\n") {
                let speech = try JSONParser.parse(Array(line.utf8))["response"]?["outputSpeech"]?["text"]?.stringValue
                if speech == "Your ride to 12 Pine Street is booked. Your driver will be there in about five minutes." {
                    booked += 1
                } else {
                    #expect(speech == Self.tryLater, "every answer is a booking or 'try again later'")
                    tryLater += 1
                }
            }
        }
        #expect(booked + tryLater == 2 * perProcess)
        print("two ride-hailer processes, one user: \(booked) rides booked, \(tryLater) answered 'try again later'")
        let stored = try await SQLitePersistenceStore(path: database).get("amzn1.ask.account.BUSY")
        #expect(stored.attributes["rideCount"] == .integer(booked), "each booking the user heard is counted exactly once")
        #expect(stored.attributes["lastDestination"] == "home")
        // Conflicts are retried once; only a second conflict in a row says "try again later", so most rides go through.
        #expect(booked >= perProcess, "\(booked) booked, \(tryLater) told to try again")
    }

    @Test("the first-visit and return-visit replays pass on a fresh database, and again on the same one")
    func replaysAreRepeatable() async throws {
        let folder = try TemporaryFolder()
        let database = folder.path + "/rides.sqlite"
        for run in 1...2 {
            let output = try await ChildProcess.run(
                Products.path("skillgate"),
                [
                    "replay", Self.replay + "/remember-first-visit.json", Self.replay + "/remember-return-visit.json", "--exec",
                    "\(Products.path("ride-hailer")) stdio --lines", "--quiet",
                ],
                environment: ["RIDE_HAILER_DATABASE": database])
            #expect(output.status == 0, "run \(run): \(output)")
            #expect(output.stdout.contains("16 passed, 0 failed"), "run \(run): \(output)")
        }
        let firstVisit = try await SQLitePersistenceStore(path: database).get("amzn1.ask.account.RIDE-HAILER-FIRST-VISIT")
        #expect(firstVisit.attributes == ["lastDestination": "home", "rideCount": 1])
        #expect(try await SQLitePersistenceStore(path: database).get("amzn1.ask.account.RIDE-HAILER-RETURN-VISIT") == StoredAttributes())
    }

    @Test("with a database that cannot be created the store-down replay passes: 'try again later', no card, no crash")
    func storeDown() async throws {
        let output = try await ChildProcess.run(
            Products.path("skillgate"),
            [
                "replay", SampleFolder.checkout + "/Samples/RideHailer/ReplayStoreDown", "--exec",
                "\(Products.path("ride-hailer")) stdio --lines",
                "--quiet",
            ],
            environment: ["RIDE_HAILER_DATABASE": "/dev/null/ride-hailer.sqlite"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("7 passed, 0 failed"), "\(output)")
        #expect(output.stderr.contains("persistence unavailable"), "the failure is logged: \(output.stderr)")
        #expect(!output.stderr.contains("RIDE-HAILER-STORE-DOWN") && !output.stderr.contains("lastDestination"), "without user data")
    }

    @Test(
        "RIDE_HAILER_DYNAMODB_TABLE switches the sample to DynamoDB: the replays pass against moto, in the ASK SDK layout",
        .enabled(
            if: MotoServer.isInstalled,
            "moto is not installed: run `python3 -m venv .build-moto/venv && .build-moto/venv/bin/pip install 'moto[server]' boto3` (or .ci/run)"
        )
    )
    func dynamoDB() async throws {
        let moto = try await MotoServer.shared()
        var environment = MotoServer.environment
        environment["AWS_REGION"] = "us-east-1"
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = moto.endpoint
        environment["RIDE_HAILER_DYNAMODB_TABLE"] = "ride-hailer"
        environment["RIDE_HAILER_DYNAMODB_CREATE_TABLE"] = "1"
        let output = try await ChildProcess.run(
            Products.path("skillgate"),
            [
                "replay", Self.replay + "/remember-first-visit.json", Self.replay + "/remember-return-visit.json", "--exec",
                "\(Products.path("ride-hailer")) stdio --lines", "--quiet",
            ],
            environment: environment)
        #expect(output.status == 0, "\(output)")
        let item = try await moto.python(
            """
            item = dynamodb.Table("ride-hailer").get_item(Key={"id": "amzn1.ask.account.RIDE-HAILER-FIRST-VISIT"})["Item"]
            print(json.dumps(plain(item), sort_keys=True))
            """)
        #expect(
            item.trimmingCharacters(in: .whitespacesAndNewlines)
                == #"{"attributes": {"lastDestination": "home", "rideCount": 1}, "id": "amzn1.ask.account.RIDE-HAILER-FIRST-VISIT", "skillgateVersion": 1}"#
        )
    }
}
