/// `heroku.yml` (Heroku's container stack): every process type of `run:` and of `build.docker`
/// is a Heroku process, like a Procfile line of the same folder (one Heroku app), so app.json
/// `formation` quantities attach to it the same way.
///
/// - command: `run.<type>` as a string, or `run.<type>.command` (a list, run as one command);
///   without one, the CMD of the Dockerfile `build.docker` names for the type, or for the
///   `image:` the entry references.
/// - `release:` runs once per deploy (`command`, `image`).
/// - instances: `web` gets one dyno by default; other types as many as the dashboard says.
///
/// Settings: `procfile` = `heroku.yml`; `dockerfile` (repository-relative) when the command is
/// the image's.
public struct HerokuYMLExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool { file.name == "heroku.yml" }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = YAMLDocuments.single(file, format: "heroku.yml")
        analysis.problems += document.problems
        let dockerfiles = document["build"]?["docker"]?.table ?? [:]
        let run = document["run"]?.table ?? [:]
        let locator = document.locator
        // Types built but not listed under `run:` run their image's CMD.
        let types = locator.ordered(Set(run.keys).union(dockerfiles.keys), under: ["run"])
        for type in types {
            let entry = run[type]
            let keyPath = entry == nil ? ["build", "docker", type] : ["run", type]
            analysis.runners.append(runner(type, entry: entry, keyPath: keyPath, lifetime: .longRunning,
                                           dockerfiles: dockerfiles, document: document, file: file))
        }
        if let release = document["release"] {
            analysis.runners.append(runner("release", entry: release, keyPath: ["release"], lifetime: .oneShot,
                                           dockerfiles: dockerfiles, document: document, file: file))
        }
    }

    private func runner(_ type: String, entry: ConfigValue?, keyPath: [String], lifetime: Lifetime,
                        dockerfiles: [String: ConfigValue], document: ConfigDocument, file: SourceFile) -> RunnerDecl {
        let locator = document.locator
        let location = locator.nearestKey(keyPath)
        var command = entry?.string
        var commandPath = keyPath
        if let list = entry?["command"]?.array?.compactMap(\.string), !list.isEmpty {
            command = list.joined(separator: " ")
            commandPath = keyPath + ["command", "0"]
        } else if let text = entry?["command"]?.string {
            command = text
            commandPath = keyPath + ["command"]
        }
        var settings = ["procfile": file.name]
        let image = entry?["image"]?.string ?? type
        if command == nil, let dockerfile = dockerfiles[image]?.string {
            settings["dockerfile"] = PathUtil.join(file.directory, dockerfile)
        }
        let instances: Instances = switch (lifetime, type) {
        case (.oneShot, _): Instances(count: 1, reason: "the release phase runs once per deploy", location: location)
        case (_, "web"): Instances(count: 1, reason: "Heroku starts one web dyno by default", location: location)
        default: .unknown
        }
        return RunnerDecl(kind: .procfileProcess, platform: .heroku, name: type, command: command,
                          commandLocation: command == nil ? nil : locator.nearestValue(commandPath),
                          instances: instances, lifetime: lifetime, directory: file.directory, location: location,
                          servesHTTP: type == "web" && lifetime == .longRunning, settings: settings)
    }
}
