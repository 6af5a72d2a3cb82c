/// Finds token-shaped literals in every text file (BL401). One `:` scan per file; nothing else.
public struct TokenLiteralExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool { true }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let ranges = TokenRedaction.findTokens(in: file.bytes)
        guard !ranges.isEmpty else { return }
        let lines = LineIndex(bytes: file.bytes)
        for range in ranges {
            let value = String(decoding: file.bytes[range], as: UTF8.self)
            let (line, column) = lines.position(ofUTF8Offset: range.lowerBound)
            analysis.tokenLiterals.append(TokenLiteral(value: value, location: SourceLocation(path: file.path, line: line, column: column)))
        }
    }
}
