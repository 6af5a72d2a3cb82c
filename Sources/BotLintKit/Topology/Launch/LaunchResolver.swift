/// A command of a command line together with what it starts.
public struct ResolvedCommand: Hashable, Sendable {
    public var command: ShellCommand
    public var launch: ResolvedLaunch

    public init(command: ShellCommand, launch: ResolvedLaunch) {
        self.command = command
        self.launch = launch
    }
}

/// Says what a command starts once its wrappers (`exec`, `nohup`, `poetry run`, `npx`, `env A=1`,
/// `flock -n`, `dotenv --`, ...) are taken off, collecting the env, env files and guards they add.
public enum LaunchResolver {
    /// Programs that cannot receive updates: installers, build and deploy tools, shell plumbing.
    private static let notALaunch: Set<String> = [
        "pip", "pip3", "echo", "sleep", "cd", "mkdir", "cp", "mv", "rm", "chmod", "chown", "apt-get", "apt", "apk",
        "yum", "dnf", "brew", "tsc", "alembic", "fly", "flyctl", "git", "curl", "wget", "cat", "printf", "test", "[",
        "[[", "true", "false", ":", "exit", "wait", "trap", "set", "export", "kill", "pkill", "pgrep", "ps", "grep",
        "touch", "ln", "tail", "head", "ls", "date", "pwd", "read", "sed", "awk", "tee", "sort", "wc", "which",
        "command", "type", "unset", "shift", "ulimit", "umask", "dirname", "basename", "readlink", "realpath", "whoami",
        "id", "env", "printenv", "tar", "unzip", "gzip", "rsync", "scp", "jq", "openssl", "prisma", "make", "killall",
        "pidof", "crontab", "useradd", "adduser", "usermod", "locale-gen",
        "update-ca-certificates", "cron", "crond", "pre-commit", "black", "ruff", "flake8", "mypy", "pytest", "eslint",
        "prettier", "jest", "vitest", "mocha", "playwright", "nginx", "redis-server", "redis-cli", "psql", "mysql",
        "heroku", "railway", "vercel", "netlify", "wrangler", "firebase", "gcloud", "aws", "az",
    ]
    private static let typeScriptRunners: Set<String> = ["ts-node", "ts-node-dev", "tsnd", "tsx", "ts-node-esm"]
    private static let procfileManagers: Set<String> = ["honcho", "foreman", "overmind", "hivemind"]
    private static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "ksh"]
    private static let shellScriptNames: Set<String> = ["entrypoint", "docker-entrypoint", "start", "run", "boot"]

    /// What one parsed command starts.
    public static func resolve(_ command: ShellCommand) -> ResolvedLaunch {
        var context = LaunchContext(env: command.envPrefix, singleInstanceGuard: command.singleInstanceGuard,
                                    location: command.location)
        let target = target(command.argv, &context)
        return ResolvedLaunch(target: target, env: context.env, envFiles: context.envFiles,
                              singleInstanceGuard: context.singleInstanceGuard, copies: context.copies)
    }

    /// Parses a command line (a Procfile entry, a Dockerfile CMD, a crontab command) and resolves
    /// every command in it, in order.
    public static func resolveAll(_ commandLine: String, path: String, firstLine: Int = 1,
                                  firstColumn: Int = 1) -> [ResolvedCommand] {
        ShellParser.parse(commandLine, path: path, firstLine: firstLine, firstColumn: firstColumn).commands.map {
            ResolvedCommand(command: $0, launch: resolve($0))
        }
    }

    static func target(_ argv: [String], _ context: inout LaunchContext) -> LaunchTarget {
        var argv = argv
        // Each wrapper removes at least its own name, so this ends.
        while let inner = LaunchWrappers.strip(argv, &context), inner.count < argv.count {
            argv = inner
        }
        if let inline = context.inlineShell {
            context.inlineShell = nil
            return .inlineShell(inline)
        }
        guard let first = argv.first else { return .notALaunch }
        let name = ShellNames.basename(first)
        if LaunchNames.isPython(name) { return PythonLaunch.interpreter(argv, &context) }
        switch name {
        case "node", "nodejs": return NodeLaunch.node(argv, &context)
        case _ where typeScriptRunners.contains(name): return NodeLaunch.typeScriptRunner(argv, &context)
        case "nodemon": return NodeLaunch.nodemon(argv, &context, resolve: target)
        case "bun": return NodeLaunch.bun(argv, &context)
        case "deno": return NodeLaunch.deno(argv, &context)
        case "npm", "yarn", "pnpm": return NodeLaunch.packageManager(argv, &context, resolve: target)
        case "gunicorn", "uvicorn", "hypercorn", "daphne", "waitress-serve": return PythonLaunch.server(argv, &context)
        case "flask": return PythonLaunch.flask(Array(argv.dropFirst()), &context)
        case "django-admin": return PythonLaunch.django(Array(argv.dropFirst()), managePath: "")
        case "manage.py": return PythonLaunch.django(Array(argv.dropFirst()), managePath: first)
        case "celery": return .unknown("celery")
        case "pm2", "pm2-runtime", "pm2-dev", "pm2-docker": return PM2Launch.start(argv, &context, resolve: target)
        case _ where shells.contains(name): return shell(argv)
        case "source", ".": return argv.count > 1 && isShellFile(argv[1]) ? .shellScript(path: argv[1], args: Array(argv.dropFirst(2))) : .notALaunch
        case _ where procfileManagers.contains(name): return procfileManager(argv, &context)
        case "heroku" where argv.dropFirst().first?.hasPrefix("local") == true: return procfileManager(argv, &context)
        case "docker" where argv.dropFirst().first == "build" || argv.dropFirst().first == "push": return .notALaunch
        case _ where EcosystemLaunch.programs.contains(name): return EcosystemLaunch.target(argv)
        default: return other(argv)
        }
    }

    /// `sh start.sh`, `bash -e run.sh`, `bash -c "..."`.
    private static func shell(_ argv: [String]) -> LaunchTarget {
        var index = 1
        while index < argv.count, argv[index].hasPrefix("-") || argv[index].hasPrefix("+") {
            let option = argv[index]
            if !option.hasPrefix("--"), option.contains("c") {
                return index + 1 < argv.count ? .inlineShell(argv[index + 1]) : .notALaunch
            }
            index += option == "-o" || option == "+o" ? 2 : 1
        }
        guard index < argv.count else { return .notALaunch }
        return .shellScript(path: argv[index], args: Array(argv[(index + 1)...]))
    }

    /// `honcho start [proc]`, `foreman start web`, `heroku local bot`, `overmind start -l bot`, `hivemind`.
    private static func procfileManager(_ argv: [String], _ context: inout LaunchContext) -> LaunchTarget {
        let parsed = LaunchArguments(argv.dropFirst(), valued: ["-f", "--procfile", "-e", "--env", "-d", "--app-root",
                                                                "-p", "--port", "-m", "--formation", "-l", "-c",
                                                                "--concurrency", "-s", "--socket", "-t", "--timeout"],
                                     stopAtFirstPositional: false)
        let name = ShellNames.basename(argv[0])
        if name == "hivemind" { return .procfileManager(process: nil) }
        var positional = parsed.rest[...]
        if let sub = positional.first, ["start", "s", "local", "local:start"].contains(sub) { positional = positional.dropFirst() }
        else if name != "heroku" { return .notALaunch }
        if name != "overmind" { LaunchWrappers.procfileEnvFiles(parsed, &context) }
        if let only = parsed.value("-l"), !only.contains(",") { return .procfileManager(process: only) }
        return .procfileManager(process: positional.first)
    }

    /// Paths to scripts (`./start.sh`, `./bot.py`, `bin/server.js`), known tools, or unknown programs.
    private static func other(_ argv: [String]) -> LaunchTarget {
        let first = argv[0]
        let name = ShellNames.basename(first)
        if notALaunch.contains(name) { return .notALaunch }
        let args = Array(argv.dropFirst())
        if first.contains("/") {
            switch PathUtil.fileExtension(name) {
            case "py": return name == "manage.py" ? PythonLaunch.django(args, managePath: first) : .pythonScript(path: first, args: args)
            case let ext where LaunchNames.nodeExtensions.contains(ext): return .nodeScript(path: first, args: args, watch: false)
            case _ where isShellFile(first) || shellScriptNames.contains(name): return .shellScript(path: first, args: args)
            case "php": return .program(ProgramLaunch(kind: .phpScript, path: first, args: args))
            case "rb": return .program(ProgramLaunch(kind: .rubyScript, path: first, args: args))
            default: if let binary = EcosystemLaunch.builtBinary(first, args: args) { return binary }
            }
        }
        return .unknown(first)
    }

    private static func isShellFile(_ path: String) -> Bool {
        ["sh", "bash", "zsh", "ksh", "dash"].contains(PathUtil.fileExtension(ShellNames.basename(path)))
    }
}
