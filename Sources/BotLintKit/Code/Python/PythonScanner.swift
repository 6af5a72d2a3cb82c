/// Reads Python sources (`*.py`, `*.pyw`) into a `CodeSummary`: receiving calls, imports,
/// functions and references, module assignments, pydantic settings fields and dotenv loads.
/// Never runs code; comments and string contents never produce calls.
public struct PythonScanner: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.fileExtension == "py" || file.fileExtension == "pyw"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        extract(file, lexed: nil, into: &analysis)
    }

    /// `lexed` is the file's token stream when the caller has it already.
    func extract(_ file: SourceFile, lexed: PythonTokenStream?, into analysis: inout FileAnalysis) {
        var summary = CodeSummary(path: file.path, language: .python)
        // A file with no `=`, `(` or `import` can neither bind a name nor call anything.
        guard Self.mayMatter(file.bytes) else { analysis.code = summary; return }
        let stream = lexed ?? PythonLexer.tokenize(file.bytes)
        summary = Self.summarize(stream, path: file.path)
        analysis.code = summary
        if let first = stream.problems.first {
            let more = stream.problems.count > 1 ? " (and \(stream.problems.count - 1) more)" : ""
            analysis.notes.append(Note(path: file.path, message:
                "Python: \(first.message) at line \(first.line)\(more); the rest of the file was still scanned"))
        }
    }

    private static func summarize(_ stream: PythonTokenStream, path: String) -> CodeSummary {
        let statements = PythonStatementParser.parse(stream)
        let index = PythonModuleIndex.build(statements)
        let mentionsBotAPI = ByteSearch.contains(stream.bytes, Array("api.telegram.org".utf8))
        var walker = PythonCodeWalker(path: path, index: index, stream: stream, mentionsBotAPI: mentionsBotAPI)
        var summary = walker.walk(statements)
        summary.imports = index.imports.map { imported in
            ImportBinding(localName: imported.localName, module: imported.module, importedName: imported.importedName,
                          location: SourceLocation(path: path, line: imported.line, column: imported.column))
        }
        let resolver = PythonValueResolver(index: index, stream: stream)
        summary.assignments = PythonAssignments.collect(index: index, resolver: resolver)
        summary.assignmentLines = index.bindings.filter { summary.assignments[$0.key] != nil }.mapValues(\.line)
        summary.settingsFields = index.settingsFields.mapValues { .env($0, default: nil) }
        summary.dotenvLoads += index.settingsEnvFiles
        return summary
    }

    private static func mayMatter(_ bytes: [UInt8]) -> Bool {
        bytes.contains(UInt8(ascii: "=")) || bytes.contains(UInt8(ascii: "("))
            || ByteSearch.contains(bytes, Array("import".utf8))
    }
}
