/// Builds the topology: runner declarations → effective commands → processes → entries →
/// reachable code → receivers with token identities, each evaluated in its runner's env.
public struct Linker {
    let index: RepositoryIndex

    init(analyses: [FileAnalysis], paths: ListedPaths, deferredCode: DeferredCodeLoader? = nil) {
        index = RepositoryIndex(analyses, paths: paths, deferredCode: deferredCode)
    }

    public func link() -> Topology {
        let sorted = index.analyses.keys.sorted().compactMap { index.analyses[$0] }
        var decls = sorted.flatMap(\.runners)
        decls = SystemdTimers.apply(ComposeOverrides.merge(mergeFormations(decls)))
        var consumed = Set<SourceLocation>()
        var runners: [Runner] = []
        var expander = ProcessExpander(index: index)
        for decl in decls where !isFormationOnly(decl) {
            let defaults = DefaultCommand(index: index).resolve(for: decl)
            if let location = defaults?.consumedProcfileLocation { consumed.insert(location) }
            var env = EnvScope()
            if let dockerEnv = defaults?.imageEnv { env.merge(dockerEnv, source: defaults?.commandLocation?.path ?? "Dockerfile") }
            // Inline variables win over env files (compose `environment` over `env_file`).
            for file in decl.envFiles { env.merge(envAssignments(file), source: file) }
            // Name each file the inline values come from (app.json formation env lands on a Procfile runner).
            for (path, assignments) in Dictionary(grouping: decl.env, by: { $0.location?.path ?? decl.location.path })
                .sorted(by: { $0.key < $1.key }) {
                env.merge(assignments, source: path)
            }
            if decl.platform == .local || decl.platform == .cron, decl.kind == .procfileProcess {
                // honcho/foreman load `.env` next to the Procfile.
                env.mergeDefaults(envAssignments(PathUtil.join(decl.directory, ".env")), source: ".env")
            }
            let command = decl.command ?? defaults?.command
            let commandLocation = decl.command != nil ? (decl.commandLocation ?? decl.location) : defaults?.commandLocation
            var processes: [Process] = []
            if let command, let commandLocation {
                processes = expander.expand(command: command, at: commandLocation, directory: decl.directory,
                                            env: env, guardedBy: decl.singleInstanceGuard)
            }
            runners.append(Self.runner(decl, command: command, commandLocation: commandLocation, env: env,
                                       processes: processes))
        }
        runners.removeAll { $0.decl.kind == .procfileProcess && consumed.contains($0.decl.location) }
        runners.append(contentsOf: standaloneImageRunners(decls, expander: &expander))
        markImageScripts(expander: &expander)
        runners.append(contentsOf: localScriptRunners(expander: &expander))
        runners.sort { ($0.location, $0.decl.name) < ($1.location, $1.decl.name) }
        var topology = Topology(runners: runners,
                                tokenLiterals: sorted.flatMap(\.tokenLiterals),
                                problems: sorted.flatMap(\.problems),
                                notes: sorted.flatMap(\.notes))
        topology.envFiles = sorted.compactMap(\.envFile)
        return topology
    }

    private func envAssignments(_ path: String) -> [EnvAssignment] {
        guard let file = index.analyses[path]?.envFile, file.kind == .dotenv else { return [] }
        return file.assignments
    }

    /// app.json `formation` quantities attach to the Procfile process of the same name.
    private func mergeFormations(_ decls: [RunnerDecl]) -> [RunnerDecl] {
        let formations = decls.filter(isFormationOnly)
        guard !formations.isEmpty else { return decls }
        return decls.map { decl in
            // heroku.yml types may have no command of their own (their image's CMD runs).
            guard decl.kind == .procfileProcess, !isFormationOnly(decl),
                  let f = formations.first(where: { $0.name == decl.name && $0.directory == decl.directory })
            else { return decl }
            var merged = decl
            if f.instances.count != nil { merged.instances = f.instances }
            merged.env = f.env + decl.env
            return merged
        }
    }

    private func isFormationOnly(_ decl: RunnerDecl) -> Bool {
        decl.kind == .procfileProcess && decl.command == nil && decl.settings["source"] == "app.json formation"
    }

