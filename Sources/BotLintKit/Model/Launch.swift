/// How many worker processes a web server starts.
public struct WorkerCount: Hashable, Sendable, Codable {
    /// From `-w 4` / `--workers 4`; nil when not given on the command line.
    public var count: Int?
    /// Read from this variable when the flag is absent or is `$VAR` (`WEB_CONCURRENCY`).
    public var fromEnv: String?
    /// gunicorn's config file (`-c path`, `-c python:module`, else `gunicorn.conf.py` in its working
    /// directory), which sets the count when the command line does not.
    public var configFile: String?

    public init(count: Int?, fromEnv: String? = nil, configFile: String? = nil) {
        self.count = count
        self.fromEnv = fromEnv
        self.configFile = configFile
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
    /// A program of another ecosystem: Go, Rust, the JVM, .NET, PHP, Ruby, Swift, or a built binary.
    case program(ProgramLaunch)
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

/// `go run ./cmd/bot`, `cargo run --bin bot`, `java -jar target/app.jar`, `dotnet run --project Bot`,
/// `php artisan telegram:poll`, `bundle exec rake telegram:bot:poller`, `swift run Bot`, `./bot`.
public struct ProgramLaunch: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// `go run <path>`: `path` is a package folder or a `.go` file.
        case goPackage
        /// `cargo run [--bin name] [--manifest-path p]`: `path` is the crate folder.
        case cargoBinary
        /// `java -jar x.jar`, `./gradlew bootRun`, `mvn spring-boot:run`: `path` is the jar or module folder.
        case jvmApplication
        /// `dotnet run --project P`, `dotnet P.dll`: `path` is the project folder, `.csproj` or dll.
        case dotnetProject
        /// `php bot.php`.
        case phpScript
        /// `php artisan <name>`: `path` is the artisan file.
        case artisanCommand
        /// `php -S`, `heroku-php-apache2 public/`, `php-fpm`, `apache2-foreground`: `path` is the document root.
        case phpWebServer
        /// `ruby bot.rb`.
        case rubyScript
        /// `rake <name>` (`telegram:bot:poller`).
        case rakeTask
        /// `rails server`, `puma`, `rackup`, `rails runner <code>`: the Rails app in `path`.
        case railsApp
        /// `swift run [Product]`.
        case swiftProduct
        /// A compiled program started by path (`./bot`, `/app/server`, `target/release/bot`).
        case builtBinary
    }

    public var kind: Kind
    /// As written, relative to the command's directory; "." for the directory itself.
    public var path: String
    /// Binary, product, artisan command, rake task or `rails runner` code, when given.
    public var name: String?
    public var args: [String]

    public init(kind: Kind, path: String, name: String? = nil, args: [String] = []) {
        self.kind = kind
        self.path = path
        self.name = name
        self.args = args
    }
}
