/// Maps a launch target to the source file it executes and the files a framework loads with it.
struct EntryResolver {
    let index: RepositoryIndex

    struct Resolved {
        var entry: Entry
        /// Where reachability starts: the entry plus framework roots (Django apps, URL confs).
        var roots: [String]
        var pythonRoots: [String]
        var copies: Instances?
        var workers: Instances?
    }

    func resolve(_ target: LaunchTarget, cwd: String, env: EnvScope, location: SourceLocation) -> Resolved? {
        switch target {
        case .shellScript(let path, _):
            // Only a script with Bot API calls of its own is an entry; its commands are processes.
            guard index.exists(path), index.code(path)?.facts.isEmpty == false else { return nil }
            return script(path, cwd: cwd)
        case .pythonScript(let path, _):
            guard let file = findFile(path, cwd: cwd, extensions: ["py"]) else { return nil }
            return script(file, cwd: cwd)
        case .pythonModule(let module, _):
            // `python -m pkg` runs pkg/__main__.py after importing pkg/__init__.py.
            let main = pythonModuleFile(module + ".__main__", cwd: cwd)
            guard let file = main ?? pythonModuleFile(module, cwd: cwd) else { return nil }
            var resolved = script(file, cwd: cwd)
            if main != nil, let package = pythonModuleFile(module, cwd: cwd) { resolved.roots.append(package) }
            return resolved
        case .nodeScript(let path, _, _):
            guard let file = nodeEntry(path, cwd: cwd) else { return nil }
            return script(file, cwd: cwd)
        case .pythonWebServer(let server, let app, let workers, _, _):
            let module = String(app.split(separator: ":").first ?? Substring(app))
            guard let file = pythonModuleFile(module, cwd: cwd) else { return nil }
            var resolved = webApp(file, server: server, cwd: cwd)
            resolved.workers = configuredWorkers(workers, cwd: cwd, env: env)
                ?? workerCount(server: server, workers, env: env, location: location)
            return resolved
        case .djangoManage(let command, let args, let managePath):
            let manageFile = PathUtil.join(cwd, managePath)
            let projectDirectory = PathUtil.directory(of: manageFile)
            if command == "runserver" {
                var resolved = Resolved(entry: Entry(path: manageFile, kind: .webApp, server: "django runserver", reachable: []),
                                        roots: [manageFile] + djangoRoots(projectDirectory),
                                        pythonRoots: [projectDirectory, cwd, ""])
                if !args.contains("--noreload") {
                    resolved.copies = Instances(count: 2, reason: "runserver's autoreloader loads Django in two processes (use --noreload)",
                                                location: location)
                }
                return resolved
            }
            guard let file = managementCommand(command, under: projectDirectory) else { return nil }
            return Resolved(entry: Entry(path: file, kind: .djangoCommand, server: "django", reachable: []),
                            roots: [file] + djangoRoots(projectDirectory),
                            pythonRoots: [projectDirectory, cwd, ""])
        case .flaskRun(let app, _):
            let name = app ?? env.value(of: "FLASK_APP")
            let module = name.map { String($0.split(separator: ":").first ?? "") }
            let file = module.flatMap { pythonModuleFile($0.replacing(".py", with: ""), cwd: cwd) }
                ?? ["app.py", "wsgi.py"].map { PathUtil.join(cwd, $0) }.first(where: index.exists)
            guard let file else { return nil }
            return webApp(file, server: "flask run", cwd: cwd)
        case .program(let launch):
            return program(launch, cwd: cwd)
        case .unknown(let name) where !name.contains("/") && !name.contains(" "):
            return builtBinary(name, cwd: cwd, depth: 0, byPath: false)
        default:
            return nil
        }
    }

    private func script(_ file: String, cwd: String) -> Resolved {
        Resolved(entry: Entry(path: file, kind: .script, server: nil, reachable: []), roots: [file],
                 pythonRoots: [PathUtil.directory(of: file), cwd, ""])
    }

    private func webApp(_ file: String, server: String, cwd: String) -> Resolved {
        var roots = [file]
        var serverName = server
        if isDjango(file) {
            let projectDirectory = PathUtil.directory(of: PathUtil.directory(of: file))
            roots += djangoRoots(projectDirectory)
            serverName = "django (\(server))"
        }
        return Resolved(entry: Entry(path: file, kind: .webApp, server: serverName, reachable: []), roots: roots,
                        pythonRoots: [cwd, PathUtil.directory(of: file), ""])
    }

