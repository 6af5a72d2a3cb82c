/// Where a runner runs. Deployed platforms keep a bot running; local ones are started by people.
public enum Platform: String, Sendable, Codable, CaseIterable {
    case fly, railway
    /// A Procfile or app.json: Heroku, Dokku, Scalingo, or honcho/foreman on a laptop.
    case heroku
    /// Start scripts and package.json dev scripts: run by hand.
    case local
    /// A crontab line (a developer's machine or a server).
    case cron
    /// docker compose on a server (`docker compose up -d`), swarm included.
    case compose
    /// A Render blueprint (`render.yaml`).
    case render
    /// Kubernetes manifests and Helm values.
    case kubernetes
    /// A Dockerfile that no config here deploys: a platform dashboard builds and runs it.
    case container
    /// Process managers on one machine, started by whoever owns it.
    case pm2, systemd, supervisord, launchd
    /// A GitHub Actions workflow job: started by a trigger, stopped by `timeout-minutes`.
    case githubActions

    public var isDeployed: Bool {
        switch self {
        case .fly, .railway, .heroku, .compose, .render, .kubernetes, .container, .githubActions: true
        case .local, .cron, .pm2, .systemd, .supervisord, .launchd: false
        }
    }

    public var displayName: String {
        switch self {
        case .fly: "Fly.io"
        case .railway: "Railway"
        case .heroku: "Procfile"
        case .local: "local"
        case .cron: "cron"
        case .compose: "docker compose"
        case .render: "Render"
        case .kubernetes: "Kubernetes"
        case .container: "container image"
        case .pm2: "pm2"
        case .systemd: "systemd"
        case .supervisord: "supervisord"
        case .launchd: "launchd"
        case .githubActions: "GitHub Actions"
        }
    }
}

public enum RunnerKind: String, Sendable, Codable, CaseIterable {
    case flyProcess, flyReleaseCommand
    case railwayService
    case procfileProcess
    case startScript
    case cronEntry
    case packageScript
    case composeService
    case renderService
    /// A Deployment, StatefulSet, DaemonSet or Helm values block.
    case kubernetesWorkload
    case kubernetesCronJob
    case pm2App
    case systemdUnit
    case supervisorProgram
    case launchdJob
    /// The CMD of a Dockerfile no config here deploys.
    case containerImage
    /// A job of a `.github/workflows/*.yml` workflow whose `run:` steps start something.
    case githubActionsJob
    /// A Makefile target whose recipe starts something (`make run`).
    case makeTarget
}

/// A platform behaviour a rule reads, with where the configuration asks for it: a deploy that
/// runs old and new instances together, machines stopped while no HTTP request arrives.
public struct PlatformBehavior: Hashable, Sendable, Codable {
    /// In words for messages: `fly deploy strategy "canary" boots a new machine beside the old ones`.
    public var reason: String
    public var location: SourceLocation
    /// How to turn it off, in the platform's own words (`strategy = "immediate"`).
    public var fix: String

    public init(reason: String, location: SourceLocation, fix: String) {
        self.reason = reason
        self.location = location
        self.fix = fix
    }
}

public enum Lifetime: Hashable, Sendable, Codable {
    /// Started once and expected to keep running (a service, `@reboot`, a start script).
    case longRunning
    /// Started again and again on a schedule (cron expression or Railway cronSchedule).
    case scheduled(String)
    /// Runs to completion once per deploy (Procfile `release:`, fly `release_command`).
    case oneShot
}

/// How many copies of a runner run at once. `count == nil`: the repository does not say.
public struct Instances: Hashable, Sendable, Codable {
    public var count: Int?
    /// Why botlint believes this count, in words for messages ("numReplicas = 2").
    public var reason: String?
    public var location: SourceLocation?

    public init(count: Int?, reason: String? = nil, location: SourceLocation? = nil) {
        self.count = count
        self.reason = reason
        self.location = location
    }

    public static let one = Instances(count: 1)
    public static let unknown = Instances(count: nil)
}

