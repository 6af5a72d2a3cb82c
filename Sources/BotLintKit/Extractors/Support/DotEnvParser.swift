/// Reads dotenv syntax as python-dotenv and the `dotenv` npm package do: `KEY=value`,
/// `export KEY=value`, `KEY = value`, single-, double- and backtick-quoted values (double and
/// single quotes may span lines), ` # comments` after unquoted values, `${VAR}` expansion from
/// earlier keys of the same file. One pass over the bytes; values never reach messages.
struct DotEnvParser {
    /// `.envrc` is a shell script for direnv: lines that are not assignments are commands, not errors.
    var commandsAllowed = false

    private struct Cursor {
        var index = 0
        var line = 1
        var lineStart = 0
    }

    func parse(_ text: String, path: String) -> (assignments: [EnvAssignment], problems: [ParseProblem]) {
        let bytes = Array(text.utf8)
        var cursor = Cursor()
        var assignments: [EnvAssignment] = []
        var problems: [ParseProblem] = []
        var known: [String: String?] = [:]
        while cursor.index < bytes.count {
            let lineNumber = cursor.line
            switch parseLine(bytes, &cursor) {
            case .nothing:
                break
            case .problem(let message, let column):
                problems.append(ParseProblem(location: SourceLocation(path: path, line: lineNumber, column: column),
                                             format: "dotenv", message: message))
            case .assignment(let name, let raw, let column, let expands):
                let value = expands ? raw.flatMap { VariableExpander.expand($0) { known[$0] ?? nil } } : raw
                known[name] = value
                assignments.append(EnvAssignment(name: name, value: value,
                                                 location: SourceLocation(path: path, line: lineNumber, column: column)))
            }
        }
        return (assignments, problems)
    }

    private enum LineResult {
        case nothing
        case problem(String, column: Int)
        /// `raw` is nil when the value cannot be read; `expands` for unquoted and double-quoted values.
        case assignment(name: String, raw: String?, column: Int, expands: Bool)
    }

    private func parseLine(_ bytes: [UInt8], _ cursor: inout Cursor) -> LineResult {
        skipBlanks(bytes, &cursor)
        guard cursor.index < bytes.count, !isLineEnd(bytes[cursor.index]), bytes[cursor.index] != UInt8(ascii: "#") else {
            skipLine(bytes, &cursor)
            return .nothing
        }
        if startsWord("export", bytes, cursor.index) {
            cursor.index += "export".count
            skipBlanks(bytes, &cursor)
        }
        let column = cursor.index - cursor.lineStart + 1
        let nameStart = cursor.index
        while cursor.index < bytes.count, isKeyByte(bytes[cursor.index]) { cursor.index += 1 }
        let name = String(decoding: bytes[nameStart..<cursor.index], as: UTF8.self)
        skipBlanks(bytes, &cursor)
        guard !name.isEmpty, cursor.index < bytes.count, bytes[cursor.index] == UInt8(ascii: "=") else {
            // A bare `KEY` declares nothing (python-dotenv gives it no value); anything else is broken.
            let bare = !name.isEmpty && (cursor.index >= bytes.count || isLineEnd(bytes[cursor.index])
                                         || bytes[cursor.index] == UInt8(ascii: "#"))
            skipLine(bytes, &cursor)
            return bare || commandsAllowed ? .nothing : .problem("expected KEY=value", column: column)
        }
        cursor.index += 1
        skipBlanks(bytes, &cursor)
        guard cursor.index < bytes.count else { return .assignment(name: name, raw: "", column: column, expands: false) }
        let quote = bytes[cursor.index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`") else {
            return .assignment(name: name, raw: unquotedValue(bytes, &cursor), column: column, expands: true)
        }
        guard let raw = quotedValue(bytes, &cursor, quote: quote) else {
            skipLine(bytes, &cursor)
            return .problem("unterminated quoted value for \(name)", column: column)
        }
        skipLine(bytes, &cursor)
        return .assignment(name: name, raw: raw, column: column, expands: quote == UInt8(ascii: "\""))
    }

    /// Up to the end of the line or a ` #` comment, trimmed.
    private func unquotedValue(_ bytes: [UInt8], _ cursor: inout Cursor) -> String {
        let start = cursor.index
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
            if bytes[end] == UInt8(ascii: "#"), end == start || isBlank(bytes[end - 1]) { break }
            end += 1
        }
        var trimmed = end
        while trimmed > start, isBlank(bytes[trimmed - 1]) || bytes[trimmed - 1] == UInt8(ascii: "\r") { trimmed -= 1 }
        cursor.index = end
        skipLine(bytes, &cursor)
        return String(decoding: bytes[start..<trimmed], as: UTF8.self)
    }

    /// From the opening quote to the matching close, possibly lines later; nil when never closed
    /// (the cursor then stays on the opening line). Double quotes decode `\n`, `\t`, `\"`, `\\`.
    private func quotedValue(_ bytes: [UInt8], _ cursor: inout Cursor, quote: UInt8) -> String? {
        var i = cursor.index + 1
        var out: [UInt8] = []
        var lines: [Int] = []
        while i < bytes.count, bytes[i] != quote {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count, quote != UInt8(ascii: "`") {
                let escaped = bytes[i + 1]
                if quote == UInt8(ascii: "\"") {
                    if let decoded = Self.escapes[escaped] {
                        out.append(decoded)
                        i += 2
                        continue
                    }
                } else if escaped == quote || escaped == UInt8(ascii: "\\") {
                    out.append(escaped)
                    i += 2
                    continue
                }
            }
            if byte == UInt8(ascii: "\n") {
                lines.append(i + 1)
                // Loaders read files with universal newlines: CRLF inside a value is LF.
                if out.last == UInt8(ascii: "\r") { out.removeLast() }
            }
            out.append(byte)
            i += 1
        }
        guard i < bytes.count else { return nil }
        cursor.index = i + 1
        cursor.line += lines.count
        cursor.lineStart = lines.last ?? cursor.lineStart
        return String(decoding: out, as: UTF8.self)
    }

    /// `\$` stays escaped so the expander keeps the dollar literal.
    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "n"): UInt8(ascii: "\n"), UInt8(ascii: "t"): UInt8(ascii: "\t"),
        UInt8(ascii: "r"): UInt8(ascii: "\r"), UInt8(ascii: "\""): UInt8(ascii: "\""),
        UInt8(ascii: "\\"): UInt8(ascii: "\\"),
    ]

    private func skipLine(_ bytes: [UInt8], _ cursor: inout Cursor) {
        while cursor.index < bytes.count, bytes[cursor.index] != UInt8(ascii: "\n") { cursor.index += 1 }
        if cursor.index < bytes.count {
            cursor.index += 1
            cursor.line += 1
            cursor.lineStart = cursor.index
        }
    }

    private func skipBlanks(_ bytes: [UInt8], _ cursor: inout Cursor) {
        while cursor.index < bytes.count, isBlank(bytes[cursor.index]) { cursor.index += 1 }
    }

    private func startsWord(_ word: String, _ bytes: [UInt8], _ index: Int) -> Bool {
        let word = Array(word.utf8)
        let end = index + word.count
        return end < bytes.count && Array(bytes[index..<end]) == word && isBlank(bytes[end])
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    private func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
    private func isKeyByte(_ byte: UInt8) -> Bool {
        TokenRedaction.isWordChar(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
