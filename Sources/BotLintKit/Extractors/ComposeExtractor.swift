/// docker compose files: `docker-compose.yml`, `compose.yaml` and their `docker-compose.*.yml` /
/// `compose.*.yaml` overrides (the linker merges overrides onto the base by service name, see
/// `ComposeOverrides`). Every service is a runner on a server (`docker compose up -d`).
///
/// - command: `entrypoint` + `command` when the service sets either (a `command` alone replaces the
///   image's CMD; entrypoint scripts that end in `exec "$@"` then run it, so it stands alone);
///   otherwise the image's default: `settings["dockerfile"]` for `build:`, unknown for `image:`.
/// - directory: the build context for `build:` (the image holds that folder), else the file's folder.
/// - instances: `deploy.replicas`, else `scale`, else 1; `deploy.mode: global` is unknown; a service
///   with `profiles` starts only with `--profile`, so it has 0 instances by default.
/// - env: `environment` (map or list) wins over `env_file` (string, list, or `{path}` items).
/// - deploy overlap: swarm `deploy.update_config.order: start-first`.
///
/// Settings: `compose.file`, `compose.replicas` (set when the file gives a count), `dockerfile`
/// (repository-relative), `image`, `restart`, `profiles`.
public struct ComposeExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        (file.fileExtension == "yml" || file.fileExtension == "yaml") && Self.isComposeFile(file.name)
    }

    static func isComposeFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") else { return false }
        return lower.hasPrefix("docker-compose.") || lower.hasPrefix("compose.")
    }

    /// `docker-compose.yml` and `compose.yaml` are what `docker compose` reads without `-f`.
    static func isBaseFile(_ name: String) -> Bool {
        ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"].contains(name.lowercased())
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = YAMLDocuments.single(file, format: "compose")
        analysis.problems += document.problems
        guard let services = document["services"]?.table else { return }
        for name in document.locator.ordered(services.keys, under: ["services"]) {
            guard let service = services[name], service.table != nil else { continue }
            analysis.runners.append(runner(name, service, document: document, file: file))
        }
    }

    private func runner(_ name: String, _ service: ConfigValue, document: ConfigDocument, file: SourceFile) -> RunnerDecl {
        let path = ["services", name]
        let locator = document.locator
        let location = locator.nearestKey(path)
        var settings = ["compose.file": file.name]
        var directory = file.directory
        if let build = service["build"] {
            let context = build.string ?? build["context"]?.string ?? "."
            directory = PathUtil.join(file.directory, context)
            settings["dockerfile"] = PathUtil.join(directory, build["dockerfile"]?.string ?? "Dockerfile")
        }
        if let image = service["image"]?.string { settings["image"] = image }
        if let restart = service["restart"]?.scalarText { settings["restart"] = restart }
        let entrypoint = service["entrypoint"]?.commandLine
        let command = service["command"]?.commandLine
        var commandLine: String?
        var commandLocation: SourceLocation?
        if entrypoint != nil || command != nil {
            commandLine = [entrypoint, command].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            commandLocation = locator.nearestValue(path + [entrypoint != nil ? "entrypoint" : "command"])
        }
        var (instances, replicasSet) = self.instances(service, path: path, locator: locator, location: location)
        if let profiles = service["profiles"]?.array?.compactMap(\.string), !profiles.isEmpty {
            settings["profiles"] = profiles.joined(separator: ",")
            instances = Instances(count: 0, reason: "profiles \(profiles.joined(separator: ", ")): starts only with --profile",
                                  location: locator.nearestKey(path + ["profiles"]))
            replicasSet = true
        }
        if replicasSet { settings["compose.replicas"] = instances.count.map(String.init) ?? "unknown" }
        return RunnerDecl(kind: .composeService, platform: .compose, name: name,
                          group: file.directory.split(separator: "/").last.map(String.init),
                          command: commandLine, commandLocation: commandLocation, instances: instances,
                          env: ConfigEnv.assignments(service["environment"], at: path + ["environment"], in: document),
                          envFiles: envFiles(service["env_file"], directory: file.directory),
                          directory: directory, location: location, servesHTTP: service["ports"] != nil,
                          settings: settings, deployOverlap: overlap(service, path: path, locator: locator))
    }

    private func instances(_ service: ConfigValue, path: [String], locator: KeyLocator,
                           location: SourceLocation) -> (Instances, Bool) {
        if service["deploy"]?["mode"]?.string == "global" {
            return (Instances(count: nil, reason: "deploy.mode: global runs one per swarm node",
                              location: locator.nearestKey(path + ["deploy", "mode"])), true)
        }
        if let replicas = service["deploy"]?["replicas"]?.int {
            return (Instances(count: replicas, reason: "deploy.replicas: \(replicas)",
                              location: locator.nearestKey(path + ["deploy", "replicas"])), true)
        }
        if let scale = service["scale"]?.int {
            return (Instances(count: scale, reason: "scale: \(scale)", location: locator.nearestKey(path + ["scale"])), true)
        }
        return (Instances(count: 1, reason: "compose starts 1 container per service", location: location), false)
    }

    private func envFiles(_ value: ConfigValue?, directory: String) -> [String] {
        let items = value?.string.map { [ConfigValue.string($0)] } ?? value?.array ?? []
        return items.compactMap { $0.string ?? $0["path"]?.string }.map { PathUtil.join(directory, $0) }
    }

    private func overlap(_ service: ConfigValue, path: [String], locator: KeyLocator) -> PlatformBehavior? {
        guard service["deploy"]?["update_config"]?["order"]?.string == "start-first" else { return nil }
        return PlatformBehavior(
            reason: "swarm's update_config order: start-first starts the new container before stopping the old one",
            location: locator.nearestKey(path + ["deploy", "update_config", "order"]),
            fix: "set `order: stop-first` in deploy.update_config")
    }
}
