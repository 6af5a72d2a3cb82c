/// Scans JavaScript and TypeScript sources (node-telegram-bot-api, Telegraf, grammY, raw Bot API
/// URLs) into a `CodeSummary`: facts, imports, functions, references, exports, dotenv loads.
public struct JavaScriptScanner: Extractor {
    public init() {}

    private static let javaScriptExtensions: Set<String> = ["js", "mjs", "cjs", "jsx"]
    private static let typeScriptExtensions: Set<String> = ["ts", "mts", "cts", "tsx"]

    public func accepts(path: String, name: String, isExecutable: Bool) -> Bool {
        language(of: name) != nil
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard let language = language(of: file.name) else { return }
        guard Self.mayMatter(file.bytes) else {
            analysis.code = CodeSummary(path: file.path, language: language)
            return
        }
        let tokens = JSTokens(bytes: file.bytes)
        analysis.code = JSWalker(file: tokens, path: file.path, language: language).run()
    }

    private func language(of name: String) -> SourceLanguage? {
        let lowered = name.lowercased()
        // Declarations and minified bundles are not code anyone wrote to run a bot.
        if lowered.hasSuffix(".min.js") || lowered.hasSuffix(".d.ts") || lowered.hasSuffix(".d.mts") || lowered.hasSuffix(".d.cts") {
            return nil
        }
        let ext = PathUtil.fileExtension(lowered)
        if Self.javaScriptExtensions.contains(ext) { return .javascript }
        if Self.typeScriptExtensions.contains(ext) { return .typescript }
        return nil
    }

    /// Everything the scanner reports needs a module keyword, a Telegram library or a Bot API URL;
    /// files with none of them are not lexed.
    private static let markers: [[UInt8]] = ["import", "require", "export", "elegra", "grammy", "api.telegram.org", "dotenv"]
        .map { Array($0.utf8) }

    static func mayMatter(_ bytes: [UInt8]) -> Bool {
        markers.contains { ByteSearch.contains(bytes, $0) }
    }
}
