/// One `NAME=value` that a file or a platform config gives a process.
public struct EnvAssignment: Hashable, Sendable, Codable {
    public var name: String
    /// nil: the name is declared but its value is not in the repository (a secret, `${VAR}`).
    public var value: String?
    public var location: SourceLocation?

    public init(name: String, value: String?, location: SourceLocation?) {
        self.name = name
        self.value = value
        self.location = location
    }
}

public enum EnvFileKind: String, Sendable, Codable {
    /// `.env`, `.env.production`, `prod.env`: loaded by something.
    case dotenv
    /// `.env.example`, `.env.sample`, `.env.template`: documentation, never loaded.
    case template
}

public struct EnvFile: Hashable, Sendable, Codable {
    public var path: String
    public var kind: EnvFileKind
    public var assignments: [EnvAssignment]

    public init(path: String, kind: EnvFileKind, assignments: [EnvAssignment]) {
        self.path = path
        self.kind = kind
        self.assignments = assignments
    }
}

/// The variables a runner is known to get. Anything not in it is unknown (a dashboard secret,
/// the developer's shell), never "absent".
public struct EnvScope: Hashable, Sendable {
    public private(set) var values: [String: EnvAssignment] = [:]
    /// Where the values came from, in load order, for `botlint topology`.
    public private(set) var sources: [String] = []

    public init() {}

    public init(_ assignments: [EnvAssignment], source: String) {
        merge(assignments, source: source)
    }

    /// Later sources win, like a shell `export` after `source .env`.
    public mutating func merge(_ assignments: [EnvAssignment], source: String) {
        guard !assignments.isEmpty else { return }
        for a in assignments { values[a.name] = a }
        if !sources.contains(source) { sources.append(source) }
    }

    /// Fills only names not already known (python-dotenv and dotenv do not override).
    public mutating func mergeDefaults(_ assignments: [EnvAssignment], source: String) {
        guard !assignments.isEmpty else { return }
        for a in assignments where values[a.name] == nil { values[a.name] = a }
        if !sources.contains(source) { sources.append(source) }
    }

    public mutating func merge(_ other: EnvScope) {
        for (k, v) in other.values { values[k] = v }
        for s in other.sources where !sources.contains(s) { sources.append(s) }
    }

    public subscript(name: String) -> EnvAssignment? { values[name] }

    /// The known value of a variable, or nil when the repository does not tell.
    public func value(of name: String) -> String? { values[name]?.value }
}
