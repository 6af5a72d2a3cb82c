/// Scans C# sources for Telegram.Bot: `StartReceiving`, `ReceiveAsync`, `SetWebhook(Async)`,
/// `DeleteWebhook(Async)`, and webhook endpoints (a controller action or a minimal API route
/// taking an `Update`), with tokens from `Environment.GetEnvironmentVariable` or configuration
/// keys (`builder.Configuration["Telegram:Token"]`, read from appsettings.json or the env).
public struct CSharpScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool { file.fileExtension == "cs" }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        var walker = CFamilyWalker(tokens: CFamilyLexer.tokens(file.bytes, syntax: .csharp), path: file.path, dialect: CSharpDialect())
        analysis.code = CodeSummary.merging(walker.run(), into: analysis.code)
    }
}

extension CSharpScanner: DeferrableExtractor {
    private static let markers = ["elegram"].map { Array($0.utf8) }

    public func scansEagerly(_ file: SourceFile) -> Bool { ByteSearch.containsAny(file.bytes, Self.markers) }
}

struct CSharpDialect: CFamilyDialect {
    var syntax: CFamilySyntax { .csharp }
    var language: SourceLanguage { .csharp }
    var newlineEndsStatements: Bool { false }

    private static let configurationNames: Set<String> = ["Configuration", "configuration", "config", "_configuration", "_config", "cfg"]

    /// `Environment.GetEnvironmentVariable("X")`, `configuration["A:B"]`,
    /// `configuration.GetValue<string>("A:B")`, `configuration.GetSection("A")["B"]`.
    func read(_ tokens: [CToken], at i: Int) -> (value: ValueExpr, end: Int)? {
        guard i + 3 < tokens.count else { return nil }
        if tokens[i].isIdentifier("Environment"), tokens[i + 1].isPunctuator("."), tokens[i + 2].isIdentifier("GetEnvironmentVariable"),
           i + 4 < tokens.count, tokens[i + 3].isPunctuator("("), tokens[i + 4].kind == .string {
            return (.env(tokens[i + 4].text, default: nil), i + 6)
        }
        // `builder.Configuration[...]`: start at the configuration object.
        var k = i
        while k + 2 < tokens.count, tokens[k].kind == .identifier, tokens[k + 1].isPunctuator("."),
              !Self.configurationNames.contains(tokens[k].text) {
            k += 2
        }
        guard Self.configurationNames.contains(tokens[k].text), k + 2 < tokens.count else { return nil }
        if tokens[k + 1].isPunctuator("["), tokens[k + 2].kind == .string {
            return (.attribute(base: ValueExpr.settingsBase, name: tokens[k + 2].text), k + 4)
        }
        guard tokens[k + 1].isPunctuator("."), k + 3 < tokens.count else { return nil }
        let method = tokens[k + 2].text
        var open = k + 3
        if tokens[open].isPunctuator("<") { while open < tokens.count, !tokens[open].isPunctuator(">") { open += 1 }; open += 1 }
        guard open + 1 < tokens.count, tokens[open].isPunctuator("("), tokens[open + 1].kind == .string else { return nil }
        let key = tokens[open + 1].text
        if method == "GetValue" || method == "GetConnectionString" { return (.attribute(base: ValueExpr.settingsBase, name: key), open + 3) }
        if method == "GetSection", open + 5 < tokens.count, tokens[open + 3].isPunctuator("["), tokens[open + 4].kind == .string {
            return (.attribute(base: ValueExpr.settingsBase, name: key + ":" + tokens[open + 4].text), open + 6)
        }
        return nil
    }

    func inspect(_ walker: inout CFamilyWalker, at i: Int) {
        let tokens = walker.tokens
        let lib = Library.telegramBotDotNet
        let name = tokens[i].text
        switch name {
        case "TelegramBotClient":
            guard i > 0 && tokens[i - 1].isIdentifier("new") && walker.isCall(i, name) else { break }
            walker.recordBot(lib, token: clientToken(walker, open: i + 1), callStart: i - 1)
        case "StartReceiving":
            guard walker.isMethodCall(i, name) else { break }
            walker.addFact(.poll, lib, api: "StartReceiving", token: receiverToken(walker, i), at: i, concurrency: .background)
        case "ReceiveAsync":
            guard walker.isMethodCall(i, name) else { break }
            walker.addFact(.poll, lib, api: "ReceiveAsync", token: receiverToken(walker, i), at: i)
        case "SetWebhook", "SetWebhookAsync", "SetWebhookRequest":
            guard walker.isMethodCall(i, name) || (i > 0 && tokens[i - 1].isIdentifier("new")) else { break }
            walker.addFact(.setWebhook, lib, api: name, token: receiverToken(walker, i), at: i,
                           webhookURL: walker.isCall(i, name) ? walker.arguments(i + 1).first.map(walker.value(in:)) : nil)
        case "DeleteWebhook", "DeleteWebhookAsync":
            guard walker.isMethodCall(i, name) else { break }
            walker.addFact(.deleteWebhook, lib, api: name, token: receiverToken(walker, i), at: i)
        case "FromBody":
            // `[FromBody] Update update`: a controller action receiving webhook updates.
            guard i + 2 < tokens.count, tokens[i + 1].isPunctuator("]"), tokens[i + 2].isIdentifier("Update") else { break }
            walker.addFact(.serveWebhook, lib, api: "[FromBody] Update", token: walker.token(ofReceiver: nil, library: lib), at: i,
                           concurrency: .background)
        case "MapPost":
            guard walker.isMethodCall(i, name) else { break }
            let args = walker.arguments(i + 1)
            let takesUpdate = args.dropFirst().contains { range in
                range.contains { k in tokens[k].isIdentifier("Update") && k + 1 < range.upperBound && tokens[k + 1].kind == .identifier }
            }
            if takesUpdate {
                walker.addFact(.serveWebhook, lib, api: "MapPost(Update)", token: walker.token(ofReceiver: nil, library: lib), at: i,
                               concurrency: .background)
            }
        default:
            break
        }
    }

    /// `new TelegramBotClient(token)` or `new TelegramBotClient(new TelegramBotClientOptions(token))`.
    private func clientToken(_ walker: CFamilyWalker, open: Int) -> ValueExpr {
        guard let first = walker.arguments(open).first else { return .unknown("TelegramBotClient") }
        let tokens = walker.tokens
        if tokens[first.lowerBound].isIdentifier("new"), first.count > 2, tokens[first.lowerBound + 1].isIdentifier("TelegramBotClientOptions"),
           tokens[first.lowerBound + 2].isPunctuator("("), let inner = walker.arguments(first.lowerBound + 2).first {
            return walker.value(in: inner)
        }
        return walker.value(in: first)
    }

    private func receiverToken(_ walker: CFamilyWalker, _ i: Int) -> ValueExpr {
        walker.token(ofReceiver: walker.isMethodCall(i, walker.tokens[i].text) ? walker.receiver(ofMethodAt: i) : nil, library: .telegramBotDotNet)
    }
}
