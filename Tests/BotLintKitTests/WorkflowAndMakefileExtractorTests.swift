import Testing
@testable import BotLintKit

@Suite struct GitHubActionsExtractorTests {
    let extractor = GitHubActionsExtractor()

    @Test func acceptsWorkflowFilesOnly() {
        #expect(accepts(extractor, ".github/workflows/bot.yml"))
        #expect(accepts(extractor, "services/api/.github/workflows/ci.yaml"))
        #expect(!accepts(extractor, ".github/dependabot.yml"))
        #expect(!accepts(extractor, "workflows/bot.yml"))
    }

    @Test func readsScheduleTimeoutEnvAndStepLines() {
        let yaml = """
        on:
          schedule:
            - cron: "0 */6 * * *"
            - cron: "30 1 * * 1"
          push:
        env:
          MODE: polling
        jobs:
          bot:
            runs-on: ubuntu-latest
            timeout-minutes: 300
            defaults:
              run:
                working-directory: bot
            steps:
              - uses: actions/checkout@v4
              - run: pip install -r requirements.txt
              - env:
                  BOT_TOKEN: ${{ secrets.BOT_TOKEN }}
                run: |
                  echo start
                  python main.py
          lint:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
        """
        let analysis = analyze(extractor, ".github/workflows/bot.yml", yaml)
        #expect(analysis.problems.isEmpty)
        #expect(analysis.runners.map(\.name) == ["bot"])
        let bot = analysis.runner("bot")
        #expect(bot?.platform == .githubActions)
        #expect(bot?.lifetime == .scheduled("0 */6 * * *"))
        #expect(bot?.settings["scheduleIntervalMinutes"] == "360")
        #expect(bot?.settings["triggers"] == "schedule,push")
        #expect(bot?.settings["repository"] == "")
        #expect(bot?.directory == "bot")
        // 300 minutes end the job before the next run, 360 minutes later.
        #expect(bot?.singleInstanceGuard?.kind == .concurrencyPolicy)
        #expect(bot?.singleInstanceGuard?.location.line == 11)
        #expect(bot?.env.map(\.name) == ["MODE", "BOT_TOKEN"])
        #expect(bot?.env.map(\.value) == ["polling", nil])
        let lines = bot?.command?.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingPrefix(while: { $0 == " " })
        }
        #expect(bot?.commandLocation?.line == 17)
        #expect(lines?.first == "run: pip install -r requirements.txt".dropFirst(5))
        #expect(lines?.last == "python main.py")
        #expect(lines?.count == 6)
    }

    @Test func pushJobsRunOnceAndMatricesMultiply() {
        let yaml = """
        on: [push, workflow_dispatch]
        jobs:
          smoke:
            strategy:
              matrix:
                python: ["3.11", "3.12"]
                os: [ubuntu-latest, macos-latest]
            runs-on: ${{ matrix.os }}
            steps:
              - run: python bot.py
        """
        let smoke = analyze(extractor, ".github/workflows/smoke.yml", yaml).runner("smoke")
        #expect(smoke?.lifetime == .oneShot)
        #expect(smoke?.instances.count == 4)
        #expect(smoke?.singleInstanceGuard == nil)
        #expect(smoke?.settings["timeoutMinutes"] == "360")
    }

    @Test func concurrencyGroupGuardsEveryJob() {
        let yaml = """
        on:
          schedule:
            - cron: "*/5 * * * *"
        concurrency: bot
        jobs:
          poll:
            steps:
              - run: node index.js
        """
        let poll = analyze(extractor, ".github/workflows/poll.yml", yaml).runner("poll")
        #expect(poll?.settings["scheduleIntervalMinutes"] == "5")
        #expect(poll?.singleInstanceGuard?.location.line == 4)
    }

    @Test func brokenWorkflowIsAProblemNotACrash() {
        let analysis = analyze(extractor, ".github/workflows/x.yml", "jobs:\n  a: [\n")
        #expect(analysis.runners.isEmpty)
        #expect(analysis.problems.count == 1)
    }

    @Test(arguments: [
        ("*/5 * * * *", 5), ("0 */5 * * *", 240), ("0 0,12 * * *", 720), ("15 3 * * 1", 1440),
        ("0 9-17/4 * * 1-5", 240), ("@hourly", 60), ("61 * * * *", -1),
    ])
    func cronIntervals(expression: String, minutes: Int) {
        #expect(CronInterval.shortestMinutes(expression) == (minutes < 0 ? nil : minutes))
    }
}

