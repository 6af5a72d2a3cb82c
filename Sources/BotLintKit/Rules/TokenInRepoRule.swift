/// BL401: a literal bot token in a file git tracks (or would track).
public struct TokenInRepoRule: Rule {
    public let id = "BL401"
    public let name = "token-in-repo"
    public let summary = "a literal bot token in a file git tracks (or would track)"
    public let defaultSeverity = Severity.error

    public init() {}

    public func check(_ topology: Topology) -> [Finding] {
        topology.tokenLiterals.map { literal in
            finding("A Telegram bot token (\(literal.redacted)) is written in \(literal.location.path). Anyone who can read "
                    + "the repository can run this bot, and any copy that polls takes its updates (409 Conflict for yours).",
                    at: literal.location,
                    fix: "Revoke the token in @BotFather (/revoke), then read the new one from an environment variable kept out "
                        + "of git (e.g. TELEGRAM_BOT_TOKEN in an untracked .env or the platform's secrets).",
                    token: literal.redacted)
        }
    }
}
