/// Scans JavaScript and TypeScript sources (node-telegram-bot-api, Telegraf, grammY, raw Bot API
/// URLs) into a `CodeSummary`: facts, imports, functions, references, exports, dotenv loads.
public struct JavaScriptScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        Self.language(of: file) != nil
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard let language = Self.language(of: FileCandidate(path: file.path)) else { return }
        guard Self.mayMatter(file.bytes) else {
            analysis.code = CodeSummary(path: file.path, language: language)
            return
        }
        let tokens = JSTokens(bytes: file.bytes)
        analysis.code = JSWalker(file: tokens, path: file.path, language: language).run()
    }

    private static func language(of file: FileCandidate) -> SourceLanguage? {
        // A switch, not a set: hashing the extension of every file of a repository cost more.
        let language: SourceLanguage
        switch file.fileExtension {
        case "js", "mjs", "cjs", "jsx": language = .javascript
        case "ts", "mts", "cts", "tsx": language = .typescript
        default: return nil
        }
        // Declarations and minified bundles are not code anyone wrote to run a bot.
        if file.lowercasedNameHasSuffix(".min.js") || file.lowercasedNameHasSuffix(".d.ts")
            || file.lowercasedNameHasSuffix(".d.mts") || file.lowercasedNameHasSuffix(".d.cts") {
            return nil
        }
        return language
    }

    /// Everything the scanner reports needs a module keyword, a Telegram library or a Bot API URL;
    /// files with none of them are not lexed.
    private static let markers: [[UInt8]] = ["import", "require", "export", "elegra", "grammy", "api.telegram.org", "dotenv"]
        .map { Array($0.utf8) }

    static func mayMatter(_ bytes: [UInt8]) -> Bool {
        markers.contains { ByteSearch.contains(bytes, $0) }
    }
}
