/// gunicorn's Python config file, read through the Python scanner's module-level assignments.
/// gunicorn loads `./gunicorn.conf.py` from its working directory unless `-c` names another file
/// (`-c conf/gunicorn.py`) or module (`-c python:app.gunicorn_config`); the command line's
/// `--workers` overrides the file, and the file overrides WEB_CONCURRENCY.
struct GunicornConfig {
    let index: RepositoryIndex

    /// The config file's path in the repository, if it exists.
    func file(_ configFile: String, cwd: String, moduleFile: (String) -> String?) -> String? {
        if configFile.hasPrefix("python:") { return moduleFile(String(configFile.dropFirst("python:".count))) }
        if configFile.hasPrefix("/") {
            // A container path (`/app/gunicorn.conf.py`): the same file next to the deploy config.
            let parts = configFile.split(separator: "/").map(String.init)
            return parts.indices.lazy.map { PathUtil.join(cwd, parts[$0...].joined(separator: "/")) }.first(where: index.exists)
        }
        let path = PathUtil.join(cwd, configFile)
        return index.exists(path) ? path : nil
    }

    /// The worker count `workers = ...` sets; nil when the file does not set it.
    func workers(in path: String, env: EnvScope) -> Instances? {
        guard let code = index.code(path), let value = code.assignments["workers"] else { return nil }
        let location = SourceLocation(path: path, line: code.assignmentLines["workers"] ?? 1)
        let setting = "\(PathUtil.lastComponent(of: path)) workers"
        switch value {
        case .literal(let text):
            return Instances(count: Int(text), reason: "\(setting) = \(text)", location: location)
        case .env(let variable, let fallback):
            if let text = env.value(of: variable), let count = Int(text) {
                return Instances(count: count, reason: "\(setting) from \(variable)=\(count)",
                                 location: env[variable]?.location ?? location)
            }
            let count = fallback.flatMap { Int($0) }
            let reason = count.map { "\(setting) from \(variable), default \($0)" } ?? "\(setting) from \(variable)"
            return Instances(count: count, reason: reason, location: location)
        default:
            // `multiprocessing.cpu_count() * 2 + 1`: unknown here, but every machine these run on has 2+ cores.
            if value.displayName.contains("cpu_count") {
                return Instances(count: 2, reason: "\(setting): one per core (2+)", location: location)
            }
            return Instances(count: nil, reason: "\(setting) = \(value.displayName)", location: location)
        }
    }
}
