/// Scans Ruby sources for telegram-bot-ruby (`Telegram::Bot::Client.run(token) { |bot| bot.listen }`)
/// and the telegram-bot gem (Rails: `Telegram.bots_config`, `rake telegram:bot:poller`,
/// `telegram_webhook` routes), with tokens from `ENV`, and `require_relative` for reachability.
public struct RubyScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.fileExtension == "rb" || file.fileExtension == "rake"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let tokens = RubyLexer.tokens(file.bytes)
        var walker = CFamilyWalker(tokens: tokens, path: file.path, dialect: RubyDialect())
        var summary = walker.run()
        summary.imports = Self.requires(tokens, path: file.path)
        analysis.code = CodeSummary.merging(summary, into: analysis.code)
    }

    /// `require_relative "lib/bot"`, `require "./bot"`, `require "bot"` (tried under `lib/`).
    static func requires(_ tokens: [CToken], path: String) -> [ImportBinding] {
        var result: [ImportBinding] = []
        for (i, token) in tokens.enumerated() where token.isIdentifier("require_relative") || token.isIdentifier("require") {
            var k = i + 1
            if k < tokens.count, tokens[k].isPunctuator("(") { k += 1 }
            guard k < tokens.count, tokens[k].kind == .string else { continue }
            let module = token.text == "require_relative" || tokens[k].text.hasPrefix(".") ? "./" + tokens[k].text : tokens[k].text
            result.append(ImportBinding(localName: nil, module: module, importedName: "*",
                                        location: SourceLocation(path: path, line: token.line, column: token.column)))
        }
        return result
    }
}

extension RubyScanner: DeferrableExtractor {
    private static let markers = ["elegram"].map { Array($0.utf8) }

    public func scansEagerly(_ file: SourceFile) -> Bool { ByteSearch.containsAny(file.bytes, Self.markers) }
}

struct RubyDialect: CFamilyDialect {
    var syntax: CFamilySyntax { CFamilySyntax() }
    var language: SourceLanguage { .ruby }
    var newlineEndsStatements: Bool { true }

    /// `ENV["X"]`, `ENV.fetch("X")`, `ENV.fetch("X", "default")`.
    func read(_ tokens: [CToken], at i: Int) -> (value: ValueExpr, end: Int)? {
        guard i + 2 < tokens.count, tokens[i].isIdentifier("ENV") else { return nil }
        if tokens[i + 1].isPunctuator("["), tokens[i + 2].kind == .string { return (.env(tokens[i + 2].text, default: nil), i + 4) }
        guard tokens[i + 1].isPunctuator("."), tokens[i + 2].isIdentifier("fetch"), i + 4 < tokens.count else { return nil }
        var k = i + 3
        let parenthesized = tokens[k].isPunctuator("(")
        if parenthesized { k += 1 }
        guard k < tokens.count, tokens[k].kind == .string else { return nil }
        let name = tokens[k].text
        var fallback: String?
        if k + 2 < tokens.count, tokens[k + 1].isPunctuator(","), tokens[k + 2].kind == .string {
            fallback = tokens[k + 2].text
            k += 2
        }
        return (.env(name, default: fallback), k + (parenthesized ? 2 : 1))
    }

