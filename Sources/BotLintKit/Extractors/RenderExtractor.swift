/// `render.yaml` blueprints: every entry of `services` with a type that runs code (`web`,
/// `worker`, `pserv`, `cron`) is a runner on Render.
///
/// - command: `startCommand`; for Docker services (`runtime`/`env: docker`) `dockerCommand`, else
///   the CMD of `dockerfilePath` (default `Dockerfile`, under `rootDir`). The folder is `rootDir`.
/// - instances: `numInstances`, else `scaling.minInstances`, else 1.
/// - lifetime: `cron` services are scheduled (`schedule`); Render runs one run of a cron job at a time.
/// - env: `envVars` with `value`; `sync: false`, `generateValue` and `fromGroup`/`fromService`
///   values live in the dashboard (unknown).
/// - Render's zero-downtime deploy keeps the old instance up until the new one is live (BL201);
///   a `plan: free` web service sleeps after 15 minutes without inbound requests (BL202).
///
/// Settings: `type`, `plan`, `runtime`, `dockerfile` (repository-relative).
public struct RenderExtractor: Extractor {
    private static let runnable: Set<String> = ["web", "worker", "pserv", "cron"]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.name == "render.yaml" || file.name == "render.yml"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = YAMLDocuments.single(file, format: "render.yaml")
        analysis.problems += document.problems
        for (index, service) in (document["services"]?.array ?? []).enumerated() {
            guard let type = service["type"]?.string, Self.runnable.contains(type) else { continue }
            analysis.runners.append(runner(service, type: type, path: ["services", String(index)], document: document, file: file))
        }
    }

    private func runner(_ service: ConfigValue, type: String, path: [String], document: ConfigDocument,
                        file: SourceFile) -> RunnerDecl {
        let locator = document.locator
        let name = service["name"]?.string ?? type
        let location = locator.nearestKey(path + (service["name"] != nil ? ["name"] : []))
        let directory = PathUtil.join(file.directory, service["rootDir"]?.string ?? "")
        let runtime = service["runtime"]?.string ?? service["env"]?.string
        var settings = ["type": type]
        settings["plan"] = service["plan"]?.string
        settings["runtime"] = runtime
        var command: String?
        var commandKey = "startCommand"
        if runtime == "docker" || runtime == "image" {
            commandKey = "dockerCommand"
            settings["dockerfile"] = PathUtil.join(directory, service["dockerfilePath"]?.string ?? "Dockerfile")
        }
        command = service[commandKey]?.string.flatMap { $0.isEmpty ? nil : $0 }
        var lifetime = Lifetime.longRunning
        var guardBy: SingleInstanceGuard?
        if type == "cron", let schedule = service["schedule"]?.string {
            lifetime = .scheduled(schedule)
            guardBy = SingleInstanceGuard(kind: .concurrencyPolicy, location: locator.nearestKey(path + ["schedule"]))
        }
        let overlap = type == "cron" ? nil : PlatformBehavior(
            reason: "Render's zero-downtime deploy keeps the old instance running until the new one is live",
            location: location, fix: "Render has no setting for it: run the bot as a webhook `web` service instead")
        var idle: PlatformBehavior?
        if type == "web", service["plan"]?.string == "free" {
            idle = PlatformBehavior(
                reason: "a free Render web service sleeps after 15 minutes without inbound requests",
                location: locator.nearestKey(path + ["plan"]),
                fix: "use a paid plan, or a `worker` service")
        }
        return RunnerDecl(kind: .renderService, platform: .render, name: name, group: file.path,
                          command: command, commandLocation: command == nil ? nil : locator.nearestValue(path + [commandKey]),
                          instances: instances(service, path: path, locator: locator, location: location),
                          lifetime: lifetime, env: env(service["envVars"], path: path + ["envVars"], locator: locator),
                          directory: directory, location: location, servesHTTP: type == "web",
                          singleInstanceGuard: guardBy, settings: settings, deployOverlap: overlap, stopsWhenIdle: idle)
    }

    private func instances(_ service: ConfigValue, path: [String], locator: KeyLocator, location: SourceLocation) -> Instances {
        if let count = service["numInstances"]?.int {
            return Instances(count: count, reason: "numInstances: \(count)", location: locator.nearestKey(path + ["numInstances"]))
        }
        if let count = service["scaling"]?["minInstances"]?.int {
            return Instances(count: count, reason: "scaling.minInstances: \(count)",
                             location: locator.nearestKey(path + ["scaling", "minInstances"]))
        }
        return Instances(count: 1, reason: "Render runs 1 instance unless numInstances says otherwise", location: location)
    }

    private func env(_ value: ConfigValue?, path: [String], locator: KeyLocator) -> [EnvAssignment] {
        (value?.array ?? []).enumerated().compactMap { index, item in
            guard let key = item["key"]?.string else { return nil }
            return EnvAssignment(name: key, value: item["value"]?.scalarText,
                                 location: locator.nearestKey(path + [String(index), "key"]))
        }
    }
}
