@testable import BotLintKit

/// Runs one extractor on an in-memory file, the way the engine does.
func analyze(_ extractor: some Extractor, _ path: String, _ text: String) -> FileAnalysis {
    analyze(extractor, path, bytes: Array(text.utf8))
}

func analyze(_ extractor: some Extractor, _ path: String, bytes: [UInt8]) -> FileAnalysis {
    let file = SourceFile(path: path, bytes: bytes)
    var analysis = FileAnalysis(path: path)
    extractor.extract(file, into: &analysis)
    return analysis
}

func accepts(_ extractor: some Extractor, _ path: String) -> Bool {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return extractor.accepts(path: path, name: name, isExecutable: false)
}

extension FileAnalysis {
    func runner(_ name: String) -> RunnerDecl? { runners.first { $0.name == name } }
}

extension SourceLocation {
    /// `line:column`, for compact expectations.
    var lineColumn: String { "\(line):\(column)" }
}
