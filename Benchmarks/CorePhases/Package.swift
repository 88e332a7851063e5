// swift-tools-version:6.0
// A release-build harness that times each phase of a command (read, split, parse, match,
// encode, plan, diff, journal) in process, many times over: where the time of `list` and
// `toggle` goes, without process start-up noise.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which is whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL
let rootName = root.lastPathComponent.lowercased()

let package = Package(
    name: "CorePhases",
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "CorePhases",
            dependencies: [
                .product(name: "CTOBoardCore", package: rootName),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
