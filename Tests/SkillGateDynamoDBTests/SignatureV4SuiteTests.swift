import SkillGateCore
import SkillGateDynamoDB
import Testing

/// AWS Signature Version 4 against cases of AWS's published test suite (aws-sig-v4-test-suite):
/// credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, region us-east-1,
/// service `service`, 2015-08-30T12:36:00Z. The expected canonical requests, strings to sign and
/// Authorization headers are the suite's `.creq`, `.sts` and `.authz` files.
struct SignatureV4SuiteTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let request: AWSSigner.Request
        let canonicalRequest: String
        let canonicalRequestHash: String
        let signature: String
        let signedHeaders: String
        var description: String { name }
    }

    static let signer = AWSSigner(
        credentials: AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")
    static let date = RequestTimestamp(millisecondsSince1970: 1_440_938_160_000)
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let baseHeaders: [(name: String, value: String)] = [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")]

    static let cases: [Case] = [
        Case(
            name: "get-vanilla", request: AWSSigner.Request(method: "GET", path: "/", headers: baseHeaders),
            canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signedHeaders: "host;x-amz-date"),
        Case(
            name: "post-vanilla", request: AWSSigner.Request(method: "POST", path: "/", headers: baseHeaders),
            canonicalRequest: "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
            signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", signedHeaders: "host;x-amz-date"),
        Case(
            name: "get-vanilla-query-order-key-case",
            request: AWSSigner.Request(method: "GET", path: "/", query: "Param2=value2&Param1=value1", headers: baseHeaders),
            canonicalRequest:
                "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
            signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", signedHeaders: "host;x-amz-date"),
        Case(
            name: "get-vanilla-empty-query-key",
            request: AWSSigner.Request(method: "GET", path: "/", query: "Param1=value1", headers: baseHeaders),
            canonicalRequest:
                "GET\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab",
            signature: "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb", signedHeaders: "host;x-amz-date"),
        Case(
            name: "get-utf8", request: AWSSigner.Request(method: "GET", path: "/ሴ", headers: baseHeaders),
            canonicalRequest: "GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
            signature: "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85", signedHeaders: "host;x-amz-date"),
        Case(
            name: "get-space", request: AWSSigner.Request(method: "GET", path: "/example space/", headers: baseHeaders),
            canonicalRequest:
                "GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
            signature: "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741", signedHeaders: "host;x-amz-date"),
        Case(
            name: "get-header-key-duplicate",
            request: AWSSigner.Request(
                method: "GET", path: "/",
                headers: [
                    ("Host", "example.amazonaws.com"), ("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1"),
                    ("X-Amz-Date", "20150830T123600Z"),
                ]),
            canonicalRequest:
                "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
            signature: "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea", signedHeaders: "host;my-header1;x-amz-date"),
        Case(
            name: "get-header-value-trim",
            request: AWSSigner.Request(
                method: "GET", path: "/",
                headers: [
                    ("Host", "example.amazonaws.com"), ("My-Header1", " value1"), ("My-Header2", " \"a   b   c\""),
                    ("X-Amz-Date", "20150830T123600Z"),
                ]),
            canonicalRequest:
                "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
            signature: "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
            signedHeaders: "host;my-header1;my-header2;x-amz-date"),
        Case(
            name: "post-header-key-sort",
            request: AWSSigner.Request(
                method: "POST", path: "/",
                headers: [("Host", "example.amazonaws.com"), ("My-Header1", "value1"), ("X-Amz-Date", "20150830T123600Z")]),
            canonicalRequest:
                "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n\(emptyHash)",
            canonicalRequestHash: "9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65",
            signature: "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c", signedHeaders: "host;my-header1;x-amz-date"),
        Case(
            name: "post-x-www-form-urlencoded",
            request: AWSSigner.Request(
                method: "POST", path: "/",
                headers: [
                    ("Content-Type", "application/x-www-form-urlencoded"), ("Host", "example.amazonaws.com"),
                    ("X-Amz-Date", "20150830T123600Z"),
                ], body: Array("Param1=value1".utf8)),
            canonicalRequest:
                "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            canonicalRequestHash: "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
            signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", signedHeaders: "content-type;host;x-amz-date"),
    ]

    @Test("the canonical request, string to sign and Authorization header match the suite", arguments: cases)
    func suiteCase(_ testCase: Case) {
        let signature = Self.signer.sign(testCase.request, at: Self.date)
        #expect(signature.canonicalRequest == testCase.canonicalRequest)
        #expect(
            signature.stringToSign
                == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n\(testCase.canonicalRequestHash)")
        #expect(
            signature.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=\(testCase.signedHeaders), Signature=\(testCase.signature)"
        )
    }

    @Test("X-Amz-Date is the UTC time as YYYYMMDDTHHMMSSZ")
    func amzDate() {
        #expect(AWSSigner.amzDate(Self.date) == "20150830T123600Z")
        #expect(AWSSigner.amzDate(RequestTimestamp(millisecondsSince1970: 0)) == "19700101T000000Z")
        #expect(AWSSigner.amzDate(RequestTimestamp(millisecondsSince1970: 1_767_225_599_999)) == "20251231T235959Z")
    }

    @Test("credentials never print their secret or session token")
    func credentialsRedacted() {
        let credentials = AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRET-KEY-VALUE", sessionToken: "SESSION-TOKEN-VALUE")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(!text.contains("SECRET-KEY-VALUE") && !text.contains("SESSION-TOKEN-VALUE") && !text.contains("AKIDEXAMPLE"), "\(text)")
        }
    }
}
