/// Reads shell scripts and command lines (Procfile lines, Dockerfile CMD, crontab commands,
/// package.json scripts) into the commands they start. Static: nothing is ever run.
public enum ShellParser {
    /// Parses `text`, which sits at `firstLine`/`firstColumn` of the file at `path`.
    public static func parse(_ text: String, path: String, firstLine: Int = 1, firstColumn: Int = 1) -> ShellScript {
        parseReportingProblems(text, path: path, firstLine: firstLine, firstColumn: firstColumn).script
    }

    /// Like `parse`, plus what could not be read (unterminated quotes or heredocs, stray `fi`,
    /// nesting too deep), as `ParseProblem`s with format "shell". The script is still as complete as possible.
    public static func parseReportingProblems(_ text: String, path: String, firstLine: Int = 1,
                                              firstColumn: Int = 1) -> (script: ShellScript, problems: [ParseProblem]) {
        var lexer = ShellLexer(text, firstLine: firstLine, firstColumn: firstColumn)
        let tokens = lexer.tokenize()
        var parser = ShellSyntaxParser(tokens: tokens, source: text)
        let items = parser.parseProgram()
        let walker = ShellWalker(path: path)
        var context = ShellContext()
        walker.walk(items, &context)
        let problems = (lexer.problems + parser.problems).map {
            ParseProblem(location: SourceLocation(path: path, line: $0.line, column: $0.column), format: "shell", message: $0.message)
        }
        let script = ShellScript(commands: walker.commands, exports: walker.exports, sourcedFiles: walker.sourcedFiles)
        return (script, problems.sorted { $0.location < $1.location })
    }
}
