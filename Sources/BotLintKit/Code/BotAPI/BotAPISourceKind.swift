/// How a non-Python, non-JavaScript text file writes comments, variables and loops: enough to
/// read Bot API URLs in it. Documentation (`.md`, `.txt`, `.rst`, `.html`) has no kind.
struct BotAPISourceKind: Equatable, Sendable {
    enum LoopSyntax: Sendable {
        /// `while ...; do ... done` (shell, and shell embedded in YAML, Makefiles, Dockerfiles).
        case shell
        /// `for (...) { ... }`, `loop { }`, `while true { }`.
        case braces
        /// Loops this scanner cannot see (Ruby `loop do ... end`, config files).
        case none
    }

    var hashComments: Bool
    var slashComments: Bool
    /// `$VAR` / `${VAR}` are environment variables (shell, Make, Docker, compose/CI YAML).
    var shellVariables: Bool
    var loops: LoopSyntax
    /// Quotes may span lines (shell scripts, Go raw strings); elsewhere a line break ends an
    /// unterminated quote, so an apostrophe in YAML prose cannot hide the rest of the file.
    var multilineStrings = false

    static let shellScript = BotAPISourceKind(hashComments: true, slashComments: false, shellVariables: true, loops: .shell,
                                              multilineStrings: true)
    /// Shell inside another format: YAML `run:` steps, Makefile recipes, Dockerfile `RUN`.
    static let embeddedShell = BotAPISourceKind(hashComments: true, slashComments: false, shellVariables: true, loops: .shell)
    static let hashConfig = BotAPISourceKind(hashComments: true, slashComments: false, shellVariables: false, loops: .none)
    static let cStyle = BotAPISourceKind(hashComments: false, slashComments: true, shellVariables: false, loops: .braces)
    static let php = BotAPISourceKind(hashComments: true, slashComments: true, shellVariables: false, loops: .braces)
    static let json = BotAPISourceKind(hashComments: false, slashComments: false, shellVariables: false, loops: .none)

    private static let byExtension: [String: BotAPISourceKind] = {
        var table: [String: BotAPISourceKind] = [:]
        for ext in ["sh", "bash", "zsh", "ksh", "ash"] { table[ext] = .shellScript }
        for ext in ["mk", "yml", "yaml", "dockerfile"] { table[ext] = .embeddedShell }
        for ext in ["rb", "toml", "pl", "ps1", "r", "ini", "cfg", "conf", "tf", "hcl", "nix", "ex", "exs", "cr"] { table[ext] = .hashConfig }
        for ext in ["go", "java", "kt", "kts", "cs", "rs", "swift", "c", "h", "cc", "cpp", "hpp", "m", "mm",
                    "scala", "groovy", "gradle", "dart", "fs", "zig", "v"] { table[ext] = .cStyle }
        table["php"] = .php
        for ext in ["json", "jsonc", "json5"] { table[ext] = .json }
        return table
    }()

    private static let shellNames: Set<String> = ["makefile", "gnumakefile", "dockerfile", "containerfile", "procfile", "justfile"]

    /// The kind of a file by name; executable files without an extension are scripts.
    static func of(_ file: FileCandidate) -> BotAPISourceKind? {
        if file.lowercasedNameHasPrefix("dockerfile.") || file.lowercasedNameHasPrefix("procfile.") { return .embeddedShell }
        let ext = file.fileExtension
        if ext.isEmpty {
            if shellNames.contains(file.lowercasedName) { return .embeddedShell }
            return file.isExecutable ? .shellScript : nil
        }
        return byExtension[ext]
    }
}
