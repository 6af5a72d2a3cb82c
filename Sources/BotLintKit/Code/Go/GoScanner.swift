/// Scans Go sources: go-telegram-bot-api v4/v5, telebot v3/v4 and go-telegram/bot, with tokens
/// from `os.Getenv`, and the module-local packages each file imports.
public struct GoScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.fileExtension == "go" && !file.lowercasedNameHasSuffix("_test.go")
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let tokens = CFamilyLexer.tokens(file.bytes, syntax: .go)
        let imports = Self.imports(tokens, path: file.path)
        var dialect = GoDialect()
        for binding in imports {
            guard let library = GoDialect.library(forImport: binding.module) else { continue }
            dialect.libraries[binding.localName ?? GoDialect.defaultName(binding.module)] = library
        }
        var walker = CFamilyWalker(tokens: tokens, path: file.path, dialect: dialect)
        walker.summary.imports = imports
        analysis.code = CodeSummary.merging(walker.run(), into: analysis.code)
    }

    /// `import "x"`, `import alias "x"`, `import ( ... )`. The local name is the alias, or nil
    /// for the package's own name (its last path element, minus a `.vN` suffix).
    static func imports(_ tokens: [CToken], path: String) -> [ImportBinding] {
        var result: [ImportBinding] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isIdentifier("import") else {
                // Imports come first; the first declaration ends them.
                if tokens[i].kind == .identifier, ["func", "type", "var", "const"].contains(tokens[i].text) { break }
                i += 1
                continue
            }
            var k = i + 1
            let grouped = k < tokens.count && tokens[k].isPunctuator("(")
            if grouped { k += 1 }
            while k < tokens.count {
                if tokens[k].isPunctuator(")") { break }
                var alias: String?
                if tokens[k].kind == .identifier || tokens[k].isPunctuator(".") || tokens[k].isPunctuator("_") {
                    alias = tokens[k].text
                    k += 1
                }
                guard k < tokens.count, tokens[k].kind == .string else { break }
                let location = SourceLocation(path: path, line: tokens[k].line, column: tokens[k].column)
                result.append(ImportBinding(localName: alias, module: tokens[k].text, importedName: nil, location: location))
                k += 1
                if !grouped { break }
                if k < tokens.count, tokens[k].isPunctuator(";") { k += 1 }
            }
            i = k + 1
        }
        return result
    }
}

extension GoScanner: DeferrableExtractor {
    private static let markers = ["telegram", "telebot", "go-telegram", "tgbotapi"].map { Array($0.utf8) }

    public func scansEagerly(_ file: SourceFile) -> Bool { ByteSearch.containsAny(file.bytes, Self.markers) }
}

struct GoDialect: CFamilyDialect {
    /// Package names in this file that are Telegram libraries: `tgbotapi`, `tele`, `bot`.
    var libraries: [String: Library] = [:]

    var syntax: CFamilySyntax { .go }
    var language: SourceLanguage { .go }
    var newlineEndsStatements: Bool { true }

    static func library(forImport path: String) -> Library? {
        if path.contains("go-telegram-bot-api") || path.hasPrefix("gopkg.in/telegram-bot-api") { return .goTelegramBotAPI }
        if path.contains("telebot") { return .telebot }
        if path == "github.com/go-telegram/bot" { return .goTelegramBot }
        return nil
    }

    /// The name a package is used by without an alias: `telegram-bot-api/v5` → `tgbotapi` (its
    /// declared package name), `gopkg.in/telebot.v3` → `telebot`, `go-telegram/bot` → `bot`.
    static func defaultName(_ path: String) -> String {
        if path.contains("telegram-bot-api") { return "tgbotapi" }
        var parts = path.split(separator: "/").map(String.init)
        if let last = parts.last, last.count <= 3, last.hasPrefix("v"), last.dropFirst().allSatisfy(\.isNumber) { parts.removeLast() }
        let name = parts.last ?? path
        return String(name.split(separator: ".").first ?? Substring(name))
    }

    func read(_ tokens: [CToken], at i: Int) -> (value: ValueExpr, end: Int)? {
        guard i + 4 < tokens.count, tokens[i].isIdentifier("os") || tokens[i].isIdentifier("syscall"),
              tokens[i + 1].isPunctuator("."),
              ["Getenv", "LookupEnv"].contains(tokens[i + 2].text), tokens[i + 3].isPunctuator("("),
              tokens[i + 4].kind == .string else { return nil }
        return (.env(tokens[i + 4].text, default: nil), i + 6)
    }

    /// Whether `tokens[i]` is `pkg.name` for a package of `library`.
    private func isQualified(_ tokens: [CToken], _ i: Int, _ library: Library) -> Bool {
        i >= 2 && tokens[i - 1].isPunctuator(".") && libraries[tokens[i - 2].text] == library
    }

    func inspect(_ walker: inout CFamilyWalker, at i: Int) {
        let name = walker.tokens[i].text
        if libraries.values.contains(.goTelegramBotAPI) { botAPI(&walker, i, name) }
        if libraries.values.contains(.telebot) { telebot(&walker, i, name) }
        if libraries.values.contains(.goTelegramBot) { goTelegramBot(&walker, i, name) }
    }

    // MARK: go-telegram-bot-api

