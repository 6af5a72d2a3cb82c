/// What the wrappers around a command contributed while they were taken off.
struct LaunchContext {
    var env: [EnvAssignment]
    var envFiles: [String] = []
    var singleInstanceGuard: SingleInstanceGuard?
    /// A file watcher restarts the program on change (`watchmedo auto-restart`, `nodemon`).
    var watch = false
    /// Set when a wrapper runs a shell string (`su -c '...'`, `flock -c`).
    var inlineShell: String?
    /// Copies a process manager starts (`pm2 start bot.js -i 4`).
    var copies: Instances?
    let location: SourceLocation

    mutating func addEnvFile(_ file: String) {
        if !envFiles.contains(file) { envFiles.append(file) }
    }
}

/// Programs that run another program: `nohup`, `env A=1`, `poetry run`, `npx`, `dotenv --`, ...
/// `strip` returns the inner command line, or nil when `argv` does not start with a wrapper.
enum LaunchWrappers {
    static func strip(_ argv: [String], _ context: inout LaunchContext) -> [String]? {
        guard let first = argv.first else { return nil }
        let args = argv.dropFirst()
        let sub = args.first
        switch ShellNames.basename(first) {
        case "exec": return LaunchArguments(args, valued: ["-a"]).rest
        case "nohup", "ddtrace-run", "disown": return Array(args)
        case "bundle" where sub == "exec", "bundler" where sub == "exec": return LaunchArguments(args.dropFirst(), valued: ["--gemfile"]).rest
        case "setsid": return LaunchArguments(args, valued: []).rest
        case "time": return LaunchArguments(args, valued: ["-f", "-o"]).rest
        case "nice": return LaunchArguments(args, valued: ["-n"]).rest
        case "ionice": return LaunchArguments(args, valued: ["-c", "-n", "-p", "-P", "-u"]).rest
        case "stdbuf": return LaunchArguments(args, valued: ["-i", "-o", "-e"]).rest
        case "xvfb-run": return LaunchArguments(args, valued: ["-n", "-s", "-e", "-f", "-p", "-w"]).rest
        case "timeout":
            return Array(LaunchArguments(args, valued: ["-s", "-k", "--signal", "--kill-after"]).rest.dropFirst())
        case "env": return stripEnv(args, &context)
        case "cross-env", "cross-env-shell": return takeAssignments(Array(args), &context)
        case "sudo":
            let parsed = LaunchArguments(args, valued: ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T"])
            return takeAssignments(parsed.rest, &context)
        case "su", "runuser": return stripSwitchUser(args, &context)
        case "chpst": return stripChpst(args, &context)
        case "flock": return stripFlock(argv, &context)
        case "run-one", "solo", "run-this-one":
            context.singleInstanceGuard = SingleInstanceGuard(kind: first == "run-this-one" ? .pkill : .flock,
                                                              location: context.location)
            return LaunchArguments(args, valued: ["-port"]).rest
        case "dotenv": return stripDotenv(args, &context)
        case "dotenvx" where sub == "run": return stripWithEnvFiles(args.dropFirst(), valued: ["-f", "--env-file", "-e", "--env"], &context)
        case "op" where sub == "run": return stripWithEnvFiles(args.dropFirst(), valued: ["--env-file"], &context)
        case "doppler" where sub == "run", "infisical" where sub == "run":
            return LaunchArguments(args.dropFirst(), valued: ["-p", "--project", "-c", "--config", "--env", "--path",
                                                              "--token", "--projectId", "--command"]).rest
        case "aws-vault" where sub == "exec":
            return LaunchArguments(args.dropFirst(2), valued: ["-d", "--duration", "-r", "--region", "-t", "--mfa-token"]).rest
        case "poetry", "pipenv", "pdm", "hatch", "rye", "pixi", "railway":
            return stripRunSubcommand(args, valued: ["-C", "--directory", "-P", "--project", "-p", "-e", "--environment",
                                                    "--manifest-path", "-s", "--service"], &context)
        case "uv": return stripUvRun(args, &context)
        case "conda" where sub == "run", "mamba" where sub == "run", "micromamba" where sub == "run":
            return LaunchArguments(args.dropFirst(), valued: ["-n", "--name", "-p", "--prefix", "--cwd"]).rest
        case "npx", "bunx", "pnpx": return LaunchArguments(args, valued: ["-p", "--package"]).rest
        case "pnpm" where sub == "exec" || sub == "dlx", "yarn" where sub == "exec" || sub == "dlx",
             "npm" where sub == "exec":
            return LaunchArguments(args.dropFirst(), valued: ["-p", "--package"]).rest
        case "newrelic-admin" where sub == "run-program": return Array(args.dropFirst())
        case "opentelemetry-instrument": return stripAllValued(args)
        case "watchmedo" where sub == "auto-restart":
            context.watch = true
            return LaunchArguments(args.dropFirst(), valued: ["-d", "--directory", "-p", "--patterns", "--pattern",
                                                              "-i", "--ignore-patterns", "--signal", "--debounce-interval",
                                                              "--kill-after"]).rest
        case "honcho" where sub == "run", "foreman" where sub == "run", "heroku" where sub == "local:run":
            let parsed = LaunchArguments(args.dropFirst(), valued: ["-e", "--env", "-f", "--procfile", "-d"])
            procfileEnvFiles(parsed, &context)
            return parsed.rest
        default: return nil
        }
    }

    /// Loads `.env` unless `-e` names others (honcho, foreman, heroku local).
    static func procfileEnvFiles(_ parsed: LaunchArguments, _ context: inout LaunchContext) {
        let files = parsed.values("-e", "--env").flatMap { $0.split(separator: ",").map(String.init) }
        (files.isEmpty ? [".env"] : files).forEach { context.addEnvFile($0) }
    }

    private static func stripEnv(_ args: ArraySlice<String>, _ context: inout LaunchContext) -> [String] {
        let parsed = LaunchArguments(args, valued: ["-u", "--unset", "-C", "--chdir", "-S", "--split-string"])
        if let split = parsed.value("-S", "--split-string") {
            return split.split(separator: " ").map(String.init) + parsed.rest
        }
        return takeAssignments(parsed.rest, &context)
    }

    private static func takeAssignments(_ args: [String], _ context: inout LaunchContext) -> [String] {
        var rest = args[...]
        while let word = rest.first, let assignment = LaunchNames.assignment(word, location: context.location) {
            context.env.append(assignment)
            rest = rest.dropFirst()
        }
        return Array(rest)
    }

    /// `su - bot -c 'python bot.py'`, `runuser -u bot -- python bot.py`.
    private static func stripSwitchUser(_ args: ArraySlice<String>, _ context: inout LaunchContext) -> [String] {
        let parsed = LaunchArguments(args, valued: ["-c", "--command", "-s", "--shell", "-g", "-G", "-u", "--user", "-l"],
                                     stopAtFirstPositional: false)
        if let command = parsed.value("-c", "--command") {
            context.inlineShell = command
            return []
        }
        return args.contains("--") ? parsed.rest : []
    }

    private static func stripChpst(_ args: ArraySlice<String>, _ context: inout LaunchContext) -> [String] {
        let parsed = LaunchArguments(args, valued: ["-u", "-U", "-e", "-/", "-n", "-l", "-L", "-m", "-d", "-o", "-p",
                                                    "-f", "-c", "-r", "-t"])
        if parsed.has("-L") { context.singleInstanceGuard = SingleInstanceGuard(kind: .flock, location: context.location) }
        return parsed.rest
    }

    private static func stripFlock(_ argv: [String], _ context: inout LaunchContext) -> [String] {
        let options = FlockOptions(argv)
        if options.isNonBlocking { context.singleInstanceGuard = SingleInstanceGuard(kind: .flock, location: context.location) }
        if options.command.first == "-c" || options.command.first == "--command" {
            context.inlineShell = options.command.dropFirst().first
            return []
        }
        return options.command
    }

    /// dotenv-cli (`dotenv -e .env.prod -- cmd`) and python-dotenv (`dotenv -f .env run cmd`).
    private static func stripDotenv(_ args: ArraySlice<String>, _ context: inout LaunchContext) -> [String] {
        let parsed = LaunchArguments(args, valued: ["-e", "-f", "--file", "-v", "-c"])
        var rest = parsed.rest
        var files = parsed.values("-e", "-f", "--file")
        for pair in parsed.values("-v") {
            if let assignment = LaunchNames.assignment(pair, location: context.location) { context.env.append(assignment) }
        }
        if rest.first == "run" {
            let run = LaunchArguments(rest.dropFirst(), valued: [])
            rest = run.rest
        }
        if let cascade = parsed.value("-c"), !cascade.hasPrefix("-") { files += [".env.\(cascade)", ".env"] }
        (files.isEmpty ? [".env"] : files).forEach { context.addEnvFile($0) }
        return rest
    }

    private static func stripWithEnvFiles(_ args: ArraySlice<String>, valued: Set<String>,
                                          _ context: inout LaunchContext) -> [String] {
        let parsed = LaunchArguments(args, valued: valued)
        parsed.values("-f", "--env-file").forEach { context.addEnvFile($0) }
        for pair in parsed.values("-e", "--env") {
            if let assignment = LaunchNames.assignment(pair, location: context.location) { context.env.append(assignment) }
        }
        return parsed.rest
    }

    /// `poetry run`, `pipenv run`, `hatch run`, `railway run`: options may come before `run`.
    private static func stripRunSubcommand(_ args: ArraySlice<String>, valued: Set<String>,
                                           _ context: inout LaunchContext) -> [String]? {
        let before = LaunchArguments(args, valued: valued)
        guard before.rest.first == "run" else { return nil }
        var rest = LaunchArguments(before.rest.dropFirst(), valued: valued).rest
        // `hatch run prod:python bot.py`: the environment prefix is not part of the command.
        if let first = rest.first, let colon = first.firstIndex(of: ":"), !first.contains("/") {
            rest[0] = String(first[first.index(after: colon)...])
        }
        return rest
    }

    private static func stripUvRun(_ args: ArraySlice<String>, _ context: inout LaunchContext) -> [String]? {
        let valued: Set<String> = ["--with", "--env-file", "-p", "--python", "--project", "--directory", "--package",
                                   "--extra", "--group", "--index-url", "-w", "--with-requirements", "--only-group"]
        let before = LaunchArguments(args, valued: valued)
        guard before.rest.first == "run" else { return nil }
        let parsed = LaunchArguments(before.rest.dropFirst(), valued: valued)
        (before.values("--env-file") + parsed.values("--env-file")).forEach { context.addEnvFile($0) }
        // `uv run bot.py` runs the script with the project's Python.
        if let first = parsed.rest.first, PathUtil.fileExtension(first) == "py" { return ["python"] + parsed.rest }
        return parsed.rest
    }

    /// `opentelemetry-instrument --traces_exporter console python app.py`: every option takes a value.
    private static func stripAllValued(_ args: ArraySlice<String>) -> [String] {
        var rest = args
        while let first = rest.first, first.hasPrefix("--") {
            rest = rest.dropFirst(first.contains("=") ? 1 : 2)
        }
        return Array(rest)
    }
}