@Suite struct MakefileExtractorTests {
    let extractor = MakefileExtractor()

    @Test func expandsVariablesAndDropsRecipePrefixes() {
        let makefile = """
        PYTHON ?= .venv/bin/python
        APP := bot
        ARGS = --log-level $(LEVEL)
        export MODE = polling

        .PHONY: run dev

        run: install
        \t@echo "starting"
        \t-@$(PYTHON) -m $(APP).main $(ARGS) \\
        \t    --verbose

        dev:
        \twatchfiles "$(PYTHON) -m $(APP).main" $$HOME

        %.o: %.c
        \tcc -c $<
        """
        let analysis = analyze(extractor, "Makefile", makefile)
        #expect(analysis.runners.map(\.name) == ["run", "dev"])
        let run = analysis.runner("run")
        #expect(run?.platform == .local)
        #expect(run?.kind == .makeTarget)
        #expect(run?.location.line == 8)
        #expect(run?.commandLocation?.line == 9)
        #expect(run?.command == "echo \"starting\"\n.venv/bin/python -m bot.main --log-level ${LEVEL}  --verbose")
        #expect(run?.env.map(\.name) == ["MODE"])
        #expect(run?.env.first?.value == "polling")
        #expect(analysis.runner("dev")?.command == "watchfiles \".venv/bin/python -m bot.main\" $HOME")
    }

    @Test func includedEnvFileIsLoadedWhenExported() {
        let makefile = "include .env\nexport\n\nstart:\n\tnode index.js\n"
        #expect(analyze(extractor, "bot/Makefile", makefile).runner("start")?.envFiles == ["bot/.env"])
        let unexported = "-include .env\n\nstart:\n\tnode index.js\n"
        #expect(analyze(extractor, "Makefile", unexported).runner("start")?.envFiles == [])
    }

    @Test func assignmentsAreNotTargets() {
        #expect(MakefileExtractor.target("CC := gcc") == nil)
        #expect(MakefileExtractor.target("X ::= 1") == nil)
        #expect(MakefileExtractor.target("run start: deps") == "run")
        #expect(MakefileExtractor.target(".PHONY: run") == nil)
    }
}

@Suite struct NixpacksExtractorTests {
    let extractor = NixpacksExtractor()

    @Test func readsStartCommandAndVariables() {
        let toml = """
        [phases.setup]
        nixPkgs = ["python312"]

        [start]
        cmd = "python -m bot"

        [variables]
        MODE = "polling"
        """
        let plan = analyze(extractor, "svc/nixpacks.toml", toml).buildPlan
        #expect(plan?.builder == "NIXPACKS")
        #expect(plan?.command == "python -m bot")
        #expect(plan?.commandLocation?.lineColumn == "5:7")
        #expect(plan?.env.map(\.name) == ["MODE"])
        #expect(plan?.env.first?.value == "polling")
    }

    @Test func jsonWithoutStartIsNothing() {
        #expect(analyze(extractor, "nixpacks.json", #"{"phases": {"setup": {"nixPkgs": ["nodejs"]}}}"#).isEmpty)
        #expect(analyze(extractor, "nixpacks.toml", "[start\ncmd = 1").problems.count == 1)
    }
}

@Suite struct HerokuYMLExtractorTests {
    @Test func readsRunBuildTypesAndRelease() {
        let yaml = """
        build:
          docker:
            web: Dockerfile
            worker: worker/Dockerfile
        release:
          image: web
          command:
            - ./migrate.sh
        run:
          web: bundle exec puma -C config/puma.rb
          bot:
            command:
              - python bot.py
            image: worker
        """
        let analysis = analyze(HerokuYMLExtractor(), "heroku.yml", yaml)
        #expect(analysis.problems.isEmpty)
        #expect(analysis.runners.map(\.name) == ["web", "bot", "worker", "release"])
        #expect(analysis.runner("web")?.command == "bundle exec puma -C config/puma.rb")
        #expect(analysis.runner("web")?.instances.count == 1)
        #expect(analysis.runner("bot")?.command == "python bot.py")
        #expect(analysis.runner("bot")?.instances.count == nil)
        #expect(analysis.runner("worker")?.command == nil)
        #expect(analysis.runner("worker")?.settings["dockerfile"] == "worker/Dockerfile")
        #expect(analysis.runner("release")?.lifetime == .oneShot)
        #expect(analysis.runner("release")?.command == "./migrate.sh")
        #expect(analysis.runners.allSatisfy { $0.platform == .heroku && $0.settings["procfile"] == "heroku.yml" })
    }
}
