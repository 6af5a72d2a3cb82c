/// Names runners in `.botlint.toml`: `fly:APP[/GROUP]`, `railway:SERVICE[/ENVIRONMENT]`,
/// `procfile:TYPE`, `npm:SCRIPT`, `script:PATH`, `cron:PATH`, or the file (and line) that
/// declares the runner: `deploy/Procfile:3`. Names take `*` and `?`; a path names a folder too.
public struct RunnerSelector: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case fly, railway, procfile, npm, script, cron
    }

    public let text: String
    let kind: Kind?
    let glob: PathGlob
    let line: Int?

    public var description: String { text }

    /// A failure says what a selector looks like.
    public static func parse(_ text: String) -> Result<RunnerSelector, ConfigError> {
        let invalid = ConfigError("'\(text)' is not a runner: use fly:APP[/GROUP], railway:SERVICE[/ENVIRONMENT], "
                                  + "procfile:TYPE, npm:SCRIPT, script:PATH, cron:PATH or PATH[:LINE]")
        if let colon = text.firstIndex(of: ":"), let kind = Kind(rawValue: String(text[..<colon])) {
            guard let glob = PathGlob(String(text[text.index(after: colon)...])) else { return .failure(invalid) }
            return .success(RunnerSelector(text: text, kind: kind, glob: glob, line: nil))
        }
        var path = Substring(text)
        var line: Int?
        if let colon = text.lastIndex(of: ":") {
            guard let number = Int(text[text.index(after: colon)...]), number > 0 else { return .failure(invalid) }
            line = number
            path = text[..<colon]
        }
        guard let glob = PathGlob(String(path)) else { return .failure(invalid) }
        return .success(RunnerSelector(text: text, kind: nil, glob: glob, line: line))
    }

    public func matches(_ decl: RunnerDecl) -> Bool {
        guard let kind else {
            return glob.matches(decl.location.path) && (line == nil || line == decl.location.line)
        }
        switch (kind, decl.kind) {
        case (.fly, .flyProcess): return glob.matches((decl.group ?? "") + "/" + decl.name)
        case (.fly, .flyReleaseCommand): return glob.matches((decl.group ?? "") + "/release_command")
        case (.railway, .railwayService):
            return glob.matches((decl.group ?? decl.name) + "/" + (decl.settings["environment"] ?? "production"))
        case (.procfile, .procfileProcess): return glob.matches(decl.name)
        case (.npm, .packageScript): return glob.matches(decl.name)
        case (.script, .startScript), (.cron, .cronEntry): return glob.matches(decl.location.path)
        default: return false
        }
    }

    /// Start scripts become runners only while linking; their env is set through the script.
    func matchesScript(at path: String) -> Bool {
        switch kind {
        case .script: glob.matches(path)
        case nil: line == nil && glob.matches(path)
        default: false
        }
    }
}
