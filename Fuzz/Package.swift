// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for botlint's parsers and scanners (run them with `scripts/fuzz`). A package of
// its own so the sanitizer flags never touch the main build; it depends on the engine by path,
// and SwiftPM names a path dependency after its folder, which differs between clones.
let engineFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let engine = engineFolder.lastPathComponent.lowercased()

/// One executable per target, each with an `@_cdecl("LLVMFuzzerTestOneInput")` entry; libFuzzer
/// supplies `main`.
let fuzzTargets = [
    "FuzzDotEnv", "FuzzProcfile", "FuzzShell", "FuzzCrontab", "FuzzPython", "FuzzJavaScript",
    "FuzzBotAPIURL", "FuzzFlyToml", "FuzzRailway", "FuzzAppJSON", "FuzzPackageJSON", "FuzzDockerfile",
    "FuzzTokenScan", "FuzzRepository", "FuzzGitIndex", "FuzzGitLooseObject", "FuzzLanguages",
]

let package = Package(
    name: "botlint-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "BotLintKit", package: engine)]),
    ] + fuzzTargets.map { .executableTarget(name: $0, dependencies: ["FuzzSupport"]) }
)
