/// What botlint inferred about a repository: every runner, the processes it starts, the code
/// each process reaches and what that code does with which token. Rules only read this.
public struct Topology: Sendable {
    public var runners: [Runner]
    /// Every env file of the repository, loaded by a runner or not.
    public var envFiles: [EnvFile] = []
    public var tokenLiterals: [TokenLiteral]
    public var problems: [ParseProblem]
    public var notes: [Note]

    public init(runners: [Runner], tokenLiterals: [TokenLiteral], problems: [ParseProblem], notes: [Note]) {
        self.runners = runners
        self.tokenLiterals = tokenLiterals
        self.problems = problems
        self.notes = notes
    }
}

/// One way processes get started (a fly process group, a Procfile type, a script, a cron line).
public struct Runner: Sendable, Hashable {
    public var decl: RunnerDecl
    /// Human name used in messages: `fly app "x", process group "worker"`.
    public var title: String
    /// The command after platform defaults (Dockerfile CMD, Procfile web, `npm start`).
    public var command: String?
    /// Where the effective command is written (may be a Dockerfile when the platform uses CMD).
    public var commandLocation: SourceLocation?
    public var env: EnvScope
    public var processes: [Process]

    public var platform: Platform { decl.platform }
    public var lifetime: Lifetime { decl.lifetime }
    public var instances: Instances { decl.instances }
    public var location: SourceLocation { decl.location }
    public var isLongRunning: Bool { decl.lifetime == .longRunning }
}

/// A process a runner starts: one resolved command line, the entry it executes and what that
/// entry's reachable code receives.
public struct Process: Sendable, Hashable {
    public var launch: ResolvedLaunch
    /// The command as written (`python bot.py`), for messages.
    public var commandText: String
    public var location: SourceLocation
    public var entry: Entry?
    /// Copies started by this one line (a `for` loop, a Django reloader): usually 1.
    public var copies: Instances
    /// Web server worker processes; each loads the app.
    public var workers: Instances?
    public var background: Bool
    public var singleInstanceGuard: SingleInstanceGuard?
    public var env: EnvScope
    public var argv: [String]
    public var receivers: [Receiver]
}

public enum EntryKind: String, Sendable, Hashable {
    /// Run as `__main__` / the node main module.
    case script
    /// Imported by a server that loads an app (gunicorn, uvicorn, Django, Flask).
    case webApp
    /// A Django management command (`manage.py runbot`).
    case djangoCommand
}

public struct Entry: Sendable, Hashable {
    public var path: String
    public var kind: EntryKind
    /// `gunicorn`, `uvicorn`, `django runserver`, `flask run` for web apps.
    public var server: String?
    /// Files whose code the process loads, entry first.
    public var reachable: [String]
}

/// A receiving call that the process executes, evaluated in the process's environment.
public struct Receiver: Sendable, Hashable {
    public var fact: CodeFact
    public var token: TokenIdentity
    /// Condition from the entry down to the call (call sites included).
    public var condition: Condition
    public var active: Truth
    /// Starts when the app is imported (module level, `AppConfig.ready`, an app factory).
    public var importTime: Bool
    /// Starts in a startup hook of a web app: once per worker.
    public var perWorker: Bool
    /// Call sites from the entry down to the call, for related locations.
    public var via: [SourceLocation]
    /// The URL a setWebhook/serveWebhook call registers, resolved across files.
    public var webhookURL: ValueExpr?
    /// A file the process loads passes or checks a webhook secret.
    public var secretChecked = false

    public var kind: ReceiveKind { fact.kind }
}

/// Which bot a token expression means. Values come first (the digits before the colon are the
/// bot id); otherwise the variable name in the runner's scope; otherwise the expression itself.
public struct TokenIdentity: Sendable, Hashable {
    public var variable: String?
    /// The bot id when the value is visible (an env file, a literal).
    public var botID: String?
    /// Redacted value (`123456789:AA…xY`) when visible.
    public var redacted: String?
    /// For tokens that are neither: the file and expression they come from.
    public var expression: String?
    /// Where a deployed runner's secrets live (`fly:app`, `railway:production`); nil for local
    /// runs, whose shell or .env may hold any token.
    public var store: String?
    /// A bot named in `.botlint.toml` (`[[runners]] bot`, `local-uses-dev-token`): it decides
    /// over the store, and a named bot is never an unnamed one.
    public var declaredBot: String?

    public var display: String {
        switch (variable, redacted) {
        case let (v?, r?): "\(v) (\(r))"
        case let (v?, nil): v
        case let (nil, r?): r
        case (nil, nil): expression.map { "token from \($0)" } ?? "unknown token"
        }
    }

    /// Whether two identities are the same bot as far as the repository shows.
    public func sameBot(as other: TokenIdentity) -> Bool {
        if let a = botID, let b = other.botID { return a == b }
        if declaredBot != nil || other.declaredBot != nil {
            guard declaredBot == other.declaredBot else { return false }
            if let a = variable, let b = other.variable { return a == b }
        }
        if let a = variable, let b = other.variable {
            guard a == b else { return false }
            // Two fly apps (or two Railway environments) keep separate secrets: production and
            // staging usually hold different bots under one variable name. Different platforms
            // are more often a migration that copied the token, so they count as the same bot.
            if let sa = store, let sb = other.store, sa != sb,
               sa.split(separator: ":").first == sb.split(separator: ":").first {
                return false
            }
            return true
        }
        if let a = expression, let b = other.expression { return a == b }
        return false
    }
}
