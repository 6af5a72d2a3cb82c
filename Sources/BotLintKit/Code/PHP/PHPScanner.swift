/// Scans PHP sources for irazasyed/telegram-bot-sdk (and its Laravel facade) and
/// php-telegram-bot/core. Both make one getUpdates request per call: inside a loop that is a
/// poller; outside one it polls only when a scheduler repeats it (`CodeFact.singleRequest`).
/// Also reads `require`/`include` of local files, Laravel `config/*.php` arrays and artisan
/// command signatures.
public struct PHPScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool { file.fileExtension == "php" }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let tokens = CFamilyLexer.tokens(file.bytes, syntax: .php)
        let dialect = PHPDialect(
            coreLibrary: tokens.contains { $0.isIdentifier("Longman") || $0.isIdentifier("PhpTelegramBot") },
            sdk: tokens.indices.contains { i in
                (tokens[i].isIdentifier("Telegram") && i + 2 < tokens.count && tokens[i + 1].isPunctuator("\\") && tokens[i + 2].isIdentifier("Bot"))
                    || (tokens[i].isIdentifier("Telegram") && i + 1 < tokens.count && tokens[i + 1].isPunctuator("::"))
            })
        var walker = CFamilyWalker(tokens: tokens, path: file.path, dialect: dialect)
        var summary = walker.run()
        summary.imports = Self.includes(tokens, path: file.path)
        if let config = Self.laravelConfigName(file.path) {
            LaravelConfig.read(tokens, name: config, dialect: dialect, into: &summary.settingsFields, walker: walker)
        }
        analysis.code = CodeSummary.merging(summary, into: analysis.code)
    }

    /// `config/telegram.php` → `telegram`.
    static func laravelConfigName(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, parts[parts.count - 2] == "config", let last = parts.last, last.hasSuffix(".php") else { return nil }
        return String(last.dropLast(4))
    }

    /// `require __DIR__ . '/src/Bot.php';`, `require_once 'config.php';` (not Composer's autoloader).
    static func includes(_ tokens: [CToken], path: String) -> [ImportBinding] {
        var result: [ImportBinding] = []
        for (i, token) in tokens.enumerated() where token.kind == .identifier
            && ["require", "require_once", "include", "include_once"].contains(token.text) {
            var k = i + 1
            var module = ""
            while k < tokens.count, !tokens[k].isPunctuator(";") {
                if tokens[k].kind == .string { module += tokens[k].text }
                k += 1
            }
            let trimmed = module.hasPrefix("/") ? "." + module : module
            guard !trimmed.isEmpty, !trimmed.contains("vendor/") else { continue }
            // Included files share the includer's variables, like a star import.
            result.append(ImportBinding(localName: nil, module: trimmed, importedName: "*",
                                        location: SourceLocation(path: path, line: token.line, column: token.column)))
        }
        return result
    }
}

extension PHPScanner: DeferrableExtractor {
    private static let markers = ["elegram"].map { Array($0.utf8) }

    public func scansEagerly(_ file: SourceFile) -> Bool { ByteSearch.containsAny(file.bytes, Self.markers) }
}

struct PHPDialect: CFamilyDialect {
    /// php-telegram-bot/core (`Longman\TelegramBot\Telegram`).
    let coreLibrary: Bool
    /// irazasyed/telegram-bot-sdk (`Telegram\Bot\Api`, the Laravel `Telegram::` facade).
    let sdk: Bool

    var syntax: CFamilySyntax { .php }
    var language: SourceLanguage { .php }
    var newlineEndsStatements: Bool { false }

