/// Dotenv files (`.env`, `.env.production`, `prod.env`, `.env.example`) and direnv's `.envrc`.
///
/// Templates (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `example.env`,
/// `env.example`, ...) document variables and are never loaded: kind `.template`.
/// `.env.defaults` is loaded by dotenv-defaults, so it is an ordinary `.dotenv` file.
public struct DotEnvExtractor: Extractor {
    static let templateMarkers: Set<String> = ["example", "examples", "sample", "template", "tmpl", "tpl", "dist", "schema"]
    /// `.env.js`, `.env.ts`, `config.env.json`, ... are code or other formats read by their own tools.
    static let otherFormats: Set<String> = [
        "js", "mjs", "cjs", "ts", "mts", "cts", "json", "py", "rb", "go", "swift", "php",
        "yml", "yaml", "toml", "md", "txt", "sh", "bash", "ps1", "bat", "gpg", "enc", "age", "vault",
    ]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        let name = file.name
        if name == ".env" || name == ".envrc" { return true }
        // Every name accepted below contains "env".
        guard PathUtil.containsIgnoringCase(name, "env") else { return false }
        let parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        guard let last = parts.last, !Self.otherFormats.contains(last) else { return false }
        if name.hasPrefix(".env.") || name.hasSuffix(".env") { return true }
        return parts.first == "env" && parts.count == 2 && Self.templateMarkers.contains(last)
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let parser = DotEnvParser(commandsAllowed: file.name == ".envrc")
        let (assignments, problems) = parser.parse(file.text, path: file.path)
        analysis.problems += problems
        analysis.envFile = EnvFile(path: file.path, kind: kind(of: file.name), assignments: assignments)
    }

    private func kind(of name: String) -> EnvFileKind {
        let parts = name.lowercased().split(separator: ".").map(String.init)
        return parts.contains(where: Self.templateMarkers.contains) ? .template : .dotenv
    }
}
