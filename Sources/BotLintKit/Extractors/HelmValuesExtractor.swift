/// A Helm chart's `values.yaml` in the shape `helm create` scaffolds (`replicaCount`, `image`):
/// the chart's templates are not YAML until rendered, so the Deployment they describe is read
/// from its values instead. One runner per chart, named after the chart's folder.
///
/// - instances: `replicaCount` (default 1), or `autoscaling.minReplicas` when `autoscaling.enabled`.
/// - command: `command` + `args` when the values give them (a common chart convention), else the
///   image's CMD: `settings["dockerfile"] = "Dockerfile"` when `image.repository` is not a
///   well-known public image (then it is most likely built from this repository).
/// - env: `env` as a list of `{name, value}` or a map; `valueFrom` entries are Secrets (unknown).
/// - The scaffold's Deployment updates with RollingUpdate (BL201) unless `strategy.type` is `Recreate`.
///
/// Settings: `kind` (`Deployment (Helm chart)`), `image`, `dockerfile`.
public struct HelmValuesExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.name == "values.yaml" || file.name == "values.yml"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard file.contains("replicaCount"), file.contains("image") else { return }
        let (documents, problems) = YAMLDocuments.parse(file, format: "Helm values")
        guard let values = documents.first, values["replicaCount"] != nil || values["image"]?["repository"] != nil else { return }
        analysis.problems += problems
        let locator = values.locator
        let chart = PathUtil.directory(of: file.path).split(separator: "/").last.map(String.init) ?? "chart"
        var settings = ["kind": "Deployment (Helm chart)"]
        let repository = values["image"]?["repository"]?.string
        settings["image"] = repository
        let command = values["command"]?.commandLine
        let args = values["args"]?.commandLine
        var commandLine: String?
        var commandLocation: SourceLocation?
        if command != nil || args != nil {
            commandLine = [command, args].compactMap { $0 }.joined(separator: " ")
            commandLocation = locator.nearestValue([command != nil ? "command" : "args"])
        } else if let repository, KubernetesExtractor.isBuiltHere(repository) {
            settings["dockerfile"] = "Dockerfile"
        }
        let env = values["env"].map { $0.array != nil ? KubernetesExtractor.envTable($0) : $0 }
        let recreate = values["strategy"]?["type"]?.string == "Recreate"
        let overlap = recreate ? nil : PlatformBehavior(
            reason: "the chart's Deployment updates with RollingUpdate, which starts the new pod before the old one stops",
            location: locator.key(["replicaCount"]) ?? SourceLocation(path: file.path, line: 1),
            fix: "set the Deployment's `strategy: {type: Recreate}` in the chart (or `strategy.type: Recreate` in values)")
        analysis.runners.append(RunnerDecl(
            kind: .kubernetesWorkload, platform: .kubernetes, name: chart, command: commandLine,
            commandLocation: commandLocation, instances: instances(values, file: file), lifetime: .longRunning,
            env: ConfigEnv.assignments(env, at: ["env"], in: values), directory: "",
            location: locator.key(["replicaCount"]) ?? SourceLocation(path: file.path, line: 1),
            settings: settings, deployOverlap: overlap))
    }

    private func instances(_ values: ConfigDocument, file: SourceFile) -> Instances {
        let locator = values.locator
        if values["autoscaling"]?["enabled"]?.bool == true {
            let minimum = values["autoscaling"]?["minReplicas"]?.int ?? 1
            return Instances(count: minimum, reason: "autoscaling.minReplicas: \(minimum)",
                             location: locator.key(["autoscaling", "minReplicas"]))
        }
        let count = values["replicaCount"]?.int
        return Instances(count: count ?? 1, reason: count.map { "replicaCount: \($0)" } ?? "replicaCount defaults to 1",
                         location: locator.key(["replicaCount"]) ?? SourceLocation(path: file.path, line: 1))
    }
}
