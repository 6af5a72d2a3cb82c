/// Turns a command line into the processes it starts, following shell scripts, `bash -c`,
/// package.json scripts and Procfile managers, and resolves each process's entry and receivers.
struct ProcessExpander {
    let index: RepositoryIndex
    /// Scripts some runner calls: these are not separate local runners.
    private(set) var visitedScripts = Set<String>()
    static let maxDepth = 8

    init(index: RepositoryIndex) { self.index = index }

    mutating func expand(command: String, at location: SourceLocation, directory: String,
                         env: EnvScope, guardedBy: SingleInstanceGuard?) -> [Process] {
        let script = ShellParser.parse(command, path: location.path, firstLine: max(location.line, 1),
                                       firstColumn: max(location.column, 1))
        return expand(script: script, scriptPath: nil, directory: directory, env: env, guardedBy: guardedBy, depth: 0)
    }

    mutating func expand(script: ShellScript, scriptPath: String?, directory: String, env: EnvScope,
                         guardedBy: SingleInstanceGuard?, depth: Int) -> [Process] {
        guard depth < Self.maxDepth else { return [] }
        var scope = env
        let scriptDirectory = scriptPath.map(PathUtil.directory(of:)) ?? directory
        for file in script.sourcedFiles {
            for base in [directory, scriptDirectory] {
                let path = PathUtil.join(base, file)
                if let envFile = index.analyses[path]?.envFile {
                    scope.merge(envFile.assignments, source: path)
                    break
                }
            }
        }
        scope.merge(script.exports, source: scriptPath ?? "command line")
        var processes: [Process] = []
        // The script's own Bot API calls (`curl .../setWebhook`) happen wherever the script runs:
        // a release command or a set-up script is then a webhook setter like any other.
        if let scriptPath, let firstFact = index.code(scriptPath)?.facts.first {
            let itself = ShellCommand(argv: ["sh", scriptPath], location: firstFact.location)
            processes.append(makeProcess(itself, ResolvedLaunch(target: .shellScript(path: scriptPath, args: [])),
                                         cwd: directory, env: scope, guardedBy: guardedBy))
        }
        for command in script.commands {
            let launch = LaunchResolver.resolve(command)
            // `cd /srv/bot` names a folder on a server, not in the repository: stay where the
            // declaring file is and let entry resolution search from there.
            let cwd = command.directory.hasPrefix("/") ? directory : PathUtil.join(directory, command.directory)
            var processEnv = scope
            processEnv.merge(command.envPrefix, source: command.location.path)
            processEnv.merge(launch.env, source: command.location.path)
            for file in launch.envFiles {
                if let envFile = index.analyses[PathUtil.join(cwd, file)]?.envFile {
                    processEnv.merge(envFile.assignments, source: envFile.path)
                }
            }
            let guardUsed = command.singleInstanceGuard ?? launch.singleInstanceGuard ?? guardedBy
            var children: [Process]
            switch launch.target {
            case .shellScript(let path, _):
                let candidates = [PathUtil.join(cwd, path), PathUtil.join(scriptDirectory, path), PathUtil.normalize(path)]
                if let found = candidates.first(where: { index.analyses[$0]?.shellScript != nil }),
                   let inner = index.analyses[found]?.shellScript {
                    visitedScripts.insert(found)
                    children = expand(script: inner, scriptPath: found, directory: cwd, env: processEnv,
                                      guardedBy: guardUsed, depth: depth + 1)
                } else {
                    children = [makeProcess(command, launch, cwd: cwd, env: processEnv, guardedBy: guardUsed)]
                }
            case .inlineShell(let text):
                let inner = ShellParser.parse(text, path: command.location.path, firstLine: max(command.location.line, 1),
                                              firstColumn: max(command.location.column, 1))
                children = expand(script: inner, scriptPath: scriptPath, directory: cwd, env: processEnv,
                                  guardedBy: guardUsed, depth: depth + 1)
            case .packageScript(let name):
                children = expandPackageScript(name, cwd: cwd, env: processEnv, guardedBy: guardUsed, depth: depth)
            case .procfileManager(let only):
                children = expandProcfile(only, cwd: cwd, env: processEnv, guardedBy: guardUsed, depth: depth)
            case .notALaunch:
                children = []
            default:
                children = [makeProcess(command, launch, cwd: cwd, env: processEnv, guardedBy: guardUsed)]
            }
            for var child in children {
                if command.background { child.background = true }
                if case .repeated(let count)? = command.loop {
                    child.copies = Instances(count: count.map { $0 * (child.copies.count ?? 1) },
                                             reason: count.map { "started \($0) times by a loop" } ?? "started repeatedly by a loop",
                                             location: command.location)
                }
                processes.append(child)
            }
        }
        return processes
    }

