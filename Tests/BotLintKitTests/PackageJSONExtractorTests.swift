import Testing
@testable import BotLintKit

@Suite struct PackageJSONExtractorTests {
    let extractor = PackageJSONExtractor()

    static let manifest = """
    {
      "name": "support-bot",
      "main": "dist/index.js",
      "scripts": {
        "start": "node dist/index.js",
        "build": "tsc",
        "predev": "npm run build",
        "dev": "nodemon src/index.ts",
        "dev:bot": "tsx watch src/bot.ts",
        "build:watch": "tsc -w",
        "watch": "tsc --watch",
        "serve": "node --watch src/server.js",
        "test": "vitest"
      },
      "dependencies": { "telegraf": "^4.16.3", "dotenv": "^16.0.0" },
      "devDependencies": { "nodemon": "^3.0.0" }
    }
    """

    @Test func readsTheManifest() {
        let analysis = analyze(extractor, "bot/package.json", Self.manifest)
        #expect(analysis.problems.isEmpty)
        let manifest = analysis.packageManifest
        #expect(manifest?.name == "support-bot")
        #expect(manifest?.main == "dist/index.js")
        #expect(manifest?.scripts["start"] == "node dist/index.js")
        #expect(manifest?.scriptLocations["dev"]?.lineColumn == "8:5")
        #expect(manifest?.dependencies == ["telegraf", "dotenv", "nodemon"])
    }

    @Test func declaresLocalDevScriptsOnly() {
        let runners = analyze(extractor, "bot/package.json", Self.manifest).runners
        #expect(runners.map(\.name) == ["npm run dev", "npm run dev:bot", "npm run serve"])
        let dev = runners[0]
        #expect(dev.kind == .packageScript && dev.platform == .local)
        #expect(dev.command == "nodemon src/index.ts")
        #expect(dev.commandLocation?.lineColumn == "8:12")
        #expect(dev.directory == "bot")
        #expect(dev.settings["script"] == "dev")
    }

    @Test func nodeModulesAreNotAccepted() {
        #expect(accepts(extractor, "package.json"))
        #expect(accepts(extractor, "apps/bot/package.json"))
        #expect(!accepts(extractor, "node_modules/telegraf/package.json"))
        #expect(!accepts(extractor, "package-lock.json"))
    }

    @Test func brokenJsonIsReported() {
        let analysis = analyze(extractor, "package.json", "{\n  \"name\": \"x\",\n  \"scripts\": {\n    \"dev\" \"nodemon\"\n  }\n}")
        #expect(analysis.problems.first?.format == "JSON")
        #expect(analysis.problems.first?.location.line == 4)
        #expect(analysis.packageManifest == nil)
    }
}