    func inspect(_ walker: inout CFamilyWalker, at i: Int) {
        let tokens = walker.tokens
        let name = tokens[i].text
        let afterDot = i > 0 && (tokens[i - 1].isPunctuator(".") || tokens[i - 1].isPunctuator("&."))
        switch name {
        case "run", "new":
            guard afterDot && isTelegramConstant(tokens, i - 2, "Client") else { break }
            walker.recordBot(.telegramBotRuby, token: firstArgument(walker, i), callStart: i - 6)
        case "listen":
            guard afterDot && !walker.builtTokens.isEmpty else { break }
            walker.addFact(.poll, .telegramBotRuby, api: "bot.listen", token: walker.token(ofReceiver: nil, library: .telegramBotRuby), at: i)
        case "fetch_updates":
            guard afterDot && walker.inLoop else { break }
            walker.addFact(.poll, .telegramBotRuby, api: "fetch_updates", token: walker.token(ofReceiver: nil, library: .telegramBotRuby), at: i)
        case "start":
            guard afterDot && isTelegramConstant(tokens, i - 2, "UpdatesPoller") else { break }
            walker.addFact(.poll, .telegramBotGem, api: "UpdatesPoller.start", token: gemToken(walker), at: i)
        case "bots_config", "bot_config":
            guard afterDot && i >= 2 && tokens[i - 2].isIdentifier("Telegram") else { break }
            botsConfig(&walker, i)
        case "telegram_webhook":
            guard !afterDot else { break }
            walker.addFact(.serveWebhook, .telegramBotGem, api: "telegram_webhook", token: gemToken(walker), at: i)
        case "set_webhook":
            guard afterDot else { break }
            let library: Library = walker.builtTokens.contains { $0.library == .telegramBotRuby } ? .telegramBotRuby : .telegramBotGem
            let token = library == .telegramBotGem ? gemToken(walker) : walker.token(ofReceiver: nil, library: library)
            walker.addFact(.setWebhook, library, api: "set_webhook", token: token, at: i)
        case "delete_webhook":
            guard afterDot else { break }
            let library: Library = walker.builtTokens.contains { $0.library == .telegramBotRuby } ? .telegramBotRuby : .telegramBotGem
            let token = library == .telegramBotGem ? gemToken(walker) : walker.token(ofReceiver: nil, library: library)
            walker.addFact(.deleteWebhook, library, api: "delete_webhook", token: token, at: i)
        default:
            break
        }
    }

    /// `Telegram::Bot::Client` ending at `end`.
    private func isTelegramConstant(_ tokens: [CToken], _ end: Int, _ last: String) -> Bool {
        end >= 4 && tokens[end].isIdentifier(last) && tokens[end - 1].isPunctuator("::") && tokens[end - 2].isIdentifier("Bot")
            && tokens[end - 3].isPunctuator("::") && tokens[end - 4].isIdentifier("Telegram")
    }

    /// `run(token)` or `run token do |bot|`.
    private func firstArgument(_ walker: CFamilyWalker, _ i: Int) -> ValueExpr {
        let tokens = walker.tokens
        guard i + 1 < tokens.count else { return .unknown("Client") }
        if tokens[i + 1].isPunctuator("(") { return walker.arguments(i + 1).first.map(walker.value(in:)) ?? .unknown("Client") }
        var end = i + 1
        while end < tokens.count, !tokens[end].newlineBefore, !tokens[end].isPunctuator(","), !tokens[end].isPunctuator("{") { end += 1 }
        return end > i + 1 ? walker.value(in: (i + 1)..<end) : .unknown("Client")
    }

    /// The telegram-bot gem's default bot: `Telegram.bots_config = { default: ENV["X"] }` in any
    /// file of the app; else the Rails credentials, which the repository does not show.
    private func gemToken(_ walker: CFamilyWalker) -> ValueExpr {
        walker.builtTokens.first { $0.library == .telegramBotGem }?.token ?? .symbol(CFamilyWalker.moduleBotKey(.telegramBotGem))
    }

    /// `Telegram.bots_config = { default: token }`: the gem's rake tasks use this bot.
    /// `rake telegram:bot:poller` polls it, `rake telegram:bot:set_webhook` sets its webhook.
    private func botsConfig(_ walker: inout CFamilyWalker, _ i: Int) {
        let tokens = walker.tokens
        guard i + 2 < tokens.count, tokens[i + 1].isPunctuator("=") else { return }
        var token: ValueExpr = .unknown("Telegram.bots_config")
        if tokens[i + 2].isPunctuator("{"), let entry = walker.arguments(i + 2).first(where: { range in
            range.count >= 3 && (tokens[range.lowerBound].isIdentifier("default") || tokens[range.lowerBound].kind == .string)
        }) {
            token = walker.value(in: (entry.lowerBound + 2)..<entry.upperBound)
        } else {
            token = walker.value(in: (i + 2)..<walker.expressionEnd(from: i + 2))
        }
        walker.recordBot(.telegramBotGem, token: token, callStart: i)
        walker.addFact(.poll, .telegramBotGem, api: "rake telegram:bot:poller", token: token, at: i,
                       condition: .argument("telegram:bot:poller"))
        walker.addFact(.setWebhook, .telegramBotGem, api: "rake telegram:bot:set_webhook", token: token, at: i,
                       condition: .argument("telegram:bot:set_webhook"))
    }
}
