/// One `botlint: disable=…` or `botlint: disable-file=…` comment.
public struct Suppression: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        /// `disable-file`: the whole file.
        case file
        /// The declaration after the comment, or the line the comment trails.
        case lines(ClosedRange<Int>)
        /// An own-line comment with nothing after it: it can suppress nothing.
        case nothing
    }

    /// Rule ids, resolved from ids or names.
    public var rules: [String]
    /// `disable=all`.
    public var coversAllRules: Bool
    /// Ids that name no rule (reported as unused).
    public var unknownRules: [String]
    public var scope: Scope
    public var reason: String?
    /// The comment itself.
    public var location: SourceLocation
    /// The comment as written, for messages (`# botlint: disable=BL101`).
    public var text: String
    /// Set when the comment starts with `botlint:` but is not a directive botlint reads.
    public var problem: String?

    public func covers(_ finding: Finding) -> Bool {
        guard problem == nil, finding.location.path == location.path,
              coversAllRules || rules.contains(finding.rule) else { return false }
        switch scope {
        case .file: return true
        case .lines(let range): return range.contains(finding.location.line)
        case .nothing: return false
        }
    }
}

/// How a file writes comments and what "the next declaration" is in it.
enum CommentSyntax: Equatable {
    /// `#` comments: Procfile, TOML, YAML, .env, shell, crontab, Python, Dockerfile.
    case hash(DeclarationShape)
    /// `//` and `/* */`: JavaScript, TypeScript, Go, ...
    case slashes
    /// `<!-- -->`: Markdown and HTML, whose code blocks must not count as comments.
    case markup
    /// JSON has no comments.
    case none

    enum DeclarationShape: Equatable {
        /// One line: Procfile, crontab, .env.
        case line
        /// A line and its backslash continuations: shell, Dockerfile.
        case continuedLine
        /// A `[table]` through the next header, or a key with its (multi-line) value.
        case toml
        /// A line and the lines indented under it.
        case yaml
        /// A statement; a compound one (`def`, `if`, decorators) with its indented block.
        case python
    }

    static let braceExtensions: Set<String> = [
        "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "go", "rs", "java", "kt", "kts", "swift",
        "c", "h", "cc", "cpp", "hpp", "cs", "php", "dart", "scala", "groovy",
    ]
    static let shellExtensions: Set<String> = ["sh", "bash", "zsh", "ksh", "rb", "pl", "ps1", "r"]

    static func of(_ file: SourceFile) -> CommentSyntax {
        let name = file.name
        let ext = PathUtil.fileExtension(name)
        if ext == "json" { return .none }
        if ["md", "markdown", "html", "htm", "xml"].contains(ext) { return .markup }
        if braceExtensions.contains(ext) { return .slashes }
        if ext == "py" || ext == "pyw" { return .hash(.python) }
        if ext == "toml" { return .hash(.toml) }
        if ext == "yml" || ext == "yaml" { return .hash(.yaml) }
        if ProcfileExtractor().accepts(path: file.path, name: name, isExecutable: false)
            || CrontabExtractor.kind(path: file.path, name: name) != nil { return .hash(.line) }
        if name == ".envrc" || DockerfileExtractor().accepts(path: file.path, name: name, isExecutable: false)
            || shellExtensions.contains(ext) || name == "Makefile" { return .hash(.continuedLine) }
        if DotEnvExtractor().accepts(path: file.path, name: name, isExecutable: false) { return .hash(.line) }
        if ext.isEmpty, file.bytes.starts(with: Array("#!".utf8)) {
            let shebang = FindingFingerprint.line(1, of: file.bytes) ?? ""
            if shebang.contains("python") { return .hash(.python) }
            if shebang.contains("node") || shebang.contains("deno") || shebang.contains("bun") { return .slashes }
            return .hash(.continuedLine)
        }
        // Other text (ini files, requirements, notes): `#` comments, one line.
        return .hash(.line)
    }
}
