// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ctoboard",
    products: [
        .executable(name: "ctoboard", targets: ["ctoboard"]),
        .library(name: "CTOBoardCore", targets: ["CTOBoardCore"]),
        .library(name: "CTOBoardUI", targets: ["CTOBoardUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // ncurses (wide-character build) and the C shim for its macros and globals.
        // No pkgConfig: ncursesw.pc adds -D_XOPEN_SOURCE=600, which SwiftPM rejects with a warning.
        // shim.h sets the feature macros itself and the module map links ncursesw.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Documents, tasks, matching, sync, journal, history. No terminal, no CLI.
        .target(
            name: "CTOBoardCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // Pure board state, update and view into a screen buffer.
        .target(
            name: "CTOBoardUI",
            dependencies: ["CTOBoardCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The runtime: the terminal protocol and its ncurses implementation (the only code that
        // talks to ncurses), the board loop, the controller that runs effects against the core,
        // and the editor launcher.
        .target(
            name: "CTOBoardTerminal",
            dependencies: ["CNcurses", "CTOBoardUI", "CTOBoardCore"]
        ),
        .executableTarget(
            name: "ctoboard",
            dependencies: [
                "CTOBoardCore", "CTOBoardUI", "CTOBoardTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "CTOBoardCoreTests",
            dependencies: ["CTOBoardCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "CTOBoardUITests",
            dependencies: ["CTOBoardUI", "CTOBoardCore"]
        ),
        .testTarget(
            name: "CTOBoardTerminalTests",
            dependencies: ["CTOBoardTerminal", "CTOBoardUI", "CTOBoardCore"]
        ),
        .testTarget(
            name: "ctoboardTests",
            dependencies: ["CTOBoardCore", "ctoboard"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
