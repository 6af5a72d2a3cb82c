/// `pm2 start bot.js -i max --name bot -- --verbose`, `pm2-runtime start dist/index.js`,
/// `pm2 start bot.py --interpreter python3`: the script pm2 runs, and how many copies.
/// `pm2 start ecosystem.config.js` starts the apps of that file, which `PM2Extractor` reads as
/// runners of their own, so it is not a launch here.
enum PM2Launch {
    static func start(_ argv: [String], _ context: inout LaunchContext,
                      resolve: ([String], inout LaunchContext) -> LaunchTarget) -> LaunchTarget {
        var args = argv.dropFirst()
        let runtime = ShellNames.basename(argv[0]) != "pm2"
        if let sub = args.first, ["start", "restart", "reload"].contains(sub) { args = args.dropFirst() }
        else if !runtime { return .notALaunch }
        let parsed = LaunchArguments(args, valued: ["-i", "--instances", "--name", "-n", "--interpreter",
                                                    "--interpreter-args", "--node-args", "--cron", "--cron-restart",
                                                    "-c", "--cwd", "--log", "-l", "-o", "--output", "-e", "--error",
                                                    "--max-memory-restart", "--env", "--exp-backoff-restart-delay",
                                                    "--restart-delay", "--time", "--namespace", "-x"],
                                     stopAtFirstPositional: false)
        // pm2 takes options after the script too; the script's own arguments follow `--`.
        guard let script = parsed.rest.first else { return .notALaunch }
        if isEcosystemFile(script) { return .notALaunch }
        let scriptArgs = Array(parsed.rest.dropFirst())
        if let value = parsed.value("-i", "--instances") {
            context.copies = instances(value, location: context.location)
        }
        if let interpreter = parsed.value("--interpreter"), interpreter != "none" {
            return resolve([interpreter, script] + scriptArgs, &context)
        }
        return resolve(command(script: script, args: scriptArgs), &context)
    }

    static func isEcosystemFile(_ script: String) -> Bool {
        let name = ShellNames.basename(script).lowercased()
        return name.hasPrefix("ecosystem") || name == "pm2.json" || name == "process.json" || name == "process.yml"
    }

    /// pm2 picks the interpreter from the extension; anything else runs as a program.
    static func command(script: String, args: [String]) -> [String] {
        switch PathUtil.fileExtension(ShellNames.basename(script)) {
        case "py": return ["python", script] + args
        case "sh", "bash": return ["bash", script] + args
        case "ts", "mts", "cts": return ["ts-node", script] + args
        case let ext where LaunchNames.nodeExtensions.contains(ext): return ["node", script] + args
        default: return [script] + args
        }
    }

    /// `4`, `max`/`0` (one per CPU core), `-1` (cores minus one). A count pm2 derives from the
    /// machine is taken as 2: any server with more than one core runs several.
    static func instances(_ value: String, location: SourceLocation?) -> Instances {
        if let count = Int(value), count > 0 {
            return Instances(count: count, reason: "pm2 instances: \(count)", location: location)
        }
        return Instances(count: 2, reason: "pm2 instances: \(value) starts one per CPU core", location: location)
    }
}
