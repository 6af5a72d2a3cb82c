import Testing
@testable import BotLintKit

@Suite struct HerokuAppJSONExtractorTests {
    let extractor = HerokuAppJSONExtractor()

    @Test func formationScriptsAndEnv() {
        let json = """
        {
          "name": "support-bot",
          "env": {
            "MODE": "polling",
            "WEBHOOK_URL": { "description": "public URL", "required": false, "value": "" },
            "BOT_TOKEN": { "description": "from @BotFather", "required": true },
            "SECRET_KEY": { "generator": "secret" }
          },
          "formation": {
            "worker": { "quantity": 2, "size": "basic" },
            "web": { "quantity": 1 }
          },
          "scripts": { "postdeploy": "python manage.py migrate" }
        }
        """
        let analysis = analyze(extractor, "app.json", json)
        #expect(analysis.problems.isEmpty)
        #expect(analysis.runners.map(\.name) == ["worker", "web", "postdeploy"])

        let worker = analysis.runner("worker")
        #expect(worker?.command == nil)
        #expect(worker?.platform == .heroku && worker?.kind == .procfileProcess)
        #expect(worker?.instances.count == 2)
        #expect(worker?.instances.location?.lineColumn == "10:29")
        #expect(worker?.settings["source"] == "app.json formation")
        #expect(worker?.settings["size"] == "basic")
        #expect(worker?.env.map(\.name) == ["MODE", "WEBHOOK_URL", "BOT_TOKEN", "SECRET_KEY"])
        #expect(worker?.env.map(\.value) == ["polling", "", nil, nil])
        #expect(worker?.env.first?.location?.line == 4)
        #expect(analysis.runner("web")?.servesHTTP == true)

        let postdeploy = analysis.runner("postdeploy")
        #expect(postdeploy?.lifetime == .oneShot)
        #expect(postdeploy?.command == "python manage.py migrate")
    }

    @Test func expoAndOtherAppJSONAreIgnored() {
        let expo = #"{"expo": {"name": "my-app", "slug": "my-app", "scripts": {"x": "y"}}}"#
        #expect(analyze(extractor, "mobile/app.json", expo).runners.isEmpty)
        let reactNative = #"{"name": "MyApp", "displayName": "My App"}"#
        let analysis = analyze(extractor, "app.json", reactNative)
        #expect(analysis.runners.isEmpty && analysis.problems.isEmpty)
        #expect(analyze(extractor, "app.json", "{ broken").problems.isEmpty)
    }

    @Test func brokenManifestIsReported() {
        let analysis = analyze(extractor, "app.json", "{\n  \"formation\": {\n    \"worker\": { \"quantity\": 1 \n  }\n")
        #expect(analysis.problems.first?.format == "JSON")
    }
}
