/// Byte markers of code that can receive Telegram updates on its own, or that a framework loads
/// without an import from an entry (Django's `AppConfig`). Files with none are scanned only when
/// an entry reaches them. One set per language: each needle is another pass over every file.
enum TelegramMarkers {
    /// `elegra` stands for telegram, Telegram, api.telegram.org and Telegraf.
    private static let shared = ["elegra", "olling", "ebhook", "etUpdates"]
    static let python = ByteNeedleSet(shared + ["aiogram", "telebot", "AppConfig"])
    static let javaScript = ByteNeedleSet(shared + ["grammy"])
}

extension PythonScanner: DeferrableExtractor {
    /// Docstrings and comments mention polling and webhooks all the time ("unlike bot.py this
    /// never calls run_polling()"); a marker counts only in a name or a string value. Lexing
    /// costs a fraction of the full scan, and only files with a marker are lexed.
    public func scansEagerly(_ file: SourceFile) -> Bool {
        eagerTokens(file) != nil
    }

    /// The lexing that decided is the scan's first step: done once.
    public func extractIfEager(_ file: SourceFile, into analysis: inout FileAnalysis) -> Bool {
        guard let stream = eagerTokens(file) else { return false }
        extract(file, lexed: stream, into: &analysis)
        return true
    }

    /// The file's tokens when a marker is in code, nil when the file can wait.
    private func eagerTokens(_ file: SourceFile) -> PythonTokenStream? {
        let markers = TelegramMarkers.python.offsets(in: file.bytes)
        guard !markers.isEmpty else { return nil }
        let stream = PythonLexer.tokenize(file.bytes)
        return Self.anyOutsideDocstrings(markers, stream) ? stream : nil
    }

    /// Whether a marker starts inside a name or a string token that is not a statement of its
    /// own (a docstring). Both lists are in file order, so one pass over each.
    static func anyOutsideDocstrings(_ markers: [Int], _ stream: PythonTokenStream) -> Bool {
        let tokens = stream.tokens
        var next = 0
        for (index, token) in tokens.enumerated() {
            while next < markers.count, markers[next] < token.start { next += 1 }
            guard next < markers.count else { return false }
            guard markers[next] < token.end, token.kind == .name || token.kind == .string else { continue }
            if token.kind == .string, isStatementOfItsOwn(index, tokens) { continue }
            return true
        }
        return false
    }

    private static func isStatementOfItsOwn(_ index: Int, _ tokens: [PythonToken]) -> Bool {
        let startsLine = index == 0 || [.newline, .indent, .dedent].contains(tokens[index - 1].kind)
        let endsLine = index + 1 == tokens.count || [.newline, .end, .dedent].contains(tokens[index + 1].kind)
        return startsLine && endsLine
    }
}

extension JavaScriptScanner: DeferrableExtractor {
    public func scansEagerly(_ file: SourceFile) -> Bool { TelegramMarkers.javaScript.occurs(in: file.bytes) }
}

/// How code passes or checks the secret that Telegram echoes in every webhook request.
enum WebhookSecret {
    static let needles: [[UInt8]] = [
        "secret_token", "secretToken", "SecretToken", "Secret-Token", "secret-token", "SECRET_TOKEN",
    ].map { Array($0.utf8) }

    static func mentioned(in bytes: [UInt8]) -> Bool { ByteSearch.containsAny(bytes, needles) }

    /// Every language's summary gets the mark the same way, whichever scanner built it.
    static func mark(_ analysis: inout FileAnalysis, _ file: SourceFile) {
        guard analysis.code != nil else { return }
        analysis.code?.mentionsWebhookSecret = mentioned(in: file.bytes)
    }
}
