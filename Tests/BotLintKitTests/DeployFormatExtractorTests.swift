import Foundation
import Testing
@testable import BotLintKit

@Suite struct ComposeExtractorTests {
    let extractor = ComposeExtractor()

    @Test func acceptsBaseAndOverrideNames() {
        #expect(accepts(extractor, "docker-compose.yml"))
        #expect(accepts(extractor, "deploy/compose.yaml"))
        #expect(accepts(extractor, "docker-compose.prod.yml"))
        #expect(!accepts(extractor, "compose.json"))
        #expect(!accepts(extractor, "my-compose.yml"))
    }

    @Test func readsCommandsEnvReplicasAndProfiles() {
        let yaml = """
        services:
          bot:
            build:
              context: ./bot
              dockerfile: Dockerfile.prod
            env_file: [.env, {path: .env.local}]
            environment:
              - MODE=polling
              - BOT_TOKEN
              - ALIAS=${TELEGRAM_TOKEN}
              - URL=https://${HOST}/hook
            deploy:
              replicas: 3
          debug:
            image: python:3.12
            entrypoint: ["python", "-X", "dev"]
            command: bot.py
            profiles: [debug]
        """
        let analysis = analyze(extractor, "ops/docker-compose.yml", yaml)
        #expect(analysis.problems.isEmpty)
        let bot = analysis.runner("bot")
        #expect(bot?.command == nil)
        #expect(bot?.directory == "ops/bot")
        #expect(bot?.settings["dockerfile"] == "ops/bot/Dockerfile.prod")
        #expect(bot?.envFiles == ["ops/.env", "ops/.env.local"])
        #expect(bot?.env.map(\.name) == ["MODE", "BOT_TOKEN", "ALIAS", "URL"])
        #expect(bot?.env.map(\.value) == ["polling", nil, "${TELEGRAM_TOKEN}", nil])
        #expect(bot?.instances.count == 3)
        #expect(bot?.instances.location?.lineColumn == "13:7")
        let debug = analysis.runner("debug")
        #expect(debug?.command == "python -X dev bot.py")
        #expect(debug?.instances.count == 0)
    }

    @Test func aliasBombIsRefusedQuickly() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "services:\n  bot:\n    command: python bot.py\n"
        let started = Date()
        let analysis = analyze(extractor, "docker-compose.yml", yaml)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(analysis.problems.first?.message.contains("aliases") == true)
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let yaml = "services: " + String(repeating: "[", count: 10_000)
        let analysis = analyze(extractor, "docker-compose.yml", yaml)
        #expect(analysis.problems.first?.message.contains("nesting") == true)
        #expect(analysis.runners.isEmpty)
    }

    @Test func brokenYAMLIsAProblemWithAPosition() {
        let analysis = analyze(extractor, "compose.yaml", "services:\n  bot:\n    command: [python\n  x: 1\n")
        #expect(analysis.problems.count == 1)
        #expect((analysis.problems.first?.location.line ?? 0) >= 3)
    }
}

@Suite struct ProcessManagerExtractorTests {
    @Test func pm2EcosystemJavaScriptIsReadStatically() {
        let js = """
        const base = { autorestart: true };
        module.exports = {
          apps: [{
            ...base,
            name: 'bot',
            script: 'bot.py',
            args: ['--mode', 'poll'],
            instances: -1,
            env: { TOKEN_NAME: process.env.X, LEVEL: "info" },
          }, {
            name: "web", script: "server.js", exec_mode: "cluster", instances: 4,
          }],
        };
        """
        let analysis = analyze(PM2Extractor(), "ecosystem.config.js", js)
        let bot = analysis.runner("bot")
        #expect(bot?.command == "python bot.py --mode poll")
        #expect(bot?.instances.count == 2)
        #expect(bot?.instances.reason?.contains("CPU core") == true)
        #expect(bot?.env.map(\.name) == ["LEVEL", "TOKEN_NAME"])  // one line: by name
        #expect(bot?.env.first { $0.name == "TOKEN_NAME" }?.value == nil)
        #expect(bot?.location.lineColumn == "5:5")
        #expect(analysis.runner("web")?.command == "node server.js")
        #expect(analysis.runner("web")?.instances.count == 4)
    }

    @Test func pm2StartOnACommandLineCountsInstances() {
        let launch = LaunchResolver.resolveAll("pm2 start dist/bot.js -i max --name bot -- --verbose", path: "package.json")
        #expect(launch.first?.launch.target == .nodeScript(path: "dist/bot.js", args: ["--verbose"], watch: false))
        #expect(launch.first?.launch.copies?.count == 2)
        let ecosystem = LaunchResolver.resolveAll("pm2-runtime start ecosystem.config.js", path: "Dockerfile")
        #expect(ecosystem.first?.launch.target == .notALaunch)
    }

    @Test func systemdServiceAndTimer() {
        let unit = """
        [Service]
        Environment="A=1" "B=two words"
        EnvironmentFile=-/opt/bot/.env
        ExecStart=-/usr/bin/python3 \\
            /opt/bot/bot.py
        """
        let service = analyze(SystemdExtractor(), "deploy/bot.service", unit).runners.first
        #expect(service?.command == "/usr/bin/python3 /opt/bot/bot.py")
        #expect(service?.env.map(\.value) == ["1", "two words"])
        #expect(service?.envFiles == [".env", "deploy/.env"])
        #expect(service?.singleInstanceGuard?.kind == .systemd)
        let timer = analyze(SystemdExtractor(), "deploy/bot.timer", "[Timer]\nOnCalendar=hourly\n").runners.first
        #expect(timer?.settings["timer.unit"] == "bot.service")
        let linked = SystemdTimers.apply([service!, timer!])
        #expect(linked.count == 1)
        #expect(linked.first?.lifetime == .scheduled("OnCalendar=hourly"))
    }

