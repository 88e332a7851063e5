// swift-tools-version:6.0
// libFuzzer targets for ctoboard's core. A separate package so that the main build and
// `swift test` never compile them. Build and run with Fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "ctoboard-fuzz",
    dependencies: [
        .package(name: "ctoboard", path: ".."),
    ],
    targets: [
        // Input splitting, invariant checks and the libFuzzer entry point shim.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "CTOBoardCore", package: "ctoboard")]
        ),
        // Document and TaskDocument: byte-identical round trip, no crash.
        .executableTarget(
            name: "FuzzParser",
            dependencies: ["FuzzSupport", .product(name: "CTOBoardCore", package: "ctoboard")]
        ),
        // TaskPair, TaskMatcher and drift (what `check` runs) on any pair: no crash.
        .executableTarget(
            name: "FuzzMatcher",
            dependencies: ["FuzzSupport", .product(name: "CTOBoardCore", package: "ctoboard")]
        ),
        // Random operation sequences through OperationPlanner and SyncEngine, in memory.
        .executableTarget(
            name: "FuzzSync",
            dependencies: ["FuzzSupport", .product(name: "CTOBoardCore", package: "ctoboard")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
