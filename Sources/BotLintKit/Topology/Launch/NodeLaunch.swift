/// `node`, `ts-node`, `tsx`, `nodemon`, `bun`, `deno`, and the package managers' scripts.
enum NodeLaunch {
    private static let nodeValued: Set<String> = ["-r", "--require", "--import", "--loader", "--experimental-loader",
                                                  "--env-file", "--env-file-if-exists", "--watch-path", "-C",
                                                  "--conditions", "--title", "--inspect-port"]

    static func node(_ argv: [String], _ context: inout LaunchContext) -> LaunchTarget {
        let parsed = LaunchArguments(argv.dropFirst(), valued: nodeValued)
        if parsed.has("-e", "--eval", "-p", "--print") { return .unknown("\(argv[0]) -e") }
        parsed.values("--env-file", "--env-file-if-exists").forEach { context.addEnvFile($0) }
        guard let path = parsed.rest.first else { return .notALaunch }
        let args = Array(parsed.rest.dropFirst())
        let preloads = parsed.values("-r", "--require", "--import")
        if preloads.contains(where: { $0.hasPrefix("dotenv/config") }) {
            // `node -r dotenv/config app.js dotenv_config_path=/custom/.env`
            let custom = args.first { $0.hasPrefix("dotenv_config_path=") }
            context.addEnvFile(custom.map { String($0.dropFirst("dotenv_config_path=".count)) } ?? ".env")
        }
        return .nodeScript(path: path, args: args, watch: context.watch || parsed.has("--watch") || parsed.has("--watch-path"))
    }

    static func typeScriptRunner(_ argv: [String], _ context: inout LaunchContext) -> LaunchTarget {
        let name = ShellNames.basename(argv[0])
        var args = argv.dropFirst()
        var watch = context.watch || name == "ts-node-dev" || name == "tsnd"
        if name == "tsx", args.first == "watch" { watch = true; args = args.dropFirst() }
        let parsed = LaunchArguments(args, valued: nodeValued.union(["-P", "--project", "-O", "--compiler-options",
                                                                     "--compiler", "--cwd", "-I", "--ignore",
                                                                     "--ignore-watch", "--interval", "--debounce",
                                                                     "--tsconfig", "--include", "--exclude"]))
        parsed.values("--env-file").forEach { context.addEnvFile($0) }
        guard let path = parsed.rest.first else { return .notALaunch }
        return .nodeScript(path: path, args: Array(parsed.rest.dropFirst()), watch: watch || parsed.has("--watch"))
    }

    /// `nodemon x.js`, `nodemon --exec "ts-node src/index.ts"`, `nodemon` alone (package main).
    static func nodemon(_ argv: [String], _ context: inout LaunchContext, resolve: ([String], inout LaunchContext) -> LaunchTarget) -> LaunchTarget {
        let parsed = LaunchArguments(argv.dropFirst(), valued: ["-w", "--watch", "-e", "--ext", "-i", "--ignore", "-x",
                                                                "--exec", "--signal", "-d", "--delay", "--config",
                                                                "--spawn"])
        context.watch = true
        if let exec = parsed.value("-x", "--exec") {
            let inner = exec.split(separator: " ").map(String.init) + parsed.rest
            return resolve(inner, &context)
        }
        return .nodeScript(path: parsed.rest.first ?? ".", args: Array(parsed.rest.dropFirst()), watch: true)
    }

    static func bun(_ argv: [String], _ context: inout LaunchContext) -> LaunchTarget {
        let parsed = LaunchArguments(argv.dropFirst(), valued: ["--env-file", "--cwd", "-r", "--preload", "--config", "-c"])
        parsed.values("--env-file").forEach { context.addEnvFile($0) }
        let watch = context.watch || parsed.has("--watch", "--hot")
        var rest = parsed.rest
        guard let sub = rest.first else { return .notALaunch }
        if ["install", "i", "add", "remove", "build", "test", "update", "link", "pm", "upgrade", "init", "create"].contains(sub) {
            return .notALaunch
        }
        if sub == "run" {
            rest = LaunchArguments(rest.dropFirst(), valued: ["--env-file", "--cwd"]).rest
            if rest.isEmpty { return .notALaunch }
        }
        return LaunchNames.isScriptPath(rest[0])
            ? .nodeScript(path: rest[0], args: Array(rest.dropFirst()), watch: watch)
            : packageScript(rest[0])
    }

    static func deno(_ argv: [String], _ context: inout LaunchContext) -> LaunchTarget {
        guard argv.count > 1 else { return .notALaunch }
        let valued: Set<String> = ["-c", "--config", "--import-map", "--lock", "--cert", "--location", "--env-file", "--port"]
        switch argv[1] {
        case "run", "serve":
            let parsed = LaunchArguments(argv.dropFirst(2), valued: valued)
            parsed.values("--env-file").forEach { context.addEnvFile($0) }
            guard let path = parsed.rest.first else { return .notALaunch }
            return .nodeScript(path: path, args: Array(parsed.rest.dropFirst()), watch: context.watch || parsed.has("--watch"))
        case "task":
            let parsed = LaunchArguments(argv.dropFirst(2), valued: valued)
            return parsed.rest.first.map(packageScript) ?? .notALaunch
        default:
            return LaunchNames.isScriptPath(argv[1]) ? .nodeScript(path: argv[1], args: Array(argv.dropFirst(2)), watch: context.watch)
                : .notALaunch
        }
    }

    // MARK: - Package managers

    private static let installCommands: Set<String> = ["install", "i", "ci", "add", "remove", "uninstall", "update",
                                                       "upgrade", "audit", "outdated", "link", "publish", "pack",
                                                       "prune", "dedupe", "config", "init", "version", "login",
                                                       "cache", "rebuild", "why", "list", "ls", "set", "import"]

    /// `npm start`, `npm run x`, `yarn x`, `pnpm --filter api run dev`.
    static func packageManager(_ argv: [String], _ context: inout LaunchContext,
                               resolve: ([String], inout LaunchContext) -> LaunchTarget) -> LaunchTarget {
        let parsed = LaunchArguments(argv.dropFirst(), valued: ["--prefix", "-w", "--workspace", "-C", "--dir",
                                                                "--filter", "-F", "--cwd"])
        // Bare `yarn`/`pnpm` installs.
        guard let sub = parsed.rest.first else { return .notALaunch }
        switch sub {
        case "run", "run-script", "rum", "urn":
            let name = LaunchArguments(parsed.rest.dropFirst(), valued: []).rest.first
            return name.map(packageScript) ?? .notALaunch
        case "start", "stop", "restart", "test", "t", "tst":
            return packageScript(sub.hasPrefix("t") && sub != "test" ? "test" : sub)
        case "node":
            return node(["node"] + parsed.rest.dropFirst(), &context)
        case "workspace":
            return resolve([argv[0]] + parsed.rest.dropFirst(2), &context)
        default:
            if installCommands.contains(sub) { return .notALaunch }
            return ShellNames.basename(argv[0]) == "npm" ? .notALaunch : packageScript(sub)
        }
    }

    /// A package.json script; build steps cannot receive updates.
    static func packageScript(_ name: String) -> LaunchTarget {
        name == "build" || name.hasPrefix("build:") ? .notALaunch : .packageScript(name: name)
    }
}
