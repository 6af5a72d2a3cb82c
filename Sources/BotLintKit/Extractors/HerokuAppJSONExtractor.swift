/// Heroku's `app.json` manifest (Heroku Button, review apps, Heroku CI). It starts nothing on its
/// own: its `formation` sizes the Procfile's process types, so each entry becomes a runner with
/// no command that the linker merges into the Procfile runner of the same type and folder.
///
/// Only manifests are read: many projects have an unrelated `app.json` (Expo, React Native), so
/// a file without any Heroku key, or with an `expo` key, is ignored silently.
///
/// Settings: `source` = `app.json formation` or `app.json scripts`; `size` = the dyno size.
/// `env` entries (`"KEY": "x"` or `{"value": "x"}`) go to every runner; a variable without a
/// value (`required`, `generator: secret`) has value nil.
public struct HerokuAppJSONExtractor: Extractor {
    static let manifestKeys: Set<String> = ["formation", "buildpacks", "scripts", "env", "stack", "addons"]
    /// Keys that make a broken file worth reporting; `scripts`/`env` alone are too common.
    static let distinctiveKeys = ["\"formation\"", "\"buildpacks\"", "\"addons\""]
    static let oneShotScripts = ["postdeploy", "pr-predestroy"]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool { file.name == "app.json" }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = ConfigDocument.json(file)
        if !document.problems.isEmpty {
            if Self.distinctiveKeys.contains(where: file.contains) { analysis.problems += document.problems }
            return
        }
        guard document["expo"] == nil, !Self.manifestKeys.isDisjoint(with: document.root.keys) else { return }
        let env = envAssignments(document)
        analysis.runners += formationRunners(document, env: env, file: file)
        analysis.runners += scriptRunners(document, env: env, file: file)
    }

    private func formationRunners(_ document: ConfigDocument, env: [EnvAssignment], file: SourceFile) -> [RunnerDecl] {
        guard let formation = document["formation"]?.table else { return [] }
        let locator = document.locator
        return locator.ordered(formation.keys, under: ["formation"]).map { type in
            let entry = formation[type]
            let quantity = entry?["quantity"]?.int
            let instances = quantity.map {
                Instances(count: $0, reason: "app.json formation quantity = \($0)",
                          location: locator.nearestValue(["formation", type, "quantity"]))
            } ?? .unknown
            var settings = ["source": "app.json formation"]
            if let size = entry?["size"]?.string { settings["size"] = size }
            return RunnerDecl(kind: .procfileProcess, platform: .heroku, name: type, command: nil,
                              instances: instances, env: env, directory: file.directory,
                              location: locator.nearestKey(["formation", type]), servesHTTP: type == "web",
                              settings: settings)
        }
    }

    /// `postdeploy` and `pr-predestroy` run once, as a string or `{"command": ...}`.
    private func scriptRunners(_ document: ConfigDocument, env: [EnvAssignment], file: SourceFile) -> [RunnerDecl] {
        guard let scripts = document["scripts"]?.table else { return [] }
        let locator = document.locator
        return Self.oneShotScripts.compactMap { name in
            let entry = scripts[name]
            guard let command = entry?.string ?? entry?["command"]?.string, !command.isEmpty else { return nil }
            let valuePath = entry?.string != nil ? ["scripts", name] : ["scripts", name, "command"]
            let location = locator.nearestKey(["scripts", name])
            return RunnerDecl(kind: .procfileProcess, platform: .heroku, name: name, command: command,
                              commandLocation: locator.nearestValue(valuePath),
                              instances: Instances(count: 1, reason: "app.json \(name) runs once", location: location),
                              lifetime: .oneShot, env: env, directory: file.directory, location: location,
                              settings: ["source": "app.json scripts"])
        }
    }

    private func envAssignments(_ document: ConfigDocument) -> [EnvAssignment] {
        guard let env = document["env"]?.table else { return [] }
        return document.locator.ordered(env.keys, under: ["env"]).map { name in
            let entry = env[name]
            let value = entry?.scalarText ?? entry?["value"]?.scalarText
            return EnvAssignment(name: name, value: value, location: document.locator.nearestKey(["env", name]))
        }
    }
}