    /// `getenv('X')`, `env('X', 'default')`, `$_ENV['X']`, `$_SERVER['X']`, `config('telegram.bots.mybot.token')`.
    func read(_ tokens: [CToken], at i: Int) -> (value: ValueExpr, end: Int)? {
        guard i + 2 < tokens.count else { return nil }
        let name = tokens[i].text
        if name == "$_ENV" || name == "$_SERVER", tokens[i + 1].isPunctuator("["), tokens[i + 2].kind == .string {
            return (.env(tokens[i + 2].text, default: nil), i + 4)
        }
        guard ["getenv", "env", "config"].contains(name), tokens[i + 1].isPunctuator("("), tokens[i + 2].kind == .string,
              i == 0 || !["->", "::"].contains(tokens[i - 1].text) else { return nil }
        let key = tokens[i + 2].text
        var end = i + 3
        var fallback: String?
        if end + 1 < tokens.count, tokens[end].isPunctuator(","), tokens[end + 1].kind == .string {
            fallback = tokens[end + 1].text
            end += 2
        }
        while end < tokens.count, !tokens[end].isPunctuator(")") { end += 1 }
        if name == "config" { return (.attribute(base: ValueExpr.settingsBase, name: key), end + 1) }
        return (.env(key, default: fallback), end + 1)
    }

    func inspect(_ walker: inout CFamilyWalker, at i: Int) {
        let tokens = walker.tokens
        let name = tokens[i].text
        if name.hasPrefix("$"), i + 2 < tokens.count, tokens[i + 1].isPunctuator("="), tokens[i + 2].isPunctuator("[") {
            bindArray(&walker, name, open: i + 2)
            return
        }
        if coreLibrary, name == "Telegram", i > 0, tokens[i - 1].isIdentifier("new") || tokens[i - 1].isPunctuator("\\"), walker.isCall(i, name) {
            let token = walker.arguments(i + 1).first.map(walker.value(in:)) ?? .unknown("new Telegram")
            walker.recordBot(.phpTelegramBot, token: token, callStart: startOfNew(tokens, i))
            return
        }
        if sdk, name == "Api", i > 0, tokens[i - 1].isIdentifier("new") || tokens[i - 1].isPunctuator("\\"), walker.isCall(i, name) {
            let token = walker.arguments(i + 1).first.map(walker.value(in:)) ?? .unknown("new Api")
            walker.recordBot(.telegramBotSDK, token: token, callStart: startOfNew(tokens, i))
            return
        }
        guard i >= 2, walker.isMethodCall(i, name), let library = library(walker, i) else { return }
        let token = tokenFor(walker, i, library)
        let once = !walker.inLoop
        switch (name, library) {
        case ("handleGetUpdates", .phpTelegramBot), ("getUpdates", .telegramBotSDK):
            walker.addFact(.poll, library, api: name, token: token, at: i, singleRequest: once)
        case ("commandsHandler", .telegramBotSDK):
            let webhook = walker.arguments(i + 1).first.map { walker.tokens[$0.lowerBound].isIdentifier("true") } ?? false
            if webhook {
                walker.addFact(.serveWebhook, library, api: "commandsHandler(true)", token: token, at: i)
            } else {
                walker.addFact(.poll, library, api: "commandsHandler(false)", token: token, at: i, singleRequest: once)
            }
        case ("getWebhookUpdate", .telegramBotSDK), ("getWebhookUpdates", .telegramBotSDK), ("handle", .phpTelegramBot):
            walker.addFact(.serveWebhook, library, api: name, token: token, at: i)
        case ("setWebhook", _):
            walker.addFact(.setWebhook, library, api: name, token: token, at: i, webhookURL: webhookURL(walker, i))
        case ("deleteWebhook", _), ("removeWebhook", _):
            walker.addFact(.deleteWebhook, library, api: name, token: token, at: i)
        default:
            break
        }
    }

    /// `$config = ['api_key' => getenv('X')]`: each key as `$config[api_key]`, so
    /// `$config['api_key']` resolves here and in files that include this one.
    private func bindArray(_ walker: inout CFamilyWalker, _ name: String, open: Int) {
        let tokens = walker.tokens
        for entry in walker.arguments(open) {
            guard entry.count >= 3, tokens[entry.lowerBound].kind == .string, tokens[entry.lowerBound + 1].isPunctuator("=>") else { continue }
            let value = walker.value(in: (entry.lowerBound + 2)..<entry.upperBound)
            guard !value.isUnknown else { continue }
            let key = "\(name)[\(tokens[entry.lowerBound].text)]"
            walker.bindings[key] = value
            if walker.currentFunction == nil { walker.summary.assignments[key] = value }
        }
    }

