/// What a source expression evaluates to, as far as static reading can tell. Scanners resolve
/// what they can inside one file; the linker resolves `symbol`/`attribute` across imports.
public indirect enum ValueExpr: Hashable, Sendable, Codable {
    /// An environment variable (`os.getenv("X", "d")`, `process.env.X`, `config("X")`).
    case env(String, default: String?)
    /// A string or number literal, kept whole so token identity can be computed. Never printed.
    case literal(String)
    /// A name defined elsewhere: in this module (late) or imported (see `CodeSummary.imports`).
    case symbol(String)
    /// `base.name` where `base` is a module, a settings object or a config object.
    case attribute(base: String, name: String)
    /// Built from parts (f-strings, template literals, `+`): only literal pieces and env refs.
    case concat([ValueExpr])
    /// Anything else; the text is for messages.
    case unknown(String)

    /// Environment variables this value reads, in order of appearance.
    public var envNames: [String] {
        switch self {
        case .env(let name, _): [name]
        case .concat(let parts): parts.flatMap(\.envNames)
        default: []
        }
    }

    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    /// The base of `.attribute` values that name an application setting (Spring
    /// `@Value("${telegram.bot.token}")`, .NET `configuration["Telegram:Token"]`, Laravel
    /// `config('telegram.bots.mybot.token')`); the linker reads them from the settings files.
    public static let settingsBase = "@settings"

    /// A short, safe description for messages: env names, never literal values.
    public var displayName: String {
        switch self {
        case .env(let name, _): name
        case .literal(let value): TokenRedaction.redactIfToken(value)
        case .symbol(let name): name
        case .attribute(let base, let name): "\(base).\(name)"
        case .concat(let parts): parts.map(\.displayName).joined(separator: " + ")
        case .unknown(let text): text
        }
    }
}
