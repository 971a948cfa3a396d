// swift-tools-version:6.0
import PackageDescription

// {{skillName}}: an Alexa custom skill built on SkillGate.
let package = Package(
    name: "{{name}}",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "{{name}}", targets: ["{{typeName}}"]),
    ],
    dependencies: [
        // SkillGate by local path; `skillgate new --skillgate PATH` chose this checkout.
        .package(name: "SkillGate", path: "{{skillgatePath}}"),
    ],
    targets: [
        .executableTarget(
            name: "{{typeName}}",
            dependencies: [.product(name: "SkillGate", package: "SkillGate")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("InternalImportsByDefault")]
        ),
        // `swift test`: requests through SkillGate's in-process tester, and every file in Replay/.
        .testTarget(
            name: "{{typeName}}Tests",
            dependencies: ["{{typeName}}", .product(name: "SkillGateTesting", package: "SkillGate")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
