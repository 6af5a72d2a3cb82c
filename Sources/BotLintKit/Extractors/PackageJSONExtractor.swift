/// `package.json` (any folder; the file source already leaves out `node_modules`): name, main,
/// scripts with their locations and dependency names, for the linker to resolve `npm start`,
/// `node .` and library detection.
///
/// It also declares the local development scripts people run by hand next to a deployed bot
/// (`npm run dev` while production polls with the same token): scripts named `dev`, `watch`,
/// `local`, `develop` or with such a `:` part (`dev:bot`, `start:dev`), and scripts that run a
/// watcher (`nodemon`, `ts-node-dev`, `tsx watch`, `node --watch`, `bun --watch`). `start` is
/// left to the platforms that run it. Settings: `script` = the script name.
public struct PackageJSONExtractor: Extractor {
    static let devNameParts: Set<String> = ["dev", "develop", "development", "watch", "local"]
    /// Script name parts that mean the script does not run the app (`build:watch`, `test:dev`).
    static let toolingNameParts: Set<String> = ["build", "test", "tests", "lint", "format", "typecheck", "types",
                                                "css", "styles", "docs", "storybook", "e2e", "compile"]
    /// Programs whose watch mode builds or tests instead of running the app.
    static let toolingPrograms: Set<String> = ["tsc", "webpack", "vite", "rollup", "esbuild", "jest", "vitest",
                                               "eslint", "prettier", "next", "nuxt", "astro", "tailwindcss"]
    static let watchers = ["nodemon", "ts-node-dev", "tsnd", "tsx watch", "node --watch", "bun --watch", "bun run --watch"]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.name == "package.json" && !file.path.split(separator: "/").contains("node_modules")
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = ConfigDocument.json(file)
        analysis.problems += document.problems
        guard !document.root.isEmpty else { return }
        let locator = document.locator
        let scriptTable = document["scripts"]?.table ?? [:]
        var scripts: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for (name, value) in scriptTable {
            guard let command = value.string else { continue }
            scripts[name] = command
            locations[name] = locator.nearestKey(["scripts", name])
        }
        let dependencies = ["dependencies", "devDependencies"].flatMap { document[$0]?.table.map { Array($0.keys) } ?? [] }
        analysis.packageManifest = PackageManifest(name: document["name"]?.string, main: document["main"]?.string,
                                                   scripts: scripts, scriptLocations: locations,
                                                   dependencies: Set(dependencies))
        for name in locator.ordered(scripts.keys, under: ["scripts"]) where isLocalDevScript(name, scripts) {
            analysis.runners.append(RunnerDecl(
                kind: .packageScript, platform: .local, name: "npm run \(name)", command: scripts[name],
                commandLocation: locator.nearestValue(["scripts", name]),
                instances: Instances(count: 1, reason: "a developer runs it by hand", location: locations[name]),
                directory: file.directory, location: locations[name] ?? SourceLocation(path: file.path),
                settings: ["script": name]))
        }
    }

    private func isLocalDevScript(_ name: String, _ scripts: [String: String]) -> Bool {
        guard name != "start", !isLifecycleHook(name, scripts), let command = scripts[name] else { return false }
        let parts = Set(name.lowercased().split(separator: ":").map(String.init))
        let program = command.split(separator: " ").first.map { String($0).lowercased() } ?? ""
        guard parts.isDisjoint(with: Self.toolingNameParts), !Self.toolingPrograms.contains(program) else { return false }
        return !parts.isDisjoint(with: Self.devNameParts) || Self.watchers.contains(where: command.contains)
    }

    /// `predev` / `postdev` run around `dev`; they are not started on their own.
    private func isLifecycleHook(_ name: String, _ scripts: [String: String]) -> Bool {
        ["pre", "post"].contains { name.hasPrefix($0) && scripts[String(name.dropFirst($0.count))] != nil }
    }
}
