/// Scans Rust sources for teloxide: `repl`, `Dispatcher::...dispatch()`, polling listeners and
/// the axum webhook listeners, with tokens from `Bot::from_env()` (`TELOXIDE_TOKEN`) or `env::var`.
public struct RustScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool { file.fileExtension == "rs" || file.name == "Cargo.toml" }

    /// The key under which a `Cargo.toml` summary holds `[package] name`: the default binary's name.
    static let packageNameKey = "package.name"

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        if file.name == "Cargo.toml" {
            guard let name = Self.packageName(file.text) else { return }
            var summary = CodeSummary(path: file.path, language: .rust)
            summary.assignments[Self.packageNameKey] = .literal(name)
            analysis.code = summary
            return
        }
        var walker = CFamilyWalker(tokens: CFamilyLexer.tokens(file.bytes, syntax: .rust), path: file.path, dialect: RustDialect())
        analysis.code = CodeSummary.merging(walker.run(), into: analysis.code)
    }
}

extension RustScanner {
    /// `name = "weatherbot"` in the `[package]` table.
    static func packageName(_ text: String) -> String? {
        var inPackage = false
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingWhitespace()
            if line.hasPrefix("[") { inPackage = line == "[package]"; continue }
            guard inPackage, line.hasPrefix("name"), let eq = line.firstIndex(of: "=") else { continue }
            let value = line[line.index(after: eq)...].trimmingWhitespace()
            guard value.count >= 2, value.hasPrefix("\""), let end = value.dropFirst().firstIndex(of: "\"") else { continue }
            return String(value[value.index(after: value.startIndex)..<end])
        }
        return nil
    }
}

extension RustScanner: DeferrableExtractor {
    private static let markers = ["teloxide", "telegram"].map { Array($0.utf8) }

    public func scansEagerly(_ file: SourceFile) -> Bool { file.name == "Cargo.toml" || ByteSearch.containsAny(file.bytes, Self.markers) }
}

struct RustDialect: CFamilyDialect {
    var syntax: CFamilySyntax { .rust }
    var language: SourceLanguage { .rust }
    var newlineEndsStatements: Bool { false }

    /// `env::var("X")`, `std::env::var("X")`, `dotenvy::var("X")`, `env::var_os("X")`.
    func read(_ tokens: [CToken], at i: Int) -> (value: ValueExpr, end: Int)? {
        var k = i
        if tokens[k].isIdentifier("std"), k + 1 < tokens.count, tokens[k + 1].isPunctuator("::") { k += 2 }
        guard k + 4 < tokens.count, ["env", "dotenv", "dotenvy"].contains(tokens[k].text), tokens[k + 1].isPunctuator("::"),
              ["var", "var_os"].contains(tokens[k + 2].text), tokens[k + 3].isPunctuator("("), tokens[k + 4].kind == .string
        else { return nil }
        return (.env(tokens[k + 4].text, default: nil), k + 6)
    }

    func inspect(_ walker: inout CFamilyWalker, at i: Int) {
        let tokens = walker.tokens
        let lib = Library.teloxide
        let name = tokens[i].text
        let qualified = i >= 2 && tokens[i - 1].isPunctuator("::")
        switch name {
        case "from_env", "from_env_with_client":
            guard qualified && tokens[i - 2].isIdentifier("Bot") else { break }
            walker.recordBot(lib, token: .env("TELOXIDE_TOKEN", default: nil), callStart: i - 2)
        case "new":
            guard qualified && tokens[i - 2].isIdentifier("Bot") && walker.isCall(i, name) else { break }
            let token = walker.arguments(i + 1).first.map(walker.value(in:)) ?? .unknown("Bot::new")
            walker.recordBot(lib, token: token, callStart: i - 2)
        case "repl", "commands_repl":
            guard walker.isCall(i, name) && (i == 0 || !tokens[i - 1].isPunctuator(".")) else { break }
            walker.addFact(.poll, lib, api: "teloxide::\(name)", token: botArgument(walker, i), at: i)
        case "dispatch":
            guard walker.isMethodCall(i, name) else { break }
            walker.addFact(.poll, lib, api: "Dispatcher::dispatch", token: walker.token(ofReceiver: nil, library: lib), at: i)
        case "polling_default", "polling":
            guard walker.isCall(i, name) && qualified else { break }
            walker.addFact(.poll, lib, api: "update_listeners::\(name)", token: botArgument(walker, i), at: i)
        case "builder":
            guard qualified && tokens[i - 2].isIdentifier("Polling") && walker.isCall(i, name) else { break }
            walker.addFact(.poll, lib, api: "Polling::builder", token: botArgument(walker, i), at: i)
        case "axum", "axum_to_router", "axum_no_setup":
            guard qualified && tokens[i - 2].isIdentifier("webhooks") && walker.isCall(i, name) else { break }
            // `axum` and `axum_to_router` call setWebhook on start (and deleteWebhook on shutdown).
            let token = botArgument(walker, i)
            walker.addFact(.serveWebhook, lib, api: "webhooks::\(name)", token: token, at: i, concurrency: .background)
            if name != "axum_no_setup" {
                let options = walker.arguments(i + 1).dropFirst().first
                walker.addFact(.setWebhook, lib, api: "webhooks::\(name)", token: token, at: i, webhookURL: options.flatMap { webhookURL(walker, $0) })
            }
        case "set_webhook":
            guard walker.isMethodCall(i, name) else { break }
            walker.addFact(.setWebhook, lib, api: "set_webhook", token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib), at: i,
                           webhookURL: walker.arguments(i + 1).first.map(walker.value(in:)))
        case "delete_webhook":
            guard walker.isMethodCall(i, name) && walker.receiver(ofMethodAt: i) != nil else { break }
            walker.addFact(.deleteWebhook, lib, api: "delete_webhook", token: walker.token(ofReceiver: walker.receiver(ofMethodAt: i), library: lib), at: i)
        default:
            break
        }
    }

    /// The bot passed first (`repl(bot, ...)`, `webhooks::axum(bot.clone(), options)`).
    private func botArgument(_ walker: CFamilyWalker, _ i: Int) -> ValueExpr {
        let first = walker.arguments(i + 1).first
        let name = first.flatMap { walker.tokens[$0.lowerBound].kind == .identifier ? walker.tokens[$0.lowerBound].text : nil }
        return walker.token(ofReceiver: name, library: .teloxide)
    }

    /// `Options::new(addr, url)`: the second argument.
    private func webhookURL(_ walker: CFamilyWalker, _ range: Range<Int>) -> ValueExpr? {
        guard let open = range.first(where: { walker.tokens[$0].isPunctuator("(") }) else { return nil }
        return walker.arguments(open).dropFirst().first.map(walker.value(in:))
    }
}
