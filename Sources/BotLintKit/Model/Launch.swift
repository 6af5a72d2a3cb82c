/// How many worker processes a web server starts.
public struct WorkerCount: Hashable, Sendable, Codable {
    /// From `-w 4` / `--workers 4`; nil when not given on the command line.
    public var count: Int?
    /// Read from this variable when the flag is absent or is `$VAR` (`WEB_CONCURRENCY`).
    public var fromEnv: String?

    public init(count: Int?, fromEnv: String? = nil) {
        self.count = count
        self.fromEnv = fromEnv
    }
}

/// What one command line starts, after wrappers (`exec`, `nohup`, `poetry run`, `npx`, `env`,
/// `flock`, `dotenv --`, ...) are taken off.
public enum LaunchTarget: Hashable, Sendable, Codable {
    /// `python bot.py` (path as written, relative to the command's directory).
    case pythonScript(path: String, args: [String])
    /// `python -m app.main`.
    case pythonModule(module: String, args: [String])
    /// `node index.js`, `node .`, `ts-node src/x.ts`, `tsx watch src/x.ts`, `nodemon x.js`, `bun x.ts`.
    case nodeScript(path: String, args: [String], watch: Bool)
    /// `npm start`, `yarn dev`, `pnpm run bot`, `npm run start:prod`, `bun run dev`.
    case packageScript(name: String)
    /// gunicorn, uvicorn, hypercorn, daphne, waitress-serve: `app` as given (`proj.wsgi:application`).
    case pythonWebServer(server: String, app: String, workers: WorkerCount, preload: Bool, reload: Bool)
    /// `python manage.py <command> ...`; `managePath` relative to the command's directory.
    case djangoManage(command: String, args: [String], managePath: String)
    /// `flask run` / `flask --app x run`: the app from `--app` or nil (FLASK_APP, app.py, wsgi.py).
    case flaskRun(app: String?, reload: Bool)
    /// `sh start.sh`, `./start.sh`, `bash scripts/run.sh`.
    case shellScript(path: String, args: [String])
    /// `bash -c "..."`, `sh -c '...'`: a nested command line.
    case inlineShell(String)
    /// `honcho start [proc]`, `foreman start`, `heroku local`: every Procfile process, or one.
    case procfileManager(process: String?)
    /// Cannot receive updates (`pip install`, `echo`, `sleep`, `fly deploy`, `migrate`).
    case notALaunch
    /// A program botlint does not know; the text is for `botlint topology`.
    case unknown(String)
}

/// A resolved command: the target plus what the wrappers around it contributed.
public struct ResolvedLaunch: Hashable, Sendable, Codable {
    public var target: LaunchTarget
    /// `env A=1`, `cross-env A=1`, `A=1 cmd`.
    public var env: [EnvAssignment]
    /// `dotenv -e .env.prod --`, `node --env-file=.env`, `node -r dotenv/config` (".env").
    public var envFiles: [String]
    /// `flock -n /tmp/bot.lock cmd`.
    public var singleInstanceGuard: SingleInstanceGuard?
    /// Copies a process manager starts of the target (`pm2 start bot.js -i 4`); nil: one.
    public var copies: Instances?

    public init(target: LaunchTarget, env: [EnvAssignment] = [], envFiles: [String] = [],
                singleInstanceGuard: SingleInstanceGuard? = nil, copies: Instances? = nil) {
        self.target = target
        self.env = env
        self.envFiles = envFiles
        self.singleInstanceGuard = singleInstanceGuard
        self.copies = copies
    }
}
