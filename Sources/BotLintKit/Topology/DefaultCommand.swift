/// What a platform runs when its config gives no command: the image's CMD, a Procfile process,
/// `npm start`, or a conventional `main.py` (Railway's builders).
struct DefaultCommand {
    let index: RepositoryIndex

    struct Resolution {
        var command: String?
        var commandLocation: SourceLocation?
        /// `ENV` of the image, when the command comes from a Dockerfile.
        var imageEnv: [EnvAssignment]?
        /// The Procfile line that became this runner's command (not a separate runner then).
        var consumedProcfileLocation: SourceLocation?
    }

    func resolve(for decl: RunnerDecl) -> Resolution? {
        switch decl.kind {
        case .flyProcess:
            // Buildpack builds run the Procfile's processes; Dockerfile builds the image's CMD.
            if decl.settings["builder"] != nil {
                return procfile(named: decl.name == "app" ? "web" : decl.name, in: decl.directory)
            }
            guard decl.settings["image"] == nil,
                  let dockerfile = dockerfile(decl, settingKey: "dockerfile", defaultName: "Dockerfile")
            else { return nil }
            return fromDockerfile(dockerfile, decl: decl)
        case .railwayService:
            let builder = decl.settings["builder"]?.uppercased()
            if builder == "DOCKERFILE" || builder == nil,
               let dockerfile = dockerfile(decl, settingKey: "dockerfilePath", defaultName: "Dockerfile") {
                if let r = fromDockerfile(dockerfile, decl: decl), r.command != nil { return r }
            }
            // Nixpacks reads its own config before the Procfile (Railway's NIXPACKS builder).
            if builder == "NIXPACKS" || builder == nil, let plan = buildPlan("nixpacks", in: decl.directory), plan.command != nil {
                return Resolution(command: plan.command, commandLocation: plan.commandLocation, imageEnv: plan.env)
            }
            if let procfile = procfile(named: "web", in: decl.directory) ?? procfile(named: nil, in: decl.directory) {
                return procfile
            }
            if let manifest = index.analyses[PathUtil.join(decl.directory, "package.json")]?.packageManifest,
               manifest.scripts["start"] != nil || manifest.main != nil {
                return Resolution(command: "npm start",
                                  commandLocation: manifest.scriptLocations["start"] ?? SourceLocation(path: PathUtil.join(decl.directory, "package.json"), line: 1))
            }
            let mainPy = PathUtil.join(decl.directory, "main.py")
            if index.exists(mainPy) {
                return Resolution(command: "python main.py", commandLocation: SourceLocation(path: mainPy, line: 1))
            }
            return nil
        case .composeService, .renderService, .kubernetesWorkload, .kubernetesCronJob:
            // These run the image's CMD; extractors name the Dockerfile when the image is built here.
            guard let path = decl.settings["dockerfile"], let analysis = index.analyses[PathUtil.normalize(path)],
                  analysis.dockerfile != nil else { return nil }
            return fromDockerfile(analysis, decl: decl)
        case .procfileProcess where decl.settings["dockerfile"] != nil:
            // heroku.yml process types without a command run their image's CMD.
            guard let path = decl.settings["dockerfile"], let analysis = index.analyses[PathUtil.normalize(path)],
                  analysis.dockerfile != nil else { return nil }
            return fromDockerfile(analysis, decl: decl)
        default:
            return nil
        }
    }

    /// `<name>.toml` or `<name>.json` in the service's folder.
    private func buildPlan(_ name: String, in directory: String) -> BuildPlan? {
        ["toml", "json"].lazy.compactMap { index.analyses[PathUtil.join(directory, "\(name).\($0)")]?.buildPlan }.first
    }

    private func dockerfile(_ decl: RunnerDecl, settingKey: String, defaultName: String) -> FileAnalysis? {
        let name = decl.settings[settingKey] ?? defaultName
        let path = PathUtil.join(decl.directory, name)
        if let a = index.analyses[path], a.dockerfile != nil { return a }
        // Paths in railway.json are relative to the repository root.
        if let a = index.analyses[PathUtil.normalize(name)], a.dockerfile != nil { return a }
        return nil
    }

    private func fromDockerfile(_ analysis: FileAnalysis, decl: RunnerDecl) -> Resolution? {
        guard let info = analysis.dockerfile else { return nil }
        return Resolution(command: info.command, commandLocation: info.commandLocation ?? SourceLocation(path: analysis.path),
                          imageEnv: info.env)
    }

    private func procfile(named process: String?, in directory: String) -> Resolution? {
        let path = PathUtil.join(directory, "Procfile")
        guard let decls = index.analyses[path]?.runners.filter({ $0.lifetime == .longRunning && $0.command != nil }),
              let chosen = process.map({ name in decls.first { $0.name == name } }) ?? decls.first
        else { return nil }
        return Resolution(command: chosen.command, commandLocation: chosen.commandLocation ?? chosen.location,
                          consumedProcfileLocation: chosen.location)
    }
}
