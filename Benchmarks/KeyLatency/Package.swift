// swift-tools-version:6.0
// A release-build harness for the board's key-press latency: builds the board state from a
// real pair and times update + render (the work between a key and an updated screen buffer).
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which is whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL
let rootName = root.lastPathComponent.lowercased()

let package = Package(
    name: "KeyLatency",
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "KeyLatency",
            dependencies: [
                .product(name: "CTOBoardCore", package: rootName),
                .product(name: "CTOBoardUI", package: rootName),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
