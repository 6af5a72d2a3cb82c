/// Byte markers of code that can receive Telegram updates on its own, or that a framework loads
/// without an import from an entry (Django's `AppConfig`). Files with none are scanned only when
/// an entry reaches them.
enum TelegramMarkers {
    static let needles = ByteNeedleSet([
        "elegra",  // telegram, Telegram, telegraf, api.telegram.org
        "aiogram", "telebot", "grammy", "olling", "ebhook", "etUpdates", "AppConfig",
    ])

    static func present(in bytes: [UInt8]) -> Bool { needles.occurs(in: bytes) }
}

extension PythonScanner: DeferrableExtractor {
    public func scansEagerly(_ file: SourceFile) -> Bool { TelegramMarkers.present(in: file.bytes) }
}

extension JavaScriptScanner: DeferrableExtractor {
    public func scansEagerly(_ file: SourceFile) -> Bool { TelegramMarkers.present(in: file.bytes) }
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
