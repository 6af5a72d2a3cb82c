/// Scans Java and Kotlin sources for TelegramBots (rubenlagus): v6 bot classes
/// (`extends TelegramLongPollingBot` / `TelegramWebhookBot`, registered by `TelegramBotsApi` or
/// the Spring starter) and v7+ applications (`TelegramBotsLongPollingApplication.registerBot`,
/// `SpringLongPollingBot`), with tokens from `getBotToken()`, `System.getenv` and `@Value`.
public struct JVMScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.fileExtension == "java" || file.fileExtension == "kt"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let kotlin = file.name.hasSuffix(".kt")
        let tokens = CFamilyLexer.tokens(file.bytes, syntax: kotlin ? .kotlin : .java)
        let dialect = JVMDialect(kotlin: kotlin,
                                 longPollingApplication: tokens.contains { $0.isIdentifier("TelegramBotsLongPollingApplication") },
                                 webhookApplication: tokens.contains { $0.isIdentifier("TelegramBotsWebhookApplication") },
                                 declaresWebhookBot: tokens.contains { JVMDialect.webhookBots.contains($0.text) })
        var walker = CFamilyWalker(tokens: tokens, path: file.path, dialect: dialect)
        analysis.code = CodeSummary.merging(walker.run(), into: analysis.code)
    }
}

extension JVMScanner: DeferrableExtractor {
    private static let markers = ["telegram", "Telegram"].map { Array($0.utf8) }

    public func scansEagerly(_ file: SourceFile) -> Bool { ByteSearch.containsAny(file.bytes, Self.markers) }
}

struct JVMDialect: CFamilyDialect {
    let kotlin: Bool
    /// v7+: `registerBot(token, consumer)` on these applications starts polling or a webhook.
    let longPollingApplication: Bool
    let webhookApplication: Bool
    /// A webhook bot's own `SetWebhook` (its constructor argument) is part of the bot's fact.
    let declaresWebhookBot: Bool

    var syntax: CFamilySyntax { kotlin ? .kotlin : .java }
    var language: SourceLanguage { kotlin ? .kotlin : .java }
    var newlineEndsStatements: Bool { kotlin }

    /// Base classes and interfaces of bots the library (or its Spring starter) starts.
    private static let pollingBots: Set<String> = ["TelegramLongPollingBot", "TelegramLongPollingCommandBot",
                                                   "TelegramLongPollingSessionBot", "AbilityBot"]
    static let webhookBots: Set<String> = ["TelegramWebhookBot", "SpringWebhookBot", "TelegramWebhookCommandBot",
                                                   "SpringTelegramWebhookBot"]

    /// `System.getenv("X")`, `dotenv.get("X")` / `dotenv["X"]` (dotenv-java, dotenv-kotlin).
    func read(_ tokens: [CToken], at i: Int) -> (value: ValueExpr, end: Int)? {
        guard i + 4 < tokens.count else { return nil }
        if tokens[i].isIdentifier("System"), tokens[i + 1].isPunctuator("."), tokens[i + 2].isIdentifier("getenv"),
           tokens[i + 3].isPunctuator("("), tokens[i + 4].kind == .string {
            return (.env(tokens[i + 4].text, default: nil), i + 6)
        }
        if tokens[i].isIdentifier("dotenv"), tokens[i + 1].isPunctuator("."), tokens[i + 2].isIdentifier("get"),
           tokens[i + 3].isPunctuator("("), tokens[i + 4].kind == .string {
            return (.env(tokens[i + 4].text, default: nil), i + 6)
        }
        return nil
    }

