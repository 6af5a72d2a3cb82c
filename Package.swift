// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "botlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "botlint", targets: ["botlint"]),
        .library(name: "BotLintKit", targets: ["BotLintKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libgit2 through pkg-config (Debian: libgit2-dev); only Source/ talks to it.
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // zlib (Debian: zlib1g-dev, which libgit2-dev depends on), to inflate loose git objects
        // directly; libgit2 already loads the same library.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Keeps libgit2's set-up from loading CA certificates botlint never uses (see its header).
        .target(name: "CLibGit2Offline"),
        // Byte scans over every file, in C vector types (Swift's SIMD lowered them lane by lane).
        .target(name: "CByteScan"),
        // One system call Swift cannot reach directly (openat2 goes through variadic syscall()).
        .systemLibrary(name: "CSystemCalls"),
        .target(
            name: "BotLintKit",
            dependencies: [
                "CLibGit2",
                "CZlib",
                "CByteScan",
                "CLibGit2Offline",
                "CSystemCalls",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "botlint",
            dependencies: [
                "BotLintKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BotLintKitTests",
            // The CLI tests run the built `botlint` binary, so it is built with the tests.
            dependencies: ["BotLintKit", "botlint"]
        ),
    ]
)
