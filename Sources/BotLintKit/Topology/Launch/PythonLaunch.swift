/// `python [flags] script|-m module`, `manage.py`, `flask run`, and the Python web servers.
enum PythonLaunch {
    /// `manage.py` commands that run to completion and receive nothing.
    private static let djangoMaintenance: Set<String> = [
        "migrate", "makemigrations", "collectstatic", "createsuperuser", "check", "compilemessages", "makemessages",
        "showmigrations", "loaddata", "dumpdata", "test", "createcachetable", "flush", "sqlmigrate", "shell", "dbshell",
        "changepassword", "clearsessions", "diffsettings", "squashmigrations", "startapp", "startproject",
    ]
    private static let toolModules: Set<String> = [
        "pip", "venv", "virtualenv", "pytest", "unittest", "compileall", "ensurepip", "alembic", "black", "ruff", "mypy",
        "pylint", "flake8", "isort", "build", "twine", "pip_audit", "coverage",
    ]
    private static let servers: Set<String> = ["gunicorn", "uvicorn", "hypercorn", "daphne", "waitress", "waitress-serve"]

    static func interpreter(_ argv: [String], _ context: inout LaunchContext) -> LaunchTarget {
        var index = 1
        while index < argv.count {
            let arg = argv[index]
            switch arg {
            case "-m":
                guard index + 1 < argv.count else { return .notALaunch }
                return module(argv[index + 1], Array(argv[(index + 2)...]), &context)
            case "-c": return .unknown("\(argv[0]) -c")
            case "-": return .unknown("\(argv[0]) -")
            case "-X", "-W", "-Q": index += 2
            default:
                guard arg.hasPrefix("-") else { return script(arg, Array(argv[(index + 1)...]), &context) }
                index += 1
            }
        }
        return .notALaunch
    }

    /// `python bot.py`, `./bot.py`, `python manage.py runbot`.
    static func script(_ path: String, _ args: [String], _ context: inout LaunchContext) -> LaunchTarget {
        if ShellNames.basename(path) == "manage.py" { return django(args, managePath: path) }
        return .pythonScript(path: path, args: args)
    }

    static func django(_ args: [String], managePath: String) -> LaunchTarget {
        let parsed = LaunchArguments(args[...], valued: ["--settings", "--pythonpath"])
        guard let command = parsed.rest.first else { return .notALaunch }
        if djangoMaintenance.contains(command) { return .notALaunch }
        return .djangoManage(command: command, args: Array(parsed.rest.dropFirst()), managePath: managePath)
    }

    private static func module(_ name: String, _ args: [String], _ context: inout LaunchContext) -> LaunchTarget {
        if servers.contains(name) { return server([name] + args, &context) }
        if name == "flask" { return flask(args, &context) }
        if name == "celery" { return .unknown("celery") }
        if name == "django" { return django(args, managePath: "") }
        if toolModules.contains(name) || name.hasPrefix("pip.") { return .notALaunch }
        return .pythonModule(module: name, args: args)
    }

    // MARK: - flask

    /// `flask [--app x] [--debug] run [--reload]`; other subcommands (`db upgrade`) are tools.
    static func flask(_ args: [String], _ context: inout LaunchContext) -> LaunchTarget {
        let global = LaunchArguments(args[...], valued: ["--app", "-A", "--env-file", "-e"])
        global.values("--env-file", "-e").forEach { context.addEnvFile($0) }
        guard let subcommand = global.rest.first else { return .notALaunch }
        guard subcommand == "run" else {
            return ["db", "routes", "shell", "translate"].contains(subcommand) ? .notALaunch : .unknown("flask \(subcommand)")
        }
        let run = LaunchArguments(global.rest.dropFirst(), valued: ["--host", "-h", "--port", "-p", "--cert", "--key",
                                                                    "--extra-files", "--exclude-patterns"])
        let debugFromEnv = context.env.contains { $0.name == "FLASK_DEBUG" && ["1", "true"].contains($0.value ?? "") }
        let reload = !run.has("--no-reload") && (run.has("--reload") || global.has("--debug") || run.has("--debug") || debugFromEnv)
        return .flaskRun(app: global.value("--app", "-A"), reload: reload)
    }

    // MARK: - Web servers

