/// Where an effective setting came from, for `botlint config --show`.
public enum SettingOrigin: Hashable, Sendable, CustomStringConvertible {
    case builtIn
    /// A key in a config file (`.botlint.toml:3:1`).
    case file(SourceLocation)
    /// A command-line flag (`--fail-on`).
    case flag(String)

    public var description: String {
        switch self {
        case .builtIn: "default"
        case .file(let location): location.description
        case .flag(let name): name
        }
    }
}

public struct Setting<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var origin: SettingOrigin

    public init(_ value: Value, _ origin: SettingOrigin) {
        self.value = value
        self.origin = origin
    }
}

/// Facts about one or more runners that the repository cannot show (`[[runners]]`).
public struct RunnerFact: Sendable, Hashable {
    public var selector: RunnerSelector
    /// How many copies really run (`fly scale count`); 0 = not deployed or scaled to zero.
    public var instances: Int?
    /// A name for the bot these runners use: runners with different names are different bots,
    /// runners with one name share it whatever their platform.
    public var bot: String?
    /// Why, in the user's words; shown by `config --show` and in instance reasons.
    public var reason: String?
    /// The `[[runners]]` table.
    public var location: SourceLocation
}

/// Variables set outside the repository (a dashboard, `fly secrets`) for some runners (`[env."…"]`).
public struct DashboardEnvironment: Sendable, Hashable {
    public var selector: RunnerSelector
    public var assignments: [EnvAssignment]
    public var location: SourceLocation
}

/// `[rules.per-file-ignores]`: findings of these rules in files matching the glob are dropped.
/// The way to silence findings in JSON files, which have no comments.
public struct PerFileIgnore: Sendable, Hashable {
    public var glob: PathGlob
    /// Rule ids; empty means every rule.
    public var rules: [String]
    public var location: SourceLocation
}

/// Everything that changes what botlint reports, after defaults, the config file and flags.
public struct Configuration: Sendable {
    /// The config file used, as shown to the user; nil when there is none.
    public var file: String?
    public var failOn = Setting(Severity.error, .builtIn)
    public var inlineSuppressions = Setting(true, .builtIn)
    /// Rule ids turned off, with where each was turned off.
    public var disabledRules: [String: SettingOrigin] = [:]
    /// Rule ids whose severity is changed.
    public var severities: [String: Setting<Severity>] = [:]
    public var excludedPaths: [Setting<PathGlob>] = []
    public var perFileIgnores: [PerFileIgnore] = []
    /// Local scripts, crontab lines and dev commands use a separate development bot.
    public var localUsesDevToken = Setting(false, .builtIn)
    public var runnerFacts: [RunnerFact] = []
    public var dashboardEnvironments: [DashboardEnvironment] = []

    public init() {}

    public func isEnabled(_ rule: String) -> Bool { disabledRules[rule] == nil }

    public func severity(of rule: any Rule) -> Setting<Severity> {
        severities[rule.id] ?? Setting(rule.defaultSeverity, .builtIn)
    }

    /// Whether a file (relative to the repository root) is left out of the listing.
    public func isExcluded(_ path: String) -> Bool {
        excludedPaths.contains { $0.value.matches(path) }
    }
}

/// Values given on the command line; they win over the config file.
public struct ConfigOverrides: Sendable {
    public var failOn: Severity?
    public var inlineSuppressions: Bool?

    public init(failOn: Severity? = nil, inlineSuppressions: Bool? = nil) {
        self.failOn = failOn
        self.inlineSuppressions = inlineSuppressions
    }
}

/// A config or baseline file botlint cannot use: exit code 2, with the file and line.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }
}
