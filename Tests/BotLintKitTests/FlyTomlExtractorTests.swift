import Testing
@testable import BotLintKit

@Suite struct FlyTomlExtractorTests {
    let extractor = FlyTomlExtractor()

    @Test func acceptsFlyConfigs() {
        #expect(accepts(extractor, "fly.toml"))
        #expect(accepts(extractor, "deploy/fly.staging.toml"))
        #expect(!accepts(extractor, "fly.yaml"))
        #expect(!accepts(extractor, "netlify.toml"))
    }

    @Test func runbookWorkerWithoutServicesGetsOneMachine() {
        let text = """
        app = "loyalitybot-partner"
        primary_region = "ams"

        [build]
          dockerfile = "Dockerfile"

        [processes]
          worker = "python bot.py"

        [env]
          PYTHONUNBUFFERED = "1"
          LOG_LEVEL = "info"
        """
        let analysis = analyze(extractor, "fly.toml", text)
        #expect(analysis.problems.isEmpty)
        #expect(analysis.runners.count == 1)
        let worker = analysis.runners[0]
        #expect(worker.kind == .flyProcess && worker.platform == .fly)
        #expect(worker.name == "worker" && worker.group == "loyalitybot-partner")
        #expect(worker.command == "python bot.py")
        #expect(worker.commandLocation?.lineColumn == "8:12")
        #expect(worker.location.lineColumn == "8:3")
        #expect(worker.instances.count == 1)
        #expect(!worker.servesHTTP)
        #expect(worker.env.map(\.name) == ["PYTHONUNBUFFERED", "LOG_LEVEL"])
        #expect(worker.env[1].location?.lineColumn == "12:3")
        #expect(worker.settings["dockerfile"] == "Dockerfile")
        #expect(worker.settings["deploy.strategy"] == "rolling")
    }

    @Test func httpServiceCoversOnlyItsGroup() {
        let text = """
        app = "shop-bot"

        [processes]
        web = "gunicorn app:app --bind 0.0.0.0:8080"
        bot = ["python", "-m", "bot", "--mode", "polling mode"]

        [http_service]
        internal_port = 8080
        auto_stop_machines = "stop"
        auto_start_machines = true
        min_machines_running = 0
        processes = ["web"]

        [deploy]
        release_command = "python manage.py migrate"
        strategy = "bluegreen"
        """
        let analysis = analyze(extractor, "fly.toml", text)
        let web = analysis.runner("web")
        #expect(web?.servesHTTP == true)
        #expect(web?.instances.count == 2)
        #expect(web?.instances.location?.line == 7)
        #expect(web?.settings["auto_stop_machines"] == "stop")
        #expect(web?.settings["auto_start_machines"] == "true")
        #expect(web?.settings["internal_port"] == "8080")
        #expect(web?.settings["deploy.strategy"] == "bluegreen")

        let bot = analysis.runner("bot")
        #expect(bot?.servesHTTP == false)
        #expect(bot?.instances.count == 1)
        #expect(bot?.command == "python -m bot --mode 'polling mode'")
        #expect(bot?.settings["auto_stop_machines"] == nil)

        let release = analysis.runner("release_command")
        #expect(release?.kind == .flyReleaseCommand)
        #expect(release?.lifetime == .oneShot)
        #expect(release?.instances.count == 1)
        #expect(release?.command == "python manage.py migrate")
        #expect(release?.location.line == 15)
    }

    @Test func serviceWithoutProcessesBelongsToTheDefaultGroupOnly() {
        let text = """
        [processes]
        app = "node server.js"
        worker = "node bot.js"

        [[services]]
        internal_port = 3000
        """
        let analysis = analyze(extractor, "fly.toml", text)
        #expect(analysis.runner("app")?.servesHTTP == true)
        #expect(analysis.runner("worker")?.servesHTTP == false)

        let noApp = analyze(extractor, "fly.toml", "[processes]\nweb = \"a\"\nbot = \"b\"\n[http_service]\ninternal_port = 1\n")
        #expect(noApp.runner("bot")?.servesHTTP == true)  // alphabetically first
        #expect(noApp.runner("web")?.servesHTTP == false)
    }

    @Test func oldStyleServicesWithoutProcessesAndExperimentalCmd() {
        let text = """
        app = "legacy-bot"
        kill_signal = "SIGINT"

        [build]
          image = "ghcr.io/acme/bot:latest"

        [experimental]
          cmd = ["python", "main.py"]
          auto_rollback = true

        [[services]]
          internal_port = 8080
          protocol = "tcp"
          min_machines_running = 3
          [[services.ports]]
            port = 443
            handlers = ["tls", "http"]

        [mounts]
          source = "data"
          destination = "/data"
        """
        let analysis = analyze(extractor, "fly.toml", text)
        #expect(analysis.runners.count == 1)
        let app = analysis.runners[0]
        #expect(app.name == "app")
        #expect(app.command == "python main.py")
        #expect(app.commandLocation?.lineColumn == "8:9")
        #expect(app.servesHTTP)
        #expect(app.instances.count == 3)
        #expect(app.instances.location?.line == 11)
        #expect(app.settings["image"] == "ghcr.io/acme/bot:latest")
        #expect(app.settings["dockerfile"] == nil)
    }

    @Test func volumeMeansOneMachineAndNoCommandMeansTheImageDefault() {
        let text = "app = \"x\"\n[http_service]\ninternal_port = 80\n[[mounts]]\nsource = \"d\"\ndestination = \"/d\"\n"
        let app = analyze(extractor, "fly.toml", text).runners.first
        #expect(app?.command == nil)
        #expect(app?.instances.count == 1)
        #expect(app?.location.line == 1)
    }

    @Test func brokenLineIsReportedAndTheRestStillRead() {
        let text = """
        app = "bot"
        [processes]
        worker = "python bot.py"
        web = gunicorn app:app
        [env]
        MODE = "polling"
        """
        let analysis = analyze(extractor, "fly.toml", text)
        #expect(analysis.problems.count == 1)
        #expect(analysis.problems.first?.format == "TOML")
        #expect(analysis.problems.first?.location.line == 4)
        #expect(analysis.runner("worker")?.env.first?.value == "polling")
    }

    @Test func garbageNeverCrashes() {
        let analysis = analyze(extractor, "fly.toml", bytes: [0xFF, 0x00, 0x5B, 0x5B, 0x0A, 0x3D, 0x22])
        #expect(!analysis.problems.isEmpty)
        #expect(analysis.runners.isEmpty)
    }
}