/// Something that keeps a second copy from starting (`flock -n`, `pgrep` check, pid file).
public struct SingleInstanceGuard: Hashable, Sendable, Codable {
    /// `systemd`: a unit, launchd job or pm2 app is never started twice while it runs.
    /// `concurrencyPolicy`: a Kubernetes CronJob with `Forbid`/`Replace`, a GitHub Actions
    /// `concurrency:` group, or a job timeout shorter than its schedule's interval.
    public enum Kind: String, Sendable, Codable, CaseIterable { case flock, pgrep, pidFile, pkill, systemd, concurrencyPolicy }
    public var kind: Kind
    public var location: SourceLocation

    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// A way a process gets started, as one deploy/launch file declares it. The linker resolves its
/// command to entries and code.
public struct RunnerDecl: Hashable, Sendable, Codable {
    public var kind: RunnerKind
    public var platform: Platform
    /// The process/service name within its group: Procfile type, fly process group, script name.
    public var name: String
    /// Fly app name, Railway service name (folder); nil when there is none.
    public var group: String?
    /// Shell command line; nil means "the platform's default command" (Dockerfile CMD, Procfile).
    public var command: String?
    public var commandLocation: SourceLocation?
    public var instances: Instances
    public var lifetime: Lifetime
    /// Variables the declaration sets inline (fly `[env]`, an env prefix, app.json `env`).
    public var env: [EnvAssignment]
    /// Env files it is known to load (relative to the repository root).
    public var envFiles: [String]
    /// Working directory, relative to the repository root ("" for the root).
    public var directory: String
    /// The declaration itself (table, line, key).
    public var location: SourceLocation
    /// Receives inbound HTTP (fly services for this process group, a Procfile `web`).
    public var servesHTTP: Bool
    public var singleInstanceGuard: SingleInstanceGuard?
    /// Old and new instances run side by side during a deploy (BL201).
    public var deployOverlap: PlatformBehavior?
    /// The platform stops the runner while no inbound HTTP arrives (BL202).
    public var stopsWhenIdle: PlatformBehavior?
    /// Platform settings rules read: `deploy.strategy`, `overlapSeconds`, `release_command`,
    /// `auto_stop_machines`, `dockerfile`, ... Keys are documented by the extractor.
    public var settings: [String: String]

    public init(kind: RunnerKind, platform: Platform, name: String, group: String? = nil,
                command: String?, commandLocation: SourceLocation? = nil,
                instances: Instances = .unknown, lifetime: Lifetime = .longRunning,
                env: [EnvAssignment] = [], envFiles: [String] = [], directory: String,
                location: SourceLocation, servesHTTP: Bool = false,
                singleInstanceGuard: SingleInstanceGuard? = nil, settings: [String: String] = [:],
                deployOverlap: PlatformBehavior? = nil, stopsWhenIdle: PlatformBehavior? = nil) {
        self.kind = kind
        self.platform = platform
        self.name = name
        self.group = group
        self.command = command
        self.commandLocation = commandLocation
        self.instances = instances
        self.lifetime = lifetime
        self.env = env
        self.envFiles = envFiles
        self.directory = directory
        self.location = location
        self.servesHTTP = servesHTTP
        self.singleInstanceGuard = singleInstanceGuard
        self.settings = settings
        self.deployOverlap = deployOverlap
        self.stopsWhenIdle = stopsWhenIdle
    }
}

/// A Dockerfile's final stage, for platforms that run the image's default command.
public struct DockerfileInfo: Hashable, Sendable, Codable {
    /// The effective command line (ENTRYPOINT + CMD joined, exec form rendered as words).
    public var command: String?
    public var commandLocation: SourceLocation?
    /// `ENV` values in the final stage.
    public var env: [EnvAssignment]
    /// `WORKDIR` relative to the image root, for display only.
    public var workdir: String?
    /// Programs compiled by `RUN` in any stage (`go build -o /bot ./cmd/bot`), so a CMD that
    /// starts `/bot` resolves to its sources.
    public var builtPrograms: [BuiltProgram]

    public init(command: String?, commandLocation: SourceLocation?, env: [EnvAssignment], workdir: String?,
                builtPrograms: [BuiltProgram] = []) {
        self.command = command
        self.commandLocation = commandLocation
        self.env = env
        self.workdir = workdir
        self.builtPrograms = builtPrograms
    }
}

/// A builder's configured start command (`nixpacks.toml` `[start] cmd`), which a platform that
/// builds with it runs when its own config gives no command.
public struct BuildPlan: Hashable, Sendable, Codable {
    /// `NIXPACKS`, as Railway's `build.builder` names it.
    public var builder: String
    public var command: String?
    public var commandLocation: SourceLocation?
    /// Variables the builder sets in the image (`[variables]`).
    public var env: [EnvAssignment]

    public init(builder: String, command: String?, commandLocation: SourceLocation?, env: [EnvAssignment]) {
        self.builder = builder
        self.command = command
        self.commandLocation = commandLocation
        self.env = env
    }
}

/// A program a Dockerfile `RUN` compiles: `go build -o bot ./cmd/bot`, `cargo build --release --bin bot`,
/// `dotnet publish Bot/Bot.csproj`, `swift build -c release --product Bot`.
public struct BuiltProgram: Hashable, Sendable, Codable {
    /// The output's file name (`bot`, `Bot.dll`).
    public var output: String
    /// How the sources are named, relative to the Dockerfile's folder.
    public var launch: ProgramLaunch

    public init(output: String, launch: ProgramLaunch) {
        self.output = output
        self.launch = launch
    }
}

/// `package.json`: what `npm start`/`npm run X` and a bare `node .` run.
public struct PackageManifest: Hashable, Sendable, Codable {
    public var name: String?
    public var main: String?
    public var scripts: [String: String]
    public var scriptLocations: [String: SourceLocation]
    public var dependencies: Set<String>

    public init(name: String?, main: String?, scripts: [String: String],
                scriptLocations: [String: SourceLocation], dependencies: Set<String>) {
        self.name = name
        self.main = main
        self.scripts = scripts
        self.scriptLocations = scriptLocations
        self.dependencies = dependencies
    }
}
