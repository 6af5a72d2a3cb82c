import Testing
@testable import BotLintKit

@Suite struct RailwayExtractorTests {
    let extractor = RailwayExtractor()

    static let toml = """
    [build]
    builder = "NIXPACKS"
    buildCommand = "pip install -r requirements.txt"

    [deploy]
    startCommand = "python bot.py"
    numReplicas = 3
    overlapSeconds = 45
    restartPolicyType = "ON_FAILURE"
    preDeployCommand = ["python manage.py migrate", "python seed.py"]

    [environments.staging.deploy]
    numReplicas = 1

    [environments.production.deploy]
    numReplicas = 3
    """

    @Test func acceptsBothFormatsAnywhere() {
        #expect(accepts(extractor, "railway.toml"))
        #expect(accepts(extractor, "services/bot/railway.json"))
        #expect(!accepts(extractor, "railway.yaml"))
    }

    @Test func readsTomlServiceWithEnvironmentOverride() {
        let analysis = analyze(extractor, "services/bot/railway.toml", Self.toml)
        #expect(analysis.problems.isEmpty)
        let services = analysis.runners.filter { $0.name == "bot" }
        #expect(services.count == 2)  // production repeats the base, so only staging adds one

        let base = services[0]
        #expect(base.kind == .railwayService && base.platform == .railway)
        #expect(base.group == "bot")
        #expect(base.directory == "services/bot")
        #expect(base.command == "python bot.py")
        #expect(base.commandLocation?.lineColumn == "6:16")
        #expect(base.instances.count == 3)
        #expect(base.instances.reason == "numReplicas = 3")
        #expect(base.instances.location?.line == 7)
        #expect(base.settings["overlapSeconds"] == "45")
        #expect(base.settings["builder"] == "NIXPACKS")
        #expect(base.settings["service"] == "bot")
        #expect(base.settings["environment"] == nil)
        #expect(base.lifetime == .longRunning)

        let staging = services[1]
        #expect(staging.settings["environment"] == "staging")
        #expect(staging.instances.count == 1)
        #expect(staging.instances.location?.line == 13)
        #expect(staging.command == "python bot.py")
        #expect(staging.location.line == 12)

        let preDeploy = analysis.runners.filter { $0.name == "preDeployCommand" }
        #expect(preDeploy.count == 2)
        #expect(preDeploy.first?.command == "python manage.py migrate && python seed.py")
        #expect(preDeploy.first?.lifetime == .oneShot)
    }

    @Test func jsonEquivalentAtTheRootWithCronAndRegions() {
        let json = """
        {
          "$schema": "https://railway.com/railway.schema.json",
          "build": { "builder": "DOCKERFILE", "dockerfilePath": "Dockerfile.bot" },
          "deploy": {
            "cronSchedule": "*/15 * * * *",
            "multiRegionConfig": {
              "us-west2": { "numReplicas": 2 },
              "europe-west4-drams3a": { "numReplicas": 1 }
            },
            "healthcheckPath": "/health"
          }
        }
        """
        let analysis = analyze(extractor, "railway.json", json)
        #expect(analysis.problems.isEmpty)
        #expect(analysis.runners.count == 1)
        let runner = analysis.runners[0]
        #expect(runner.name == "railway" && runner.group == nil)
        #expect(runner.settings["service"] == "root")
        #expect(runner.command == nil)
        #expect(runner.lifetime == .scheduled("*/15 * * * *"))
        #expect(runner.instances.count == 3)
        #expect(runner.instances.location?.lineColumn == "6:5")
        #expect(runner.settings["dockerfilePath"] == "Dockerfile.bot")
        #expect(runner.servesHTTP)
    }

    @Test func defaultsToOneReplica() {
        let runner = analyze(extractor, "bot/railway.toml", "[deploy]\nstartCommand = \"node index.js\"\n").runners.first
        #expect(runner?.instances.count == 1)
        #expect(runner?.servesHTTP == false)
    }

    @Test func monorepoFoldersAreSeparateServices() {
        let api = analyze(extractor, "apps/api/railway.json", #"{"deploy": {"startCommand": "uvicorn main:app"}}"#)
        let bot = analyze(extractor, "apps/bot/railway.json", #"{"deploy": {"startCommand": "python bot.py"}}"#)
        #expect(api.runners.map(\.name) == ["api"])
        #expect(bot.runners.map(\.name) == ["bot"])
    }

    @Test func brokenJsonGivesAProblemWithItsLine() {
        let analysis = analyze(extractor, "railway.json", "{\n  \"deploy\": {\n    \"numReplicas\": 2\n    \"startCommand\": \"x\"\n  }\n}\n")
        #expect(analysis.runners.isEmpty)
        #expect(analysis.problems.first?.format == "JSON")
        #expect(analysis.problems.first?.location.line == 4)
    }
}
