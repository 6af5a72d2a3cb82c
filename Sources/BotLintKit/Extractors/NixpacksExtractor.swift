/// `nixpacks.toml` and `nixpacks.json`: Nixpacks' build plan. It starts nothing on its own; its
/// `[start] cmd` is the image's start command, which Railway runs (builder `NIXPACKS`, or no
/// builder and no Dockerfile) when the service sets no `startCommand`. Nixpacks merges this file
/// over the Procfile and the language provider's guess, so it wins over both. `[variables]` are
/// set in the image.
public struct NixpacksExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.name == "nixpacks.toml" || file.name == "nixpacks.json"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = file.name.hasSuffix(".json") ? ConfigDocument.json(file) : ConfigDocument.toml(file)
        analysis.problems += document.problems
        guard document.problems.isEmpty else { return }
        let command = document["start"]?["cmd"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        let variables = document["variables"]?.table ?? [:]
        let env = document.locator.ordered(variables.keys, under: ["variables"]).map { name in
            EnvAssignment(name: name, value: variables[name]?.scalarText,
                          location: document.locator.nearestKey(["variables", name]))
        }
        guard command != nil || !env.isEmpty else { return }
        analysis.buildPlan = BuildPlan(builder: "NIXPACKS", command: command,
                                       commandLocation: command == nil ? nil : document.locator.nearestValue(["start", "cmd"]),
                                       env: env)
    }
}
