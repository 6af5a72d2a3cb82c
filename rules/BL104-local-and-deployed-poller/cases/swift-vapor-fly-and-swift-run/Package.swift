// swift-tools-version:5.10
import PackageDescription

let package = Package(
    name: "standup-bot",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.99.0"),
        .package(url: "https://github.com/nerzh/swift-telegram-sdk", from: "3.6.0"),
    ],
    targets: [
        .executableTarget(name: "Bot", dependencies: [
            .product(name: "Vapor", package: "vapor"),
            .product(name: "SwiftTelegramSdk", package: "swift-telegram-sdk"),
        ]),
    ]
)