    /// A Dockerfile that no platform config here builds still runs somewhere (Railway, Koyeb or
    /// Render dashboards build a bare Dockerfile): its CMD is a runner, so conflicts inside its
    /// process (web workers, import-time polling, a webhook set next to polling) are found. Only
    /// `Dockerfile` itself counts (`Dockerfile.dev` and friends are alternates), and only where no
    /// deploy config or Procfile sits in the same folder (then that config is how it deploys).
    private func standaloneImageRunners(_ decls: [RunnerDecl], expander: inout ProcessExpander) -> [Runner] {
        let deploying = decls.filter { $0.platform.isDeployed || $0.kind == .procfileProcess }
        let configured = Set(deploying.map(\.directory))
        let named = Set(deploying.flatMap { decl in
            ["dockerfile", "dockerfilePath"].compactMap { decl.settings[$0] }.flatMap {
                [PathUtil.join(decl.directory, $0), PathUtil.normalize($0)]
            }
        })
        var result: [Runner] = []
        for path in index.analyses.keys.sorted() where path.split(separator: "/").last == "Dockerfile" {
            guard let image = index.analyses[path]?.dockerfile, let command = image.command,
                  !configured.contains(PathUtil.directory(of: path)), !named.contains(path) else { continue }
            let location = image.commandLocation ?? SourceLocation(path: path, line: 1)
            let decl = RunnerDecl(kind: .containerImage, platform: .container, name: path, command: command,
                                  commandLocation: location, instances: .unknown, lifetime: .longRunning,
                                  env: image.env, directory: PathUtil.directory(of: path), location: location)
            let env = EnvScope(image.env, source: path)
            let processes = expander.expand(command: command, at: location, directory: decl.directory, env: env, guardedBy: nil)
            result.append(Self.runner(decl, command: command, commandLocation: location, env: env, processes: processes))
        }
        return result
    }

    /// Scripts an image's ENTRYPOINT/CMD runs belong to the container, not to a person at a
    /// terminal, even when no platform config here uses that image.
    private func markImageScripts(expander: inout ProcessExpander) {
        for path in index.analyses.keys.sorted() {
            guard let image = index.analyses[path]?.dockerfile, let command = image.command else { continue }
            _ = expander.expand(command: command, at: image.commandLocation ?? SourceLocation(path: path, line: 1),
                                directory: PathUtil.directory(of: path), env: EnvScope(), guardedBy: nil)
        }
    }

    /// Scripts no runner calls but that start a bot: someone runs them by hand.
    private func localScriptRunners(expander: inout ProcessExpander) -> [Runner] {
        var result: [Runner] = []
        for path in index.analyses.keys.sorted() {
            guard let script = index.analyses[path]?.shellScript, !expander.visitedScripts.contains(path) else { continue }
            let location = SourceLocation(path: path, line: 1)
            var env = EnvScope()
            env.merge(script.exports, source: path)
            let processes = expander.expand(script: script, scriptPath: path, directory: PathUtil.directory(of: path),
                                            env: env, guardedBy: nil, depth: 0)
            guard processes.contains(where: { $0.entry != nil }) else { continue }
            let name = PathUtil.directory(of: path).isEmpty ? path : String(path.split(separator: "/").last!)
            let decl = RunnerDecl(kind: .startScript, platform: .local, name: name, command: nil,
                                  instances: .one, lifetime: .longRunning, directory: PathUtil.directory(of: path),
                                  location: location)
            result.append(Self.runner(decl, command: nil, commandLocation: nil, env: env, processes: processes))
        }
        return result
    }

    /// The finished runner, the same for every kind: platform defaults applied to its processes,
    /// one-request pollers kept only under a scheduler, tokens placed in the runner's secret store.
    static func runner(_ decl: RunnerDecl, command: String?, commandLocation: SourceLocation?, env: EnvScope,
                       processes: [Process]) -> Runner {
        var processes = processes
        let store = secretStore(decl)
        let scheduled: Bool
        if case .scheduled = decl.lifetime { scheduled = true } else { scheduled = false }
        for p in processes.indices {
            if decl.platform == .heroku { applyHerokuWebConcurrency(&processes[p], env: env) }
            // A single getUpdates request polls only when a scheduler repeats it.
            if !scheduled { processes[p].receivers.removeAll { $0.fact.singleRequest } }
            for r in processes[p].receivers.indices { processes[p].receivers[r].token.store = store }
        }
        return Runner(decl: decl, title: title(decl), command: command, commandLocation: commandLocation, env: env,
                      processes: processes)
    }

