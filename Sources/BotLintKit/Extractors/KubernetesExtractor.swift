/// Kubernetes manifests (any `.yaml`/`.yml` with `apiVersion` and `kind`, several documents per
/// file): Deployments, StatefulSets, DaemonSets and CronJobs. Files with Helm template tags
/// (`{{ }}`) are not YAML until rendered and are skipped.
///
/// - One runner per container: `command` + `args` (`args` alone replaces the image's CMD);
///   without either, the image's CMD: `settings["dockerfile"] = "Dockerfile"` when the image is
///   not a well-known public one (it is then most likely built from this repository).
/// - instances: `replicas` (default 1); a HorizontalPodAutoscaler in the same file targeting the
///   workload raises it to `minReplicas`; DaemonSets run one per node (unknown).
/// - Deployments update with RollingUpdate by default, whose `maxSurge` (25%, rounded up) starts
///   a new pod before the old one stops (BL201); `Recreate` or `maxSurge: 0` do not.
/// - CronJob: `schedule`; `concurrencyPolicy: Forbid` or `Replace` is a single-instance guard.
/// - env: `env` `value`s; `valueFrom` and `envFrom` come from Secrets (unknown).
///
/// Settings: `kind`, `namespace`, `container`, `image`, `dockerfile`.
public struct KubernetesExtractor: Extractor {
    private static let workloads: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "CronJob"]
    /// Images from public registries that are never this repository's bot.
    private static let publicImages: Set<String> = [
        "redis", "postgres", "mysql", "mariadb", "mongo", "mongodb", "nginx", "rabbitmq", "memcached", "grafana",
        "prometheus", "traefik", "caddy", "minio", "elasticsearch", "kafka", "zookeeper", "busybox", "alpine", "curl",
        "python", "node", "ubuntu", "debian", "valkey", "pgbouncer", "clickhouse-server",
    ]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        guard file.fileExtension == "yaml" || file.fileExtension == "yml" else { return false }
        return !file.path.hasPrefix(".github/") && !ComposeExtractor.isComposeFile(file.name) && file.name != "render.yaml"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard file.contains("apiVersion"), file.contains("kind:"), !file.contains("{{") else { return }
        let (documents, problems) = YAMLDocuments.parse(file, format: "Kubernetes manifest")
        guard documents.contains(where: { $0["apiVersion"] != nil }) else { return }
        analysis.problems += problems
        let autoscalers = documents.filter { $0["kind"]?.string == "HorizontalPodAutoscaler" }
        for document in documents {
            guard let kind = document["kind"]?.string, Self.workloads.contains(kind),
                  let name = document["metadata"]?["name"]?.string else { continue }
            let podPath = kind == "CronJob" ? ["spec", "jobTemplate", "spec", "template", "spec"] : ["spec", "template", "spec"]
            let containers = value(document, podPath + ["containers"])?.array ?? []
            for (index, container) in containers.enumerated() where container.table != nil {
                analysis.runners.append(runner(kind: kind, name: name, container: container, index: index,
                                               containerCount: containers.count, podPath: podPath,
                                               document: document, autoscalers: autoscalers, file: file))
            }
        }
    }

    private func value(_ document: ConfigDocument, _ path: [String]) -> ConfigValue? {
        path.dropFirst().reduce(document[path[0]]) { $0?[$1] }
    }

    private func runner(kind: String, name: String, container: ConfigValue, index: Int, containerCount: Int,
                        podPath: [String], document: ConfigDocument, autoscalers: [ConfigDocument],
                        file: SourceFile) -> RunnerDecl {
        let locator = document.locator
        let containerPath = podPath + ["containers", String(index)]
        let location = locator.nearestKey(["metadata", "name"])
        var settings = ["kind": kind]
        settings["namespace"] = document["metadata"]?["namespace"]?.string
        settings["container"] = container["name"]?.string
        let image = container["image"]?.string
        settings["image"] = image
        let command = container["command"]?.commandLine
        let args = container["args"]?.commandLine
        var commandLine: String?
        var commandLocation: SourceLocation?
        if command != nil || args != nil {
            commandLine = [command, args].compactMap { $0 }.joined(separator: " ")
            commandLocation = locator.nearestValue(containerPath + [command != nil ? "command" : "args"])
        } else if let image, Self.isBuiltHere(image) {
            settings["dockerfile"] = "Dockerfile"
        }
        var lifetime = Lifetime.longRunning
        var guardBy: SingleInstanceGuard?
        if kind == "CronJob", let schedule = document["spec"]?["schedule"]?.string {
            lifetime = .scheduled(schedule)
            if let policy = document["spec"]?["concurrencyPolicy"]?.string, policy == "Forbid" || policy == "Replace" {
                guardBy = SingleInstanceGuard(kind: .concurrencyPolicy, location: locator.nearestKey(["spec", "concurrencyPolicy"]))
            }
        }
        let displayName = containerCount > 1 ? "\(name)/\(container["name"]?.string ?? String(index))" : name
        return RunnerDecl(kind: kind == "CronJob" ? .kubernetesCronJob : .kubernetesWorkload, platform: .kubernetes,
                          name: displayName, group: settings["namespace"], command: commandLine,
                          commandLocation: commandLocation,
                          instances: instances(kind: kind, name: name, document: document, autoscalers: autoscalers),
                          lifetime: lifetime,
                          env: ConfigEnv.assignments(container["env"].map(Self.envTable), at: containerPath + ["env"], in: document),
                          directory: "", location: location, servesHTTP: container["ports"] != nil,
                          singleInstanceGuard: guardBy, settings: settings,
                          deployOverlap: kind == "Deployment" ? overlap(document) : nil)
    }

    /// `[{name, value}]` → `{name: value}`; `valueFrom` entries keep the name with no value.
    static func envTable(_ value: ConfigValue) -> ConfigValue {
        var table: [String: ConfigValue] = [:]
        for item in value.array ?? [] {
            guard let name = item["name"]?.string else { continue }
            table[name] = item["value"] ?? .other
        }
        return .table(table)
    }

    static func isBuiltHere(_ image: String) -> Bool {
        let withoutTag = image.split(separator: "@").first.map(String.init) ?? image
        let repository = withoutTag.split(separator: "/").last.map { $0.split(separator: ":").first.map(String.init) ?? "" } ?? ""
        return withoutTag.contains("/") && !Self.publicImages.contains(repository.lowercased())
            && !withoutTag.hasPrefix("bitnami/")
    }

    private func instances(kind: String, name: String, document: ConfigDocument, autoscalers: [ConfigDocument]) -> Instances {
        let locator = document.locator
        if kind == "DaemonSet" {
            return Instances(count: nil, reason: "a DaemonSet runs one pod per node", location: locator.nearestKey(["kind"]))
        }
        if kind == "CronJob" {
            return Instances(count: 1, reason: "one job per scheduled run", location: locator.nearestKey(["spec", "schedule"]))
        }
        let replicas = document["spec"]?["replicas"]?.int
        var result = Instances(count: replicas ?? 1, reason: replicas.map { "replicas: \($0)" } ?? "replicas defaults to 1",
                               location: locator.nearestKey(replicas != nil ? ["spec", "replicas"] : ["metadata", "name"]))
        for hpa in autoscalers where hpa["spec"]?["scaleTargetRef"]?["name"]?.string == name {
            let minimum = hpa["spec"]?["minReplicas"]?.int ?? 1
            if minimum > (result.count ?? 1) {
                result = Instances(count: minimum, reason: "HorizontalPodAutoscaler minReplicas: \(minimum)",
                                   location: hpa.locator.nearestKey(["spec", "minReplicas"]))
            }
        }
        return result
    }

    /// RollingUpdate (the default) surges by 25% of the replicas, rounded up: at least one new pod
    /// starts before an old one stops, unless `maxSurge` is 0.
    private func overlap(_ document: ConfigDocument) -> PlatformBehavior? {
        let strategy = document["spec"]?["strategy"]
        let type = strategy?["type"]?.string ?? "RollingUpdate"
        guard type == "RollingUpdate" else { return nil }
        let surge = strategy?["rollingUpdate"]?["maxSurge"]?.scalarText ?? "25%"
        guard surge != "0", surge != "0%" else { return nil }
        let locator = document.locator
        let location = locator.key(["spec", "strategy"]) ?? locator.nearestKey(["metadata", "name"])
        return PlatformBehavior(
            reason: "the Deployment's RollingUpdate strategy (maxSurge \(surge)) starts the new pod before the old one stops",
            location: location, fix: "set `strategy: {type: Recreate}` on the Deployment")
    }
}