    func inspect(_ walker: inout CFamilyWalker, at i: Int) {
        let tokens = walker.tokens
        let name = tokens[i].text
        if name == "Value", i > 0, tokens[i - 1].isPunctuator("@") { bindValueAnnotation(&walker, i); return }
        if name == "super" || (Self.pollingBots.contains(name) || Self.webhookBots.contains(name)) && isBaseClass(walker, i) {
            bindConstructorToken(&walker, i)
        }
        if Self.pollingBots.contains(name), isBaseClass(walker, i) {
            // v6: TelegramBotsApi.registerBot (and the Spring starter) clears the webhook and polls.
            walker.addFact(.poll, .telegramBots6, api: "extends \(name)", token: .symbol("getBotToken()"), at: i, concurrency: .background)
        } else if name == "SpringLongPollingBot", isBaseClass(walker, i) {
            walker.addFact(.poll, .telegramBots7, api: "implements SpringLongPollingBot", token: .symbol("getBotToken()"), at: i,
                           concurrency: .background)
        } else if Self.webhookBots.contains(name), isBaseClass(walker, i) {
            let library: Library = name == "SpringTelegramWebhookBot" ? .telegramBots7 : .telegramBots6
            walker.addFact(.serveWebhook, library, api: "extends \(name)", token: .symbol("getBotToken()"), at: i, concurrency: .background)
            walker.addFact(.setWebhook, library, api: "extends \(name)", token: .symbol("getBotToken()"), at: i)
        } else if name == "registerBot", walker.isMethodCall(i, name), longPollingApplication || webhookApplication,
                  walker.arguments(i + 1).count >= 2 {
            let token = walker.arguments(i + 1).first.map(walker.value(in:)) ?? .unknown("registerBot")
            if longPollingApplication {
                walker.addFact(.poll, .telegramBots7, api: "TelegramBotsLongPollingApplication.registerBot", token: token, at: i,
                               concurrency: .background)
            } else {
                walker.addFact(.serveWebhook, .telegramBots7, api: "TelegramBotsWebhookApplication.registerBot", token: token, at: i,
                               concurrency: .background)
            }
        } else if name == "SetWebhook" || name == "DeleteWebhook", !declaresWebhookBot, i + 2 < tokens.count,
                  tokens[i + 1].isPunctuator(".") && tokens[i + 2].isIdentifier("builder") || (i > 0 && tokens[i - 1].isIdentifier("new")) {
            let library: Library = longPollingApplication || webhookApplication ? .telegramBots7 : .telegramBots6
            walker.addFact(name == "SetWebhook" ? .setWebhook : .deleteWebhook, library, api: name, token: .symbol("getBotToken()"), at: i)
        }
    }

    /// `extends X` / `implements X` (Java) or `: X(...)` (Kotlin) in a class header.
    private func isBaseClass(_ walker: CFamilyWalker, _ i: Int) -> Bool {
        let tokens = walker.tokens
        guard i > 0 else { return false }
        let header = walker.statementStart..<i
        guard header.contains(where: { tokens[$0].isIdentifier("class") || tokens[$0].isIdentifier("object") }) else { return false }
        return header.contains { tokens[$0].isIdentifier("extends") || tokens[$0].isIdentifier("implements") || tokens[$0].isPunctuator(":") }
    }

    /// `@Value("${telegram.bot.token}") private String token;` / `@Value("\${x}") lateinit var token: String`.
    private func bindValueAnnotation(_ walker: inout CFamilyWalker, _ i: Int) {
        let tokens = walker.tokens
        guard i + 2 < tokens.count, tokens[i + 1].isPunctuator("("), tokens[i + 2].kind == .string else { return }
        var key = tokens[i + 2].text
        guard key.hasPrefix("${"), key.hasSuffix("}") else { return }
        key = String(key.dropFirst(2).dropLast())
        let value: ValueExpr
        if let colon = key.firstIndex(of: ":") {
            let property = String(key[..<colon])
            value = .attribute(base: ValueExpr.settingsBase, name: property)
            key = property
        } else {
            value = .attribute(base: ValueExpr.settingsBase, name: key)
        }
        // The field or parameter: the last name before `;`, `=`, `,` or `)`; in Kotlin the one after val/var.
        var k = walker.closing(i + 1) + 1
        var field: String?
        while k < tokens.count, !tokens[k].isPunctuator(";"), !tokens[k].isPunctuator("="), !tokens[k].isPunctuator(","),
              !tokens[k].isPunctuator(")"), !tokens[k].isPunctuator("{") {
            if tokens[k].kind == .identifier {
                if kotlin, k > 0, tokens[k - 1].isIdentifier("val") || tokens[k - 1].isIdentifier("var") { field = tokens[k].text; break }
                if !kotlin { field = tokens[k].text }
            }
            k += 1
        }
        if let field { walker.bindings[field] = value }
    }

    /// `super(options, botToken)` (Java) or `: TelegramLongPollingBot(token)` (Kotlin): the last
    /// argument is the token `getBotToken()` returns, unless the class overrides it.
    private func bindConstructorToken(_ walker: inout CFamilyWalker, _ i: Int) {
        guard walker.isCall(i, walker.tokens[i].text), walker.bindings["getBotToken()"] == nil,
              let last = walker.arguments(i + 1).last else { return }
        let value = walker.value(in: last)
        if !value.isUnknown, walker.arguments(i + 1).count <= 2 { walker.bindings["getBotToken()"] = value }
    }
}