    @Test func supervisordProgramsWithEnvironmentAndAutostart() {
        let conf = """
        [program:bot]
        command=python bot.py --token %(ENV_BOT_TOKEN)s
        numprocs=3
        environment=A="1,2",B=plain

        [program:manual]
        command=python tools.py
        autostart=false
        """
        let analysis = analyze(SupervisordExtractor(), "conf.d/bot.conf", conf)
        #expect(analysis.runner("bot")?.command == "python bot.py --token $BOT_TOKEN")
        #expect(analysis.runner("bot")?.instances.count == 3)
        #expect(analysis.runner("bot")?.env.map(\.value) == ["1,2", "plain"])
        #expect(analysis.runner("manual")?.instances.count == 0)
        #expect(!accepts(SupervisordExtractor(), "nginx/site.conf"))
    }
}

@Suite struct PlatformManifestExtractorTests {
    @Test func kubernetesAutoscalerCronJobAndHelmTemplates() {
        let yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: bot}
        spec:
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0}}
          template:
            spec:
              containers:
                - name: bot
                  image: redis:7
                  command: ["python"]
                  args: ["bot.py"]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: bot}
        spec:
          scaleTargetRef: {kind: Deployment, name: bot}
          minReplicas: 2
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: digest}
        spec:
          schedule: "*/5 * * * *"
          concurrencyPolicy: Forbid
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: digest
                      image: ghcr.io/me/bot:1
        """
        let analysis = analyze(KubernetesExtractor(), "k8s/app.yaml", yaml)
        let bot = analysis.runner("bot")
        #expect(bot?.command == "python bot.py")
        #expect(bot?.instances.count == 2)
        #expect(bot?.deployOverlap == nil)
        let digest = analysis.runner("digest")
        #expect(digest?.lifetime == .scheduled("*/5 * * * *"))
        #expect(digest?.singleInstanceGuard?.kind == .concurrencyPolicy)
        #expect(digest?.settings["dockerfile"] == "Dockerfile")
        let helm = analyze(KubernetesExtractor(), "chart/templates/deploy.yaml",
                           "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n")
        #expect(helm.runners.isEmpty && helm.problems.isEmpty)
    }

    @Test func renderServices() {
        let yaml = """
        services:
          - type: worker
            name: bot
            runtime: docker
            rootDir: bot
            numInstances: 2
            envVars:
              - key: BOT_TOKEN
                sync: false
              - key: MODE
                value: polling
          - type: redis
            name: cache
        """
        let analysis = analyze(RenderExtractor(), "render.yaml", yaml)
        #expect(analysis.runners.count == 1)
        let bot = analysis.runner("bot")
        #expect(bot?.command == nil)
        #expect(bot?.settings["dockerfile"] == "bot/Dockerfile")
        #expect(bot?.instances.count == 2)
        #expect(bot?.env.map(\.value) == [nil, "polling"])
        #expect(bot?.deployOverlap != nil && bot?.stopsWhenIdle == nil)
    }

    @Test func launchdIntervalJob() {
        let plist = """
        <?xml version="1.0" encoding="UTF-8"?>
        <plist version="1.0">
        <dict>
            <key>Label</key>
            <string>com.me.bot</string>
            <key>ProgramArguments</key>
            <array><string>/usr/bin/python3</string><string>bot.py</string></array>
            <key>StartInterval</key>
            <integer>600</integer>
            <key>EnvironmentVariables</key>
            <dict><key>MODE</key><string>poll</string></dict>
        </dict>
        </plist>
        """
        let job = analyze(LaunchdExtractor(), "launchd/com.me.bot.plist", plist).runners.first
        #expect(job?.name == "com.me.bot")
        #expect(job?.command == "/usr/bin/python3 bot.py")
        #expect(job?.lifetime == .scheduled("StartInterval 600s"))
        #expect(job?.env.first?.value == "poll")
        #expect(job?.location.line == 4)
    }
}

@Suite struct HelmValuesExtractorTests {
    func extract(_ text: String, path: String = "charts/bot/values.yaml") -> FileAnalysis {
        var analysis = FileAnalysis(path: path)
        HelmValuesExtractor().extract(SourceFile(path: path, bytes: Array(text.utf8)), into: &analysis)
        return analysis
    }

    @Test func readsReplicasImageEnvAndStrategy() {
        let analysis = extract("""
        replicaCount: 3
        image:
          repository: ghcr.io/acme/bot
        env:
          - name: MODE
            value: polling
        """)
        let runner = analysis.runners.first
        #expect(runner?.name == "bot")
        #expect(runner?.instances.count == 3)
        #expect(runner?.instances.location?.line == 1)
        #expect(runner?.settings["dockerfile"] == "Dockerfile")
        #expect(runner?.env.first { $0.name == "MODE" }?.value == "polling")
        #expect(runner?.deployOverlap != nil)
    }

    @Test func autoscalingCommandsAndRecreate() {
        let analysis = extract("""
        replicaCount: 1
        image:
          repository: redis
        command: ["python", "bot.py"]
        autoscaling:
          enabled: true
          minReplicas: 2
        strategy:
          type: Recreate
        """)
        let runner = analysis.runners.first
        #expect(runner?.instances.count == 2)
        #expect(runner?.command == "python bot.py")
        #expect(runner?.settings["dockerfile"] == nil)
        #expect(runner?.deployOverlap == nil)
    }

    @Test func ordinaryValuesFilesAreNotCharts() {
        #expect(extract("image: picture.png\ncolor: blue\n", path: "assets/values.yaml").runners.isEmpty)
        #expect(extract("replicaCount: [\n", path: "x/values.yaml").runners.isEmpty)
    }
}
