/// `fly.toml` and `fly.<name>.toml` (one per environment or app): every process group becomes a
/// runner of the Fly app, plus the `[deploy] release_command`.
///
/// Settings on every runner:
/// - `config`: the file name (`fly.staging.toml`): a different file is usually a different app.
/// - `dockerfile`: `[build] dockerfile`, or `Dockerfile` when neither `image` nor a builder is set;
///   the image's CMD/ENTRYPOINT is the command of a group that has none.
/// - `image`: `[build] image`. `builder`: `[build] builder`, else `[build] buildpacks` joined.
/// - `deploy.strategy`: `[deploy] strategy`, `rolling` when absent (flyctl's default).
/// - `deploy.max_unavailable`: `[deploy] max_unavailable`, when set.
/// Settings on groups with a service (`FlyServices.settingKeys`): `auto_stop_machines`,
/// `auto_start_machines`, `min_machines_running`, `internal_port`, as written.
public struct FlyTomlExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.name == "fly.toml" || (PathUtil.hasPrefix(file.name, "fly.") && PathUtil.hasSuffix(file.name, ".toml")
            && file.name.utf8.count > "fly..toml".utf8.count)
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = ConfigDocument.toml(file)
        analysis.problems += document.problems
        guard !document.root.isEmpty else { return }
        let groups = FlyProcessGroup.all(in: document)
        let services = FlyServices(document, groups: groups.map(\.name))
        let env = envAssignments(document)
        let settings = sharedSettings(document, file: file)
        let app = document["app"]?.string
        let overlap = deployOverlap(document)
        for group in groups {
            var runner = runner(for: group, app: app, services: services, env: env, settings: settings, file: file)
            runner.deployOverlap = overlap
            runner.stopsWhenIdle = services.service(for: group.name).flatMap(stopsWhenIdle)
            analysis.runners.append(runner)
        }
        if let release = releaseRunner(document, app: app, env: env, settings: settings, file: file) {
            analysis.runners.append(release)
        }
    }

    private func runner(for group: FlyProcessGroup, app: String?, services: FlyServices, env: [EnvAssignment],
                        settings: [String: String], file: SourceFile) -> RunnerDecl {
        let service = services.service(for: group.name)
        let mounted = services.mountedGroups.contains(group.name)
        return RunnerDecl(kind: .flyProcess, platform: .fly, name: group.name, group: app,
                          command: group.command, commandLocation: group.commandLocation,
                          instances: instances(service: service, mounted: mounted, group: group),
                          env: env, directory: file.directory, location: group.location,
                          servesHTTP: service != nil,
                          settings: settings.merging(service?.settings ?? [:]) { shared, _ in shared })
    }

    /// Machines `fly deploy` starts for a new group (flyctl's high-availability default).
    private func instances(service: FlyServices.Service?, mounted: Bool, group: FlyProcessGroup) -> Instances {
        guard let service else {
            // The standby machine flyctl adds stays stopped unless the host fails.
            return Instances(count: 1, reason: "process group without services: 1 machine", location: group.location)
        }
        if let minimum = service.minMachinesRunning, minimum > 2 {
            return Instances(count: minimum, reason: "min_machines_running = \(minimum)", location: service.location)
        }
        if mounted {
            return Instances(count: 1, reason: "fly deploy starts 1 machine for a process group with a volume",
                             location: service.location)
        }
        return Instances(count: 2, reason: "fly deploy starts 2 machines for a process group with services (high availability)",
                         location: service.location)
    }

    /// `canary` boots one new machine beside the old ones, `bluegreen` a full new set; `rolling`
    /// and `immediate` stop a machine before its replacement starts.
    private func deployOverlap(_ document: ConfigDocument) -> PlatformBehavior? {
        guard let strategy = document["deploy"]?["strategy"]?.string, strategy == "canary" || strategy == "bluegreen" else {
            return nil
        }
        return PlatformBehavior(
            reason: "fly deploy strategy \"\(strategy)\" starts new machines while the old ones still run",
            location: document.locator.nearestValue(["deploy", "strategy"]),
            fix: "use `strategy = \"immediate\"` (or \"rolling\")")
    }

    /// Fly's proxy stops machines that get no requests; a poller makes none it can see, and only
    /// an inbound request starts it again. `min_machines_running` above 0 keeps some running.
    private func stopsWhenIdle(_ service: FlyServices.Service) -> PlatformBehavior? {
        guard let mode = service.settings["auto_stop_machines"], ["true", "stop", "suspend"].contains(mode),
              (service.minMachinesRunning ?? 0) == 0 else { return nil }
        return PlatformBehavior(
            reason: "auto_stop_machines = \(mode == "true" ? "true" : "\"\(mode)\"") stops the machines while no HTTP request arrives, and min_machines_running is 0",
            location: service.autoStopLocation ?? service.location,
            fix: "set `auto_stop_machines = \"off\"` (or `min_machines_running = 1`) for this process group, or move the poller to a group without services")
    }

    private func releaseRunner(_ document: ConfigDocument, app: String?, env: [EnvAssignment],
                               settings: [String: String], file: SourceFile) -> RunnerDecl? {
        guard let command = document["deploy"]?["release_command"]?.commandLine, !command.isEmpty else { return nil }
        let path = ["deploy", "release_command"]
        let location = document.locator.nearestKey(path)
        return RunnerDecl(kind: .flyReleaseCommand, platform: .fly, name: "release_command", group: app,
                          command: command, commandLocation: document.locator.nearestValue(path),
                          instances: Instances(count: 1, reason: "fly runs the release command once per deploy",
                                               location: location),
                          lifetime: .oneShot, env: env, directory: file.directory, location: location,
                          settings: settings)
    }

    private func envAssignments(_ document: ConfigDocument) -> [EnvAssignment] {
        guard let table = document["env"]?.table else { return [] }
        return document.locator.ordered(table.keys, under: ["env"]).map { name in
            EnvAssignment(name: name, value: table[name]?.scalarText,
                          location: document.locator.nearestKey(["env", name]))
        }
    }

    private func sharedSettings(_ document: ConfigDocument, file: SourceFile) -> [String: String] {
        var settings = ["config": file.name]
        let build = document["build"]
        let builder = build?["builder"]?.string
            ?? build?["buildpacks"]?.array.map { $0.compactMap(\.string).joined(separator: " ") }
        if let image = build?["image"]?.string { settings["image"] = image }
        if let builder, !builder.isEmpty { settings["builder"] = builder }
        if settings["image"] == nil, settings["builder"] == nil {
            settings["dockerfile"] = build?["dockerfile"]?.string ?? "Dockerfile"
        }
        let deploy = document["deploy"]
        settings["deploy.strategy"] = deploy?["strategy"]?.string ?? "rolling"
        if let maxUnavailable = deploy?["max_unavailable"]?.scalarText {
            settings["deploy.max_unavailable"] = maxUnavailable
        }
        return settings
    }
}