    /// Heroku's Python buildpack sets WEB_CONCURRENCY at dyno boot (2 or more, by dyno size) when
    /// the app does not, and gunicorn and uvicorn read it for their worker count.
    static func applyHerokuWebConcurrency(_ process: inout Process, env: EnvScope) {
        guard case .pythonWebServer(let server, _, let workers, _, _) = process.launch.target,
              workers.count == nil, workers.fromEnv == "WEB_CONCURRENCY", env.value(of: "WEB_CONCURRENCY") == nil,
              process.workers?.count == nil,
              server == "gunicorn" || server == "uvicorn" else { return }
        process.workers = Instances(count: 2, reason: "on Heroku, WEB_CONCURRENCY defaults to 2 or more and \(server) reads it",
                                    location: process.location)
    }

    /// Where a deployed runner's secrets live; nil for runs on a developer's machine.
    static func secretStore(_ decl: RunnerDecl) -> String? {
        switch decl.platform {
        case .fly: "fly:" + (decl.group ?? decl.location.path)
        case .railway: "railway:" + (decl.settings["environment"] ?? "production")
        case .heroku: "heroku:" + decl.directory
        // One compose project (folder) or blueprint shares its env; separate ones are separate deployments.
        case .compose: "compose:" + decl.directory
        case .render: "render:" + decl.location.path
        case .kubernetes: "kubernetes:" + (decl.settings["namespace"] ?? "default")
        case .container: "container:" + decl.location.path
        // Repository secrets are shared by every workflow of the repository.
        case .githubActions: "github:" + (decl.settings["repository"] ?? "")
        case .local, .cron, .pm2, .systemd, .supervisord, .launchd: nil
        }
    }

    static func title(_ decl: RunnerDecl) -> String {
        switch decl.kind {
        case .flyProcess:
            let app = decl.group.map { "fly app \"\($0)\"" } ?? "fly app"
            return "\(app), process group \"\(decl.name)\""
        case .flyReleaseCommand:
            return "fly release_command" + (decl.group.map { " of app \"\($0)\"" } ?? "")
        case .railwayService:
            let env = decl.settings["environment"].map { " (\($0) environment)" } ?? ""
            // A config at the repository root names no service; say which file it is.
            if decl.settings["service"] == "root" { return "the Railway service of \(decl.location.path)\(env)" }
            return "Railway service \"\(decl.group ?? decl.name)\"\(env)"
        case .procfileProcess:
            return decl.platform == .local
                ? "\(decl.location.path) process \"\(decl.name)\""
                : "\(decl.settings["procfile"] == "heroku.yml" ? "heroku.yml" : "Procfile") process \"\(decl.name)\"" + (decl.directory.isEmpty ? "" : " in \(decl.directory)/")
        case .startScript:
            return "start script \(decl.location.path)"
        case .cronEntry:
            return "cron line \(decl.location.path):\(decl.location.line)"
        case .packageScript:
            return "\"\(decl.name)\" in \(decl.location.path)"
        case .composeService:
            return "compose service \"\(decl.name)\"" + (decl.directory.isEmpty ? "" : " in \(decl.directory)/")
        case .renderService:
            let type = decl.settings["type"] ?? "web"
            let noun = ["cron": "cron job", "worker": "background worker", "pserv": "private service"][type] ?? "web service"
            return "Render \(noun) \"\(decl.name)\""
        case .kubernetesWorkload, .kubernetesCronJob:
            return "Kubernetes \(decl.settings["kind"] ?? "workload") \"\(decl.name)\""
        case .pm2App:
            return "pm2 app \"\(decl.name)\""
        case .systemdUnit:
            return "systemd unit \(decl.name)"
        case .supervisorProgram:
            return "supervisord program \"\(decl.name)\""
        case .containerImage:
            return "the image of \(decl.location.path)"
        case .launchdJob:
            return "launchd job \(decl.name)"
        case .githubActionsJob:
            return "GitHub Actions job \"\(decl.name)\" of \(decl.location.path)"
        case .makeTarget:
            // In backticks: it is the command a person types, and stays lower-case at a sentence start.
            return "`make \(decl.name)`" + (decl.directory.isEmpty ? "" : " in \(decl.directory)/")
        }
    }
}