    /// The library a method call belongs to: the Laravel facade, a bound bot object, or the one
    /// library this file uses.
    private func library(_ walker: CFamilyWalker, _ i: Int) -> Library? {
        let tokens = walker.tokens
        if sdk, tokens[i - 1].isPunctuator("::"), tokens[i - 2].isIdentifier("Telegram") { return .telegramBotSDK }
        if let receiver = walker.receiver(ofMethodAt: i), let bound = walker.botObjects[receiver] { return bound }
        // `Telegram::bot('mybot')->getUpdates()`: chained on the facade.
        if sdk, tokens[i - 2].isPunctuator(")") { return .telegramBotSDK }
        if coreLibrary != sdk { return coreLibrary ? .phpTelegramBot : .telegramBotSDK }
        return nil
    }

    /// The Laravel facade's default bot reads `telegram.bots.mybot.token` (config/telegram.php).
    private func tokenFor(_ walker: CFamilyWalker, _ i: Int, _ library: Library) -> ValueExpr {
        let tokens = walker.tokens
        if library == .telegramBotSDK, tokens[i - 1].isPunctuator("::") || tokens[i - 2].isPunctuator(")") {
            var bot = "mybot"
            if tokens[i - 2].isPunctuator(")"), let open = (0..<(i - 2)).last(where: { tokens[$0].isPunctuator("(") }),
               open > 0, tokens[open - 1].isIdentifier("bot"), open + 1 < tokens.count, tokens[open + 1].kind == .string {
                bot = tokens[open + 1].text
            }
            return .attribute(base: ValueExpr.settingsBase, name: "telegram.bots.\(bot).token")
        }
        return walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: library)
    }

    /// `setWebhook(['url' => $url])` or `setWebhook($url)`.
    private func webhookURL(_ walker: CFamilyWalker, _ i: Int) -> ValueExpr? {
        guard let first = walker.arguments(i + 1).first else { return nil }
        let tokens = walker.tokens
        if let key = first.first(where: { tokens[$0].kind == .string && tokens[$0].text == "url" }), key + 2 < first.upperBound,
           tokens[key + 1].isPunctuator("=>") {
            return walker.value(in: (key + 2)..<walker.expressionEnd(from: key + 2))
        }
        return walker.value(in: first)
    }

    /// `new \Longman\TelegramBot\Telegram(...)`: the index of `new`.
    private func startOfNew(_ tokens: [CToken], _ i: Int) -> Int {
        var k = i
        while k > 0, !tokens[k].isIdentifier("new") { k -= 1 }
        return k
    }
}

/// Laravel `config/<name>.php` returns a nested array: `'bots' => ['mybot' => ['token' => env('X')]]`
/// becomes `<name>.bots.mybot.token` → `.env("X")`.
enum LaravelConfig {
    static func read(_ tokens: [CToken], name: String, dialect: PHPDialect, into fields: inout [String: ValueExpr],
                     walker: CFamilyWalker) {
        guard let start = tokens.firstIndex(where: { $0.isIdentifier("return") }), start + 1 < tokens.count,
              tokens[start + 1].isPunctuator("[") else { return }
        walk(open: start + 1, prefix: name, walker: walker, into: &fields, depth: 0)
    }

    private static func walk(open: Int, prefix: String, walker: CFamilyWalker, into fields: inout [String: ValueExpr], depth: Int) {
        guard depth < 8 else { return }
        let tokens = walker.tokens
        for entry in walker.arguments(open) {
            guard entry.count >= 3, tokens[entry.lowerBound].kind == .string, tokens[entry.lowerBound + 1].isPunctuator("=>") else { continue }
            let key = prefix + "." + tokens[entry.lowerBound].text
            let valueStart = entry.lowerBound + 2
            if tokens[valueStart].isPunctuator("[") {
                walk(open: valueStart, prefix: key, walker: walker, into: &fields, depth: depth + 1)
            } else {
                let value = walker.value(in: valueStart..<entry.upperBound)
                if !value.isUnknown { fields[key] = value }
            }
        }
    }
}
