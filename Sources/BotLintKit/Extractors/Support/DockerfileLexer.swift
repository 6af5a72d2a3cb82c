import Foundation

/// One Dockerfile instruction after line continuations are joined and comments dropped.
struct DockerInstruction {
    /// Uppercased (`CMD`).
    var keyword: String
    /// Everything after the keyword, continuation lines joined (their escape and newline removed).
    var arguments: String
    var location: SourceLocation
    /// Where each joined piece of `arguments` came from: (UTF-8 offset in arguments, line, column).
    fileprivate var pieces: [(offset: Int, line: Int, column: Int)]

    /// The file position of a UTF-8 offset into `arguments`.
    func location(ofArgumentOffset offset: Int) -> SourceLocation {
        let piece = pieces.last { $0.offset <= offset } ?? pieces[0]
        return SourceLocation(path: location.path, line: piece.line, column: piece.column + offset - piece.offset)
    }
}

/// Splits a Dockerfile into instructions the way BuildKit's parser does: parser directives
/// (`# escape=`), comment lines (also inside continuations), the escape character at the end of a
/// line, and heredoc bodies (`RUN <<EOF ... EOF`), which are skipped.
enum DockerfileLexer {
    static func instructions(_ text: String, path: String) -> (instructions: [DockerInstruction], escape: UInt8) {
        var escape = UInt8(ascii: "\\")
        var inDirectives = true
        var instructions: [DockerInstruction] = []
        var current: DockerInstruction?
        var heredocTerminators: [(word: String, stripTabs: Bool)] = []
        for (offset, line) in TextLines.split(text).enumerated() {
            let number = offset + 1
            if let terminator = heredocTerminators.first {
                let body = terminator.stripTabs ? String(line.drop { $0 == "\t" }) : String(line)
                if body == terminator.word { heredocTerminators.removeFirst() }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inDirectives, let directive = escapeDirective(trimmed) {
                escape = directive
                continue
            }
            inDirectives = inDirectives && trimmed.hasPrefix("#")
            if trimmed.hasPrefix("#") || (trimmed.isEmpty && current != nil) { continue }
            guard !trimmed.isEmpty else { continue }
            let (content, continues) = stripContinuation(line, escape: escape)
            if var instruction = current {
                instruction.pieces.append((instruction.arguments.utf8.count, number, 1))
                instruction.arguments += content
                current = instruction
            } else {
                current = start(content, line: number, path: path)
            }
            guard !continues, let finished = current else { continue }
            instructions.append(finished)
            heredocTerminators = heredocs(in: finished)
            current = nil
        }
        if let unfinished = current { instructions.append(unfinished) }
        return (instructions, escape)
    }

    private static func start(_ content: Substring, line: Int, path: String) -> DockerInstruction {
        let bytes = Array(content.utf8)
        var i = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        let keywordStart = i
        while i < bytes.count, bytes[i] != UInt8(ascii: " "), bytes[i] != UInt8(ascii: "\t") { i += 1 }
        let keyword = String(decoding: bytes[keywordStart..<i], as: UTF8.self).uppercased()
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        return DockerInstruction(keyword: keyword, arguments: String(decoding: bytes[i...], as: UTF8.self),
                                 location: SourceLocation(path: path, line: line, column: keywordStart + 1),
                                 pieces: [(0, line, i + 1)])
    }

    /// The line without a trailing escape character (and the whitespace after it).
    private static func stripContinuation(_ line: Substring, escape: UInt8) -> (Substring, Bool) {
        var end = line.utf8.endIndex
        while end > line.utf8.startIndex {
            let previous = line.utf8.index(before: end)
            guard line.utf8[previous] == UInt8(ascii: " ") || line.utf8[previous] == UInt8(ascii: "\t") else { break }
            end = previous
        }
        guard end > line.utf8.startIndex, line.utf8[line.utf8.index(before: end)] == escape else { return (line, false) }
        return (Substring(line.utf8[..<line.utf8.index(before: end)]), true)
    }

    /// `# escape=`` ` (any spacing and case); other directives (`syntax`, `check`) are ignored.
    private static func escapeDirective(_ line: Substring) -> UInt8? {
        guard line.hasPrefix("#") else { return nil }
        let body = line.dropFirst().filter { $0 != " " && $0 != "\t" }.lowercased()
        guard body.hasPrefix("escape="), let value = body.dropFirst("escape=".count).utf8.first else { return nil }
        return value == UInt8(ascii: "`") || value == UInt8(ascii: "\\") ? value : nil
    }

    /// Heredoc words opened by RUN/COPY/ADD: `<<EOF`, `<<-EOF`, `<<"EOF"`, in order.
    private static func heredocs(in instruction: DockerInstruction) -> [(word: String, stripTabs: Bool)] {
        guard ["RUN", "COPY", "ADD"].contains(instruction.keyword) else { return [] }
        var result: [(String, Bool)] = []
        var rest = Substring(instruction.arguments)
        while let range = rest.firstRange(of: "<<") {
            rest = rest[range.upperBound...]
            let stripTabs = rest.hasPrefix("-")
            if stripTabs { rest = rest.dropFirst() }
            let word = rest.prefix { $0 != " " && $0 != "\t" && $0 != ">" && $0 != "|" && $0 != ";" && $0 != "&" }
                .filter { $0 != "\"" && $0 != "'" }
            if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                result.append((String(word), stripTabs))
            }
        }
        return result
    }
}
