/// What one C-like language adds to the shared walker: how it reads the environment and which
/// library calls receive updates.
protocol CFamilyDialect: Sendable {
    var syntax: CFamilySyntax { get }
    var language: SourceLanguage { get }
    /// Newlines end statements (Go, Kotlin, Swift, Rust expressions); else only `;` does.
    var newlineEndsStatements: Bool { get }
    /// An environment or settings read starting at `i` (`os.Getenv("X")`, `env::var("X")`,
    /// `config["Telegram:Token"]`): the value and the index after the read.
    func read(_ tokens: [CToken], at i: Int) -> (value: ValueExpr, end: Int)?
    /// Facts, bot objects and bindings that start at token `i`.
    func inspect(_ walker: inout CFamilyWalker, at i: Int)
}

/// Keywords of all C-like dialects that open control blocks rather than functions.
enum CFamilyKeywords {
    static let loops: Set<String> = ["for", "while", "loop", "foreach", "do", "repeat"]
    static let switches: Set<String> = ["switch", "match", "when", "select"]
    static let functionWords: Set<String> = ["func", "fn", "fun", "function", "def"]
    static let types: Set<String> = ["class", "struct", "impl", "object", "interface", "enum", "trait", "record",
                                     "extension", "namespace", "protocol", "actor"]
    static let control: Set<String> = ["if", "else", "for", "while", "switch", "catch", "synchronized", "using", "lock",
                                       "foreach", "return", "new", "match", "when", "try", "finally", "do", "guard",
                                       "unsafe", "async", "await", "throw", "case", "default", "fixed", "checked"]
}

extension CodeSummary {
    /// A language scanner's summary combined with what an earlier extractor found in the same
    /// file (Bot API URLs): the scanner's language and names, both sets of facts.
    static func merging(_ summary: CodeSummary, into existing: CodeSummary?) -> CodeSummary {
        guard let existing else { return summary }
        var merged = summary
        merged.facts = existing.facts + summary.facts
        return merged
    }
}