    /// gunicorn's config file sets `workers` when the command line does not.
    private func configuredWorkers(_ workers: WorkerCount, cwd: String, env: EnvScope) -> Instances? {
        guard let configFile = workers.configFile else { return nil }
        let config = GunicornConfig(index: index)
        guard let path = config.file(configFile, cwd: cwd, moduleFile: { pythonModuleFile($0, cwd: cwd) }) else { return nil }
        return config.workers(in: path, env: env)
    }

    private func workerCount(server: String, _ workers: WorkerCount, env: EnvScope, location: SourceLocation) -> Instances {
        if let count = workers.count {
            return Instances(count: count, reason: "\(server) --workers \(count)", location: location)
        }
        if let variable = workers.fromEnv {
            if let value = env.value(of: variable), let count = Int(value) {
                return Instances(count: count, reason: "\(variable)=\(count)", location: env[variable]?.location ?? location)
            }
            return Instances(count: nil, reason: "\(server) takes its worker count from \(variable)", location: location)
        }
        return Instances(count: 1, reason: "\(server) default: 1 worker", location: location)
    }

    private func isDjango(_ file: String) -> Bool {
        guard let code = index.code(file) else { return false }
        return code.imports.contains { $0.module.hasPrefix("django") }
    }

    /// What Django loads in every process: each app's `AppConfig.ready` and the URL confs.
    private func djangoRoots(_ projectDirectory: String) -> [String] {
        let prefix = projectDirectory.isEmpty ? "" : projectDirectory + "/"
        // Apps with `ready()` mention AppConfig, so they are scanned eagerly; URL confs are found by name.
        return index.paths.sorted.filter { path in
            guard path.hasPrefix(prefix), path.hasSuffix(".py") else { return false }
            if path.hasSuffix("/urls.py") || path == "urls.py" { return true }
            return index.analyses[path]?.code?.functions.contains { $0.hook == .djangoReady } ?? false
        }
    }

    private func managementCommand(_ command: String, under projectDirectory: String) -> String? {
        let suffix = "management/commands/\(command).py"
        let prefix = projectDirectory.isEmpty ? "" : projectDirectory + "/"
        return index.paths.sorted.first { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }
    }

    private func pythonModuleFile(_ module: String, cwd: String) -> String? {
        index.resolvePythonModule(module, from: PathUtil.join(cwd, "__main__.py"), roots: Self.searchDirectories(cwd))
    }

    /// The working directory, then its ancestors: a crontab in `deploy/` or a script in
    /// `scripts/` usually runs code from the project folder above it.
    static func searchDirectories(_ cwd: String) -> [String] {
        var result = [cwd]
        var dir = cwd
        while !dir.isEmpty {
            dir = PathUtil.directory(of: dir)
            result.append(dir)
        }
        return result
    }

    /// A path as written in a command: relative to the working directory, or absolute inside a
    /// container (`/app/bot.py` → the `bot.py` next to the deploy config).
    private func findFile(_ path: String, cwd: String, extensions: [String]) -> String? {
        if !path.hasPrefix("/") {
            return Self.searchDirectories(cwd).lazy.map { PathUtil.join($0, path) }.first(where: index.exists)
        }
        let parts = path.split(separator: "/").map(String.init)
        for start in parts.indices {
            let suffix = parts[start...].joined(separator: "/")
            for base in [cwd, ""] {
                let candidate = PathUtil.join(base, suffix)
                if index.exists(candidate) { return candidate }
            }
        }
        return nil
    }

    private func nodeEntry(_ path: String, cwd: String) -> String? {
        if path == "." || path.isEmpty {
            let manifest = index.analyses[PathUtil.join(cwd, "package.json")]?.packageManifest
            let main = manifest?.main ?? "index.js"
            return index.resolveJavaScriptPath(PathUtil.join(cwd, main))
                ?? index.sourceForBuildOutput(PathUtil.join(cwd, main))
        }
        let candidate = path.hasPrefix("/") ? (findFile(path, cwd: cwd, extensions: []) ?? PathUtil.normalize(path))
            : PathUtil.join(cwd, path)
        return index.resolveJavaScriptPath(candidate) ?? index.sourceForBuildOutput(candidate)
    }
}
