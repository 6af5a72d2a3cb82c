/// `railway.toml` and `railway.json` (config as code), in any folder: in a monorepo each service
/// folder has its own. The service is named after the folder (`services/bot/railway.toml` →
/// `bot`); the repository root gives a runner named `railway` (its real name lives in the
/// dashboard).
///
/// `[environments.<name>]` overrides: Railway runs every environment (production, staging, PR
/// environments) as its own deployment at the same time. The base runner stands for every
/// environment without an override; each environment whose override changes the settings gets
/// one more runner, marked with `settings["environment"]`, so a conflict can name it.
///
/// Settings: `config` (file name), `service` (folder name, `root` for the root), `environment`,
/// and as written: `builder`, `dockerfilePath`, `buildCommand`, `cronSchedule`, `overlapSeconds`,
/// `drainingSeconds`, `restartPolicyType`, `restartPolicyMaxRetries`, `healthcheckPath`,
/// `sleepApplication`. `servesHTTP` is set only when a `healthcheckPath` proves an HTTP server.
public struct RailwayExtractor: Extractor {
    static let copiedSettings = [
        "build.builder", "build.dockerfilePath", "build.buildCommand", "deploy.cronSchedule",
        "deploy.overlapSeconds", "deploy.drainingSeconds", "deploy.restartPolicyType",
        "deploy.restartPolicyMaxRetries", "deploy.healthcheckPath", "deploy.sleepApplication",
    ]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.name == "railway.toml" || file.name == "railway.json"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = file.name.hasSuffix(".json") ? ConfigDocument.json(file) : ConfigDocument.toml(file)
        analysis.problems += document.problems
        guard !document.root.isEmpty else { return }
        let base = RailwayServiceConfig(document)
        analysis.runners += runners(for: base, environment: nil, document: document, file: file)
        for environment in (document["environments"]?.table?.keys).map({ $0.sorted() }) ?? [] {
            let config = base.overridden(by: environment, in: document)
            guard !config.hasSameValues(as: base) else { continue }
            analysis.runners += runners(for: config, environment: environment, document: document, file: file)
        }
    }

    private func runners(for config: RailwayServiceConfig, environment: String?, document: ConfigDocument,
                         file: SourceFile) -> [RunnerDecl] {
        let locator = document.locator
        let service = file.directory.split(separator: "/").last.map(String.init)
        let location = environment.map { locator.nearestKey(["environments", $0]) }
            ?? locator.key(["deploy"]) ?? SourceLocation(path: file.path, line: 1)
        var settings = self.settings(config, file: file, service: service)
        if let environment { settings["environment"] = environment }
        let command = config["deploy.startCommand"]?.commandLine.flatMap { $0.isEmpty ? nil : $0 }
        var main = RunnerDecl(
            kind: .railwayService, platform: .railway, name: service ?? "railway", group: service,
            command: command, commandLocation: command == nil ? nil : config.path("deploy.startCommand").map(locator.nearestValue),
            instances: instances(config, locator: locator, location: location),
            lifetime: config["deploy.cronSchedule"]?.string.map(Lifetime.scheduled) ?? .longRunning,
            directory: file.directory, location: location,
            servesHTTP: config["deploy.healthcheckPath"]?.string != nil, settings: settings)
        main.deployOverlap = overlap(config, locator: locator)
        guard let preDeploy = preDeployRunner(config, from: main, locator: locator) else { return [main] }
        return [main, preDeploy]
    }

    /// `multiRegionConfig` replicas summed over regions, else `numReplicas`, else Railway's 1.
    private func instances(_ config: RailwayServiceConfig, locator: KeyLocator, location: SourceLocation) -> Instances {
        if let regions = config["deploy.multiRegionConfig"]?.table, let path = config.path("deploy.multiRegionConfig") {
            let counts = regions.values.compactMap { $0["numReplicas"]?.int }
            if !counts.isEmpty {
                let total = counts.reduce(0, +)
                return Instances(count: total, reason: "multiRegionConfig: \(total) replicas in \(regions.count) regions",
                                 location: locator.nearestKey(path))
            }
        }
        if let replicas = config["deploy.numReplicas"]?.int, let path = config.path("deploy.numReplicas") {
            return Instances(count: replicas, reason: "numReplicas = \(replicas)", location: locator.nearestKey(path))
        }
        return Instances(count: 1, reason: "Railway runs 1 replica unless numReplicas says otherwise", location: location)
    }

    /// `overlapSeconds` keeps the previous deployment running beside the new one. (`drainingSeconds`
    /// only delays SIGKILL after SIGTERM, and the polling libraries stop on SIGTERM.)
    private func overlap(_ config: RailwayServiceConfig, locator: KeyLocator) -> PlatformBehavior? {
        guard let seconds = config["deploy.overlapSeconds"]?.int, seconds > 0,
              let path = config.path("deploy.overlapSeconds") else { return nil }
        return PlatformBehavior(
            reason: "Railway's overlapSeconds = \(seconds) keeps the previous deployment running for \(seconds) s beside the new one",
            location: locator.nearestKey(path), fix: "set `overlapSeconds = 0`")
    }

    /// `preDeployCommand` (a string or a list run in order) runs once before each deployment.
    private func preDeployRunner(_ config: RailwayServiceConfig, from main: RunnerDecl, locator: KeyLocator) -> RunnerDecl? {
        guard let value = config["deploy.preDeployCommand"], let path = config.path("deploy.preDeployCommand") else {
            return nil
        }
        let commands = value.string.map { [$0] } ?? value.array?.compactMap(\.string) ?? []
        let command = commands.filter { !$0.isEmpty }.joined(separator: " && ")
        guard !command.isEmpty else { return nil }
        var runner = main
        runner.name = "preDeployCommand"
        runner.command = command
        runner.commandLocation = locator.nearestValue(path)
        runner.location = locator.nearestKey(path)
        runner.instances = Instances(count: 1, reason: "runs once before each deployment", location: runner.location)
        runner.lifetime = .oneShot
        runner.servesHTTP = false
        return runner
    }

    private func settings(_ config: RailwayServiceConfig, file: SourceFile, service: String?) -> [String: String] {
        var settings = ["config": file.name, "service": service ?? "root"]
        for key in Self.copiedSettings {
            guard let text = config[key]?.scalarText else { continue }
            settings[String(key.split(separator: ".", maxSplits: 1)[1])] = text
        }
        return settings
    }
}
