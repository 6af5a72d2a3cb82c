import Testing
@testable import BotLintKit
@Test func versionIsSet() { #expect(!BotLint.version.isEmpty) }
