/// The other half of a conflict, or a step in how botlint got there.
public struct RelatedLocation: Hashable, Sendable, Codable {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// One problem, reported at one primary location.
public struct Finding: Hashable, Sendable, Codable {
    public var rule: String
    public var name: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var related: [RelatedLocation]
    public var fix: String?
    /// How the token is shown: a variable name and/or a redacted value, never a full token.
    public var token: String?

    public init(rule: String, name: String, severity: Severity, message: String,
                location: SourceLocation, related: [RelatedLocation] = [], fix: String? = nil,
                token: String? = nil) {
        self.rule = rule
        self.name = name
        self.severity = severity
        self.message = message
        self.location = location
        self.related = related
        self.fix = fix
        self.token = token
    }

    /// Deterministic order: file, line, column, rule, message.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        (a.location.path, a.location.line, a.location.column, a.rule, a.message)
            < (b.location.path, b.location.line, b.location.column, b.rule, b.message)
    }
}

/// Something botlint wants the user to know that is not a finding (a file it skipped).
public struct Note: Hashable, Sendable, Codable {
    public var path: String?
    public var message: String

    public init(path: String?, message: String) {
        self.path = path
        self.message = message
    }
}

/// A deploy/config file that could not be parsed (reported as BL901).
public struct ParseProblem: Hashable, Sendable, Codable {
    public var location: SourceLocation
    /// "TOML", "YAML", "JSON", "Procfile", ...
    public var format: String
    public var message: String

    public init(location: SourceLocation, format: String, message: String) {
        self.location = location
        self.format = format
        self.message = message
    }
}