    private mutating func expandPackageScript(_ name: String, cwd: String, env: EnvScope,
                                              guardedBy: SingleInstanceGuard?, depth: Int) -> [Process] {
        guard let analysis = index.nearest("package.json", from: cwd, where: { $0.packageManifest != nil }),
              let manifest = analysis.packageManifest else { return [] }
        let manifestDirectory = PathUtil.directory(of: analysis.path)
        var command = manifest.scripts[name]
        if command == nil, name == "start" {
            // npm's default start script.
            command = index.exists(PathUtil.join(manifestDirectory, "server.js")) ? "node server.js"
                : manifest.main.map { "node \($0)" }
        }
        guard let command else { return [] }
        let location = manifest.scriptLocations[name] ?? SourceLocation(path: analysis.path, line: 1)
        let script = ShellParser.parse(command, path: location.path, firstLine: max(location.line, 1),
                                       firstColumn: max(location.column, 1))
        return expand(script: script, scriptPath: nil, directory: manifestDirectory, env: env,
                      guardedBy: guardedBy, depth: depth + 1)
    }

    private mutating func expandProcfile(_ only: String?, cwd: String, env: EnvScope,
                                         guardedBy: SingleInstanceGuard?, depth: Int) -> [Process] {
        guard let procfile = index.nearest("Procfile", from: cwd) else { return [] }
        var result: [Process] = []
        for decl in procfile.runners where decl.lifetime == .longRunning && (only == nil || decl.name == only) {
            guard let command = decl.command else { continue }
            let location = decl.commandLocation ?? decl.location
            let script = ShellParser.parse(command, path: location.path, firstLine: max(location.line, 1),
                                           firstColumn: max(location.column, 1))
            result += expand(script: script, scriptPath: nil, directory: decl.directory, env: env,
                             guardedBy: guardedBy, depth: depth + 1)
        }
        return result
    }

    // MARK: One process

    private func makeProcess(_ command: ShellCommand, _ launch: ResolvedLaunch, cwd: String, env: EnvScope,
                             guardedBy: SingleInstanceGuard?) -> Process {
        var process = Process(launch: launch, commandText: command.argv.joined(separator: " "),
                              location: command.location, entry: nil, copies: .one, workers: nil,
                              background: command.background, singleInstanceGuard: guardedBy, env: env,
                              argv: command.argv, receivers: [])
        let resolver = EntryResolver(index: index)
        guard var resolved = resolver.resolve(launch.target, cwd: cwd, env: env, location: command.location) else {
            return process
        }
        // Code that loads dotenv gets the env file's values for names the platform did not set.
        var importer = ImportResolver(index: index, pythonRoots: resolved.pythonRoots)
        if resolved.pythonRoots.isEmpty { importer.moduleFiles = resolved.roots }
        resolved.entry.reachable = CodeReach.reachable(from: resolved.roots, index: index, importer: importer)
        for path in resolved.entry.reachable {
            for load in index.code(path)?.dotenvLoads ?? [] {
                let file = load.isEmpty ? PathUtil.join(cwd, ".env") : PathUtil.join(cwd, load)
                if let envFile = index.analyses[file]?.envFile, envFile.kind == .dotenv {
                    process.env.mergeDefaults(envFile.assignments, source: file)
                }
            }
        }
        process.entry = resolved.entry
        process.copies = resolved.copies ?? launch.copies ?? .one
        process.workers = resolved.workers
        let values = ValueResolver(index: index, importer: importer)
        let processEnv = process.env
        let reach = CodeReach(index: index, entry: resolved.entry, importer: importer)
        process.receivers = reach.receivers(env: processEnv, argv: command.argv) { token, path in
            TokenIdentity.resolve(values.resolve(token, in: path), in: path, env: processEnv)
        }
        return process
    }
}

extension TokenIdentity {
    /// `$NAME` or `${NAME}` as a whole value.
    static func variableReference(_ value: String) -> String? {
        var v = Substring(value)
        guard v.hasPrefix("$") else { return nil }
        v = v.dropFirst()
        if v.hasPrefix("{"), v.hasSuffix("}") { v = v.dropFirst().dropLast() }
        guard !v.isEmpty, v.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else { return nil }
        return String(v)
    }

    /// Identity of a resolved token expression in a process environment. Returns the variable
    /// name too, so conditions that test the token itself count as satisfied.
    static func resolve(_ value: ValueExpr, in path: String, env: EnvScope) -> (TokenIdentity, String?) {
        switch value {
        case .env(let name, let fallback):
            // `BOT_TOKEN=$DEV_BOT_TOKEN` in a script: the token is whatever the other variable holds.
            if let reference = env.value(of: name).flatMap(Self.variableReference), reference != name {
                return resolve(.env(reference, default: fallback), in: path, env: env)
            }
            let visible = env.value(of: name) ?? fallback
            if let visible, TokenRedaction.looksLikeToken(visible) {
                return (TokenIdentity(variable: name, botID: TokenRedaction.botID(visible),
                                      redacted: TokenRedaction.redact(visible)), name)
            }
            return (TokenIdentity(variable: name), name)
        case .literal(let literal) where TokenRedaction.looksLikeToken(literal):
            return (TokenIdentity(botID: TokenRedaction.botID(literal), redacted: TokenRedaction.redact(literal)), nil)
        case .concat(let parts) where parts.count == 1:
            return resolve(parts[0], in: path, env: env)
        default:
            return (TokenIdentity(expression: "\(path): \(value.displayName)"), nil)
        }
    }
}
