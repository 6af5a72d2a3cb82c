/// Finds direct Bot API calls (`https://api.telegram.org/bot<token>/getUpdates|setWebhook|
/// deleteWebhook`) in every other language and config file: shell scripts, Go, PHP, Ruby, Java,
/// Kotlin, C#, Rust, Swift, Makefiles, Dockerfiles, YAML, JSON. Documentation never counts.
public struct BotAPIURLScanner: Extractor {
    public init() {}

    private static let hostSpellings = ByteNeedleSet(["telegram.org", "Telegram.org", "TELEGRAM.ORG"])

    public func accepts(_ file: FileCandidate) -> Bool {
        BotAPISourceKind.of(file) != nil
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard let kind = BotAPISourceKind.of(FileCandidate(path: file.path, isExecutable: file.isExecutable)) else { return }
        // memmem first: most files never mention the host, and the case-insensitive scan is slower.
        guard Self.hostSpellings.occurs(in: file.bytes),
              !BotAPIMethod.hostMarkerOffsets(in: file.bytes, range: 0..<file.bytes.count).isEmpty else { return }
        let masked = CommentMasker(kind: kind).masked(file.bytes)
        let offsets = BotAPIMethod.hostMarkerOffsets(in: masked, range: 0..<masked.count)
        guard !offsets.isEmpty else { return }
        let loops = LoopRegions(masked, syntax: kind.loops)
        let reader = BotAPIURLText(bytes: masked, kind: kind)
        let lines = LineIndex(bytes: masked)
        var facts: [CodeFact] = []
        for offset in offsets {
            guard let match = reader.match(at: offset) else { continue }
            // A single getUpdates request (a health check, a debugging curl) does not poll.
            if match.method == .getUpdates, !loops.contains(offset) { continue }
            let position = lines.position(ofUTF8Offset: reader.urlStart(hostOffset: offset))
            facts.append(CodeFact(kind: match.method.kind, library: .botAPI, api: match.method.rawValue, token: match.token,
                                  concurrency: .blocking, webhookURL: match.webhookURL,
                                  location: SourceLocation(path: file.path, line: position.line, column: position.column)))
        }
        guard !facts.isEmpty else { return }
        var code = analysis.code ?? CodeSummary(path: file.path, language: .other)
        code.facts.append(contentsOf: facts)
        analysis.code = code
    }
}
