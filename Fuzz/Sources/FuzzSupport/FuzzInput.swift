import BotLintKit

/// What every fuzz target does with libFuzzer's bytes.
public enum FuzzInput {
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Hands the bytes to every extractor that accepts a file of each name, as the engine would.
    public static func extract(_ data: UnsafePointer<UInt8>?, _ size: Int, as paths: [String],
                               executable: Bool = false) {
        let bytes = bytes(data, size)
        for path in paths {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let file = SourceFile(path: path, bytes: bytes, isExecutable: executable)
            var analysis = FileAnalysis(path: path)
            for extractor in Extractors.all where extractor.accepts(path: path, name: name, isExecutable: executable) {
                extractor.extract(file, into: &analysis)
            }
            // Redaction must hold for whatever an extractor kept.
            for literal in analysis.tokenLiterals { precondition(literal.redacted != literal.value) }
        }
    }
}
