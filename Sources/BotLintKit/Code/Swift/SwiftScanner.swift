/// Scans Swift sources for swift-telegram-sdk: `TGBot(connectionType: .longpolling(...), botId: token)`
/// polls, `.webhook(webHookURL:)` serves and sets a webhook; the older `TGLongPollingConnection`
/// and `TGWebHookConnection` likewise. Tokens come from `Environment.get("X")` (Vapor) or
/// `ProcessInfo.processInfo.environment["X"]`.
public struct SwiftScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.fileExtension == "swift" && file.name != "Package.swift"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        var walker = CFamilyWalker(tokens: CFamilyLexer.tokens(file.bytes, syntax: .swift), path: file.path, dialect: SwiftDialect())
        analysis.code = CodeSummary.merging(walker.run(), into: analysis.code)
    }
}

extension SwiftScanner: DeferrableExtractor {
    private static let markers = ["TGBot", "TGLongPolling", "TGWebHook", "elegram"].map { Array($0.utf8) }

    public func scansEagerly(_ file: SourceFile) -> Bool { ByteSearch.containsAny(file.bytes, Self.markers) }
}

struct SwiftDialect: CFamilyDialect {
    var syntax: CFamilySyntax { .swift }
    var language: SourceLanguage { .swift }
    var newlineEndsStatements: Bool { true }

    func read(_ tokens: [CToken], at i: Int) -> (value: ValueExpr, end: Int)? {
        // `Environment.get("X")`
        if i + 4 < tokens.count, tokens[i].isIdentifier("Environment"), tokens[i + 1].isPunctuator("."), tokens[i + 2].isIdentifier("get"),
           tokens[i + 3].isPunctuator("("), tokens[i + 4].kind == .string {
            return (.env(tokens[i + 4].text, default: nil), i + 6)
        }
        // `ProcessInfo.processInfo.environment["X"]`
        if i + 6 < tokens.count, tokens[i].isIdentifier("ProcessInfo"), tokens[i + 2].isIdentifier("processInfo"),
           tokens[i + 4].isIdentifier("environment"), tokens[i + 5].isPunctuator("["), tokens[i + 6].kind == .string {
            return (.env(tokens[i + 6].text, default: nil), i + 8)
        }
        return nil
    }

    func inspect(_ walker: inout CFamilyWalker, at i: Int) {
        let tokens = walker.tokens
        let lib = Library.swiftTelegramSDK
        switch tokens[i].text {
        case "TGBot" where walker.isCall(i, "TGBot"):
            let args = walker.arguments(i + 1)
            let token = labelled("botId", args, walker).map(walker.value(in:)) ?? .unknown("TGBot")
            walker.recordBot(lib, token: token, callStart: i)
            guard let connection = labelled("connectionType", args, walker), connection.count >= 2,
                  tokens[connection.lowerBound].isPunctuator(".") else { return }
            let mode = connection.lowerBound + 1
            if tokens[mode].isIdentifier("longpolling") {
                walker.addFact(.poll, lib, api: ".longpolling", token: token, at: mode, concurrency: .background)
            } else if tokens[mode].isIdentifier("webhook") {
                let url = mode + 1 < connection.upperBound && tokens[mode + 1].isPunctuator("(")
                    ? walker.arguments(mode + 1).first.map { walker.value(in: labelStripped($0, walker)) } : nil
                walker.addFact(.serveWebhook, lib, api: ".webhook", token: token, at: mode, concurrency: .background)
                walker.addFact(.setWebhook, lib, api: ".webhook", token: token, at: mode, webhookURL: url)
            }
        case "TGLongPollingConnection" where walker.isCall(i, "TGLongPollingConnection"):
            walker.addFact(.poll, lib, api: "TGLongPollingConnection", token: walker.token(ofReceiver: nil, library: lib), at: i,
                           concurrency: .background)
        case "TGWebHookConnection" where walker.isCall(i, "TGWebHookConnection"):
            let token = walker.token(ofReceiver: nil, library: lib)
            walker.addFact(.serveWebhook, lib, api: "TGWebHookConnection", token: token, at: i, concurrency: .background)
            walker.addFact(.setWebhook, lib, api: "TGWebHookConnection", token: token, at: i)
        default:
            break
        }
    }

    /// The value range of the argument labelled `label:`.
    private func labelled(_ label: String, _ args: [Range<Int>], _ walker: CFamilyWalker) -> Range<Int>? {
        let tokens = walker.tokens
        guard let arg = args.first(where: { $0.count >= 3 && tokens[$0.lowerBound].isIdentifier(label) && tokens[$0.lowerBound + 1].isPunctuator(":") })
        else { return nil }
        return (arg.lowerBound + 2)..<arg.upperBound
    }

    private func labelStripped(_ range: Range<Int>, _ walker: CFamilyWalker) -> Range<Int> {
        let tokens = walker.tokens
        if range.count >= 3, tokens[range.lowerBound].kind == .identifier, tokens[range.lowerBound + 1].isPunctuator(":") {
            return (range.lowerBound + 2)..<range.upperBound
        }
        return range
    }
}
