/// pm2 ecosystem files: `ecosystem.config.js` (`.cjs`, `.mjs`; the object literal is read
/// statically), `ecosystem.config.json`/`.yaml`/`.yml`, `ecosystem.json`, `pm2.json`,
/// `process.json`/`.yml`. Every app is a runner on the machine that runs `pm2 start`.
///
/// - command: `interpreter script args` (`interpreter: "none"`: the script itself); without an
///   interpreter pm2 picks one from the extension (`.py` → python, `.js` → node). `cwd` moves the
///   runner's folder when it is relative.
/// - instances: a number; `max`, `0` or `-1` (per CPU core) count as 2; fork mode without a number
///   is 1.
/// - env: `env`, then `env_production` over it (`pm2 start --env production`, the deploy default).
///
/// Settings: `exec_mode`, `cron_restart` (pm2 restarts the app: still one copy), `instances` as written.
public struct PM2Extractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        if file.lowercasedNameHasPrefix("ecosystem.") {
            return ["js", "cjs", "mjs", "json", "yaml", "yml"].contains(file.fileExtension)
        }
        guard file.fileExtension == "json" || file.fileExtension == "js" || file.fileExtension == "yml" else { return false }
        return ["pm2.json", "pm2.config.js", "process.json", "process.yml"].contains(file.lowercasedName)
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document: ConfigDocument
        switch PathUtil.fileExtension(file.name.lowercased()) {
        case "json":
            document = ConfigDocument.json(file)
        case "yaml", "yml":
            document = YAMLDocuments.single(file, format: "pm2")
        default:
            guard file.contains("apps") else { return }
            document = JSObjectLiteral.document(file, key: "apps")
        }
        analysis.problems += document.problems
        let apps = document["apps"]?.array ?? document["apps"].map { [$0] } ?? []
        for (index, app) in apps.enumerated() where app.table != nil {
            if let runner = runner(app, path: ["apps", String(index)], document: document, file: file) {
                analysis.runners.append(runner)
            }
        }
    }

    private func runner(_ app: ConfigValue, path: [String], document: ConfigDocument, file: SourceFile) -> RunnerDecl? {
        guard let script = app["script"]?.string, !script.isEmpty else { return nil }
        let locator = document.locator
        let location = locator.nearestKey(path + (app["name"] != nil ? ["name"] : []))
        // A string is a command line as written; a list is separate words.
        var args: [String] = []
        if let text = app["args"]?.string { args = [text] }
        else if let items = app["args"]?.array { args = items.compactMap(\.string).map(ShellQuoting.quote) }
        let words: [String]
        if let interpreter = app["interpreter"]?.string, !interpreter.isEmpty {
            words = interpreter == "none" ? [script] : [interpreter, script]
        } else {
            words = PM2Launch.command(script: script, args: [])
        }
        let command = (words.map(ShellQuoting.quote) + args).joined(separator: " ")
        var directory = file.directory
        if let cwd = app["cwd"]?.string, !cwd.hasPrefix("/") { directory = PathUtil.join(file.directory, cwd) }
        var settings: [String: String] = [:]
        for key in ["exec_mode", "cron_restart", "instances"] { settings[key] = app[key]?.scalarText }
        let env = ConfigEnv.assignments(app["env"], at: path + ["env"], in: document)
            + ConfigEnv.assignments(app["env_production"], at: path + ["env_production"], in: document)
        return RunnerDecl(kind: .pm2App, platform: .pm2, name: app["name"]?.string ?? script, group: file.name,
                          command: command, commandLocation: locator.nearestValue(path + ["script"]),
                          instances: instances(app, path: path, locator: locator),
                          env: env, directory: directory, location: location, settings: settings)
    }

    private func instances(_ app: ConfigValue, path: [String], locator: KeyLocator) -> Instances {
        guard let value = app["instances"]?.scalarText ?? app["exec_instances"]?.scalarText else {
            return Instances(count: 1, reason: "pm2 starts 1 instance unless `instances` says otherwise",
                             location: locator.nearestKey(path))
        }
        return PM2Launch.instances(value, location: locator.nearestKey(path + ["instances"]))
    }
}
