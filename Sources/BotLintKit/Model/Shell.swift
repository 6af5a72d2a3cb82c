/// A loop around a command in a shell script.
public enum ShellLoop: Hashable, Sendable, Codable {
    /// `while true; do cmd; done`: restarts the command when it exits (still one copy).
    case restart
    /// `for i in 1 2 3; do cmd & done`: starts it `count` times (nil: unknown count).
    case repeated(count: Int?)
}

/// One simple command in a script or a command line, after quote removal.
public struct ShellCommand: Hashable, Sendable, Codable {
    /// Words after quote removal; `$VAR`/`${VAR}` with a value known in the script are expanded,
    /// others are kept as written.
    public var argv: [String]
    /// `VAR=value cmd` and `env VAR=value cmd`.
    public var envPrefix: [EnvAssignment]
    /// Ends with `&`, or wrapped by `nohup ... &`, `setsid`, `screen -dm`, `tmux new -d`, `disown`.
    public var background: Bool
    /// Started with `exec`: replaces the shell.
    public var isExec: Bool
    /// `cd dir` in effect when it runs, relative to the script's directory ("" = unchanged).
    public var directory: String
    /// The if-conditions it sits under (`if [ "$MODE" = "poll" ]`), when understood.
    public var condition: Condition
    public var loop: ShellLoop?
    /// `flock -n`, or a `pgrep`/pid-file/`pkill` check earlier in the script.
    public var singleInstanceGuard: SingleInstanceGuard?
    public var location: SourceLocation

    public init(argv: [String], envPrefix: [EnvAssignment] = [], background: Bool = false,
                isExec: Bool = false, directory: String = "", condition: Condition = .always,
                loop: ShellLoop? = nil, singleInstanceGuard: SingleInstanceGuard? = nil,
                location: SourceLocation) {
        self.argv = argv
        self.envPrefix = envPrefix
        self.background = background
        self.isExec = isExec
        self.directory = directory
        self.condition = condition
        self.loop = loop
        self.singleInstanceGuard = singleInstanceGuard
        self.location = location
    }
}

/// A parsed shell script or command line.
public struct ShellScript: Hashable, Sendable, Codable {
    public var commands: [ShellCommand]
    /// `export VAR=value` and plain `VAR=value` lines, in order.
    public var exports: [EnvAssignment]
    /// `source .env` / `. ./.env` / `set -a; . file`: files whose variables the script loads.
    public var sourcedFiles: [String]

    public init(commands: [ShellCommand] = [], exports: [EnvAssignment] = [], sourcedFiles: [String] = []) {
        self.commands = commands
        self.exports = exports
        self.sourcedFiles = sourcedFiles
    }
}