    private func botAPI(_ walker: inout CFamilyWalker, _ i: Int, _ name: String) {
        let tokens = walker.tokens
        let lib = Library.goTelegramBotAPI
        switch name {
        case "NewBotAPI", "NewBotAPIWithClient", "NewBotAPIWithAPIEndpoint":
            guard isQualified(tokens, i, lib) && walker.isCall(i, name) else { break }
            let token = walker.arguments(i + 1).first.map(walker.value(in:)) ?? .unknown(name)
            walker.recordBot(lib, token: token, callStart: i - 2)
        case "GetUpdatesChan":
            guard walker.isMethodCall(i, name) else { break }
            walker.addFact(.poll, lib, api: "GetUpdatesChan", token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib),
                           at: i, concurrency: .background)
        case "NewWebhook", "NewWebhookWithCert":
            guard isQualified(tokens, i, lib) && walker.isCall(i, name) else { break }
            let url = walker.arguments(i + 1).first.map(walker.value(in:))
            walker.addFact(.setWebhook, lib, api: "tgbotapi.\(name)", token: walker.token(ofReceiver: nil, library: lib), at: i,
                           webhookURL: url)
        case "ListenForWebhook", "ListenForWebhookRespReqFormat", "HandleUpdate":
            guard walker.isMethodCall(i, name) && walker.calledOnBot(i, lib) else { break }
            walker.addFact(.serveWebhook, lib, api: name, token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib),
                           at: i, concurrency: .background)
        case "DeleteWebhookConfig":
            guard isQualified(tokens, i, lib) else { break }
            walker.addFact(.deleteWebhook, lib, api: "tgbotapi.DeleteWebhookConfig", token: walker.token(ofReceiver: nil, library: lib), at: i)
        case "RemoveWebhook":
            guard walker.isMethodCall(i, name) && walker.calledOnBot(i, lib) else { break }
            walker.addFact(.deleteWebhook, lib, api: "RemoveWebhook", token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib), at: i)
        default:
            break
        }
    }

    // MARK: telebot

    private func telebot(_ walker: inout CFamilyWalker, _ i: Int, _ name: String) {
        let tokens = walker.tokens
        let lib = Library.telebot
        switch name {
        case "NewBot":
            guard isQualified(tokens, i, lib) && walker.isCall(i, name) else { break }
            let settings = walker.arguments(i + 1).first ?? (i + 2)..<(i + 2)
            let token = tokenField(walker, in: settings)
            walker.recordBot(lib, token: token, callStart: i - 2)
        case "LongPoller":
            guard isQualified(tokens, i, lib) else { break }
            // The poller starts with `b.Start()`; the literal decides the mode.
            walker.addFact(.poll, lib, api: "tele.LongPoller", token: telebotToken(walker), at: i)
        case "Webhook":
            guard isQualified(tokens, i, lib) && i + 1 < tokens.count && tokens[i + 1].isPunctuator("{") else { break }
            let body = (i + 2)..<walker.closing(i + 1)
            let token = telebotToken(walker)
            walker.addFact(.serveWebhook, lib, api: "tele.Webhook", token: token, at: i)
            let ignoresSetup = body.contains { k in
                tokens[k].isIdentifier("IgnoreSetWebhook") && k + 2 < body.upperBound && tokens[k + 2].isIdentifier("true")
            }
            if !ignoresSetup {
                let url = body.first { tokens[$0].isIdentifier("PublicURL") }.map { walker.value(in: ($0 + 2)..<walker.expressionEnd(from: $0 + 2)) }
                walker.addFact(.setWebhook, lib, api: "tele.Webhook", token: token, at: i, webhookURL: url)
            }
        case "RemoveWebhook":
            guard walker.isMethodCall(i, name) && walker.calledOnBot(i, lib) else { break }
            walker.addFact(.deleteWebhook, lib, api: "RemoveWebhook", token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib), at: i)
        default:
            break
        }
    }

    /// Pollers are often built before `tele.NewBot`, next to `tele.Settings{Token: ...}`.
    private func telebotToken(_ walker: CFamilyWalker) -> ValueExpr {
        walker.builtTokens.first { $0.library == .telebot }?.token ?? walker.bindings["Token"] ?? .unknown("tele.Settings")
    }

    /// `Token: x` inside `tele.Settings{...}`, or the `Token` field set before.
    private func tokenField(_ walker: CFamilyWalker, in range: Range<Int>) -> ValueExpr {
        let tokens = walker.tokens
        guard let field = range.first(where: { tokens[$0].isIdentifier("Token") && $0 + 1 < range.upperBound && tokens[$0 + 1].isPunctuator(":") })
        else { return walker.bindings["Token"] ?? .unknown("tele.Settings") }
        return walker.value(in: (field + 2)..<walker.expressionEnd(from: field + 2))
    }

    // MARK: go-telegram/bot

    private func goTelegramBot(_ walker: inout CFamilyWalker, _ i: Int, _ name: String) {
        let tokens = walker.tokens
        let lib = Library.goTelegramBot
        switch name {
        case "New":
            guard isQualified(tokens, i, lib) && walker.isCall(i, name) else { break }
            let token = walker.arguments(i + 1).first.map(walker.value(in:)) ?? .unknown("bot.New")
            walker.recordBot(lib, token: token, callStart: i - 2)
        case "Start":
            guard walker.isMethodCall(i, name) && walker.calledOnBot(i, lib) else { break }
            walker.addFact(.poll, lib, api: "Start", token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib), at: i)
        case "StartWebhook", "WebhookHandler":
            guard walker.isMethodCall(i, name) && walker.calledOnBot(i, lib) else { break }
            walker.addFact(.serveWebhook, lib, api: name, token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib), at: i)
        case "SetWebhook":
            guard walker.isMethodCall(i, name) && walker.calledOnBot(i, lib) else { break }
            walker.addFact(.setWebhook, lib, api: "SetWebhook", token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib), at: i)
        case "DeleteWebhook":
            guard walker.isMethodCall(i, name) && walker.calledOnBot(i, lib) else { break }
            walker.addFact(.deleteWebhook, lib, api: "DeleteWebhook", token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib), at: i)
        default:
            break
        }
    }
}