    static func server(_ argv: [String], _ context: inout LaunchContext) -> LaunchTarget {
        let name = ShellNames.basename(argv[0]) == "waitress" ? "waitress-serve" : ShellNames.basename(argv[0])
        let args = argv.dropFirst()
        switch name {
        case "gunicorn":
            let parsed = LaunchArguments(args, valued: gunicornValued, stopAtFirstPositional: false)
            parsed.values("-e", "--env").compactMap { LaunchNames.assignment($0, location: context.location) }
                .forEach { context.env.append($0) }
            var count = workers(parsed.value("-w", "--workers"))
            if !parsed.has("-w", "--workers") { count.configFile = parsed.value("-c", "--config") ?? "gunicorn.conf.py" }
            return .pythonWebServer(server: name, app: parsed.rest.first ?? "", workers: count,
                                    preload: parsed.has("--preload"), reload: parsed.has("--reload"))
        case "uvicorn":
            let parsed = LaunchArguments(args, valued: uvicornValued, stopAtFirstPositional: false)
            parsed.values("--env-file").forEach { context.addEnvFile($0) }
            return .pythonWebServer(server: name, app: parsed.rest.first ?? "", workers: workers(parsed.value("--workers")),
                                    preload: false, reload: parsed.has("--reload"))
        case "hypercorn":
            let parsed = LaunchArguments(args, valued: ["-w", "--workers", "-b", "--bind", "-k", "--worker-class", "-c",
                                                        "--config", "--log-level", "--access-logfile", "--error-logfile",
                                                        "--root-path", "--keep-alive", "--graceful-timeout", "-u", "-g",
                                                        "--certfile", "--keyfile", "--ca-certs", "--insecure-bind",
                                                        "--quic-bind", "--backlog", "-p", "--pid", "--statsd-host"],
                                         stopAtFirstPositional: false)
            let count = parsed.value("-w", "--workers").map { workers($0) } ?? WorkerCount(count: nil)
            return .pythonWebServer(server: name, app: parsed.rest.first ?? "", workers: count, preload: false,
                                    reload: parsed.has("--reload"))
        default:
            // daphne and waitress-serve run one process.
            let parsed = LaunchArguments(args, valued: ["-b", "--bind", "-p", "--port", "-u", "--unix-socket", "--fd",
                                                        "-e", "--endpoint", "-v", "--verbosity", "--access-log",
                                                        "--root-path", "-s", "--server-name", "--host", "--listen",
                                                        "--threads", "--websocket_timeout", "--ping-interval",
                                                        "--ping-timeout", "--application-close-timeout"],
                                         stopAtFirstPositional: false)
            return .pythonWebServer(server: name, app: parsed.rest.first ?? "", workers: WorkerCount(count: 1),
                                    preload: false, reload: false)
        }
    }

    /// `4`, `$WEB_CONCURRENCY`, `${WEB_CONCURRENCY:-3}`; absent: gunicorn and uvicorn read WEB_CONCURRENCY.
    static func workers(_ value: String?) -> WorkerCount {
        guard let value else { return WorkerCount(count: nil, fromEnv: "WEB_CONCURRENCY") }
        if let count = Int(value) { return WorkerCount(count: count) }
        guard value.hasPrefix("$"), !value.hasPrefix("$(") else { return WorkerCount(count: nil) }
        var body = value.dropFirst()
        if body.hasPrefix("{"), body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        let rest = body.dropFirst(name.count)
        let fallback = rest.hasPrefix(":-") || rest.hasPrefix("-") ? Int(rest.drop { $0 == ":" || $0 == "-" }) : nil
        return WorkerCount(count: fallback, fromEnv: name.isEmpty ? nil : String(name))
    }

    private static let gunicornValued: Set<String> = [
        "-w", "--workers", "-c", "--config", "-b", "--bind", "-k", "--worker-class", "--threads", "-t", "--timeout",
        "--log-level", "--access-logfile", "--error-logfile", "--log-file", "--chdir", "-e", "--env", "-n", "--name",
        "--max-requests", "--max-requests-jitter", "--graceful-timeout", "--keep-alive", "--worker-connections",
        "--pythonpath", "--forwarded-allow-ips", "--certfile", "--keyfile", "-u", "--user", "-g", "--group",
        "--worker-tmp-dir", "--paste", "-p", "--pid", "--statsd-host", "--limit-request-line", "--backlog",
        "--access-logformat", "--log-config", "--reload-engine", "--reload-extra-file", "-m", "--umask",
        "--limit-request-fields", "--limit-request-field_size", "--proxy-allow-from", "--capture-output-file",
    ]

    private static let uvicornValued: Set<String> = [
        "--host", "--port", "--uds", "--fd", "--workers", "--loop", "--http", "--ws", "--lifespan", "--interface",
        "--env-file", "--log-config", "--log-level", "--root-path", "--limit-concurrency", "--backlog",
        "--limit-max-requests", "--timeout-keep-alive", "--timeout-graceful-shutdown", "--ssl-keyfile",
        "--ssl-certfile", "--ssl-keyfile-password", "--ssl-version", "--ssl-cert-reqs", "--ssl-ca-certs",
        "--ssl-ciphers", "--header", "--app-dir", "--reload-dir", "--reload-include", "--reload-exclude",
        "--reload-delay", "--forwarded-allow-ips", "--ws-max-size", "--ws-max-queue", "--ws-ping-interval",
        "--ws-ping-timeout", "--ws-per-message-deflate", "--h11-max-incomplete-event-size",
    ]
}
