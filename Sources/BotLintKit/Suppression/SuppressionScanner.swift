/// Finds `botlint:` directives in comments and works out what each one covers. A cheap byte
/// search skips the scan for almost every file.
enum SuppressionScanner {
    static let marker = Array("botlint:".utf8)

    static func scan(_ file: SourceFile) -> [Suppression] {
        guard ByteSearch.contains(file.bytes, marker) else { return [] }
        let syntax = CommentSyntax.of(file)
        guard syntax != .none else { return [] }
        var body = file.bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line -> [UInt8] in
            line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : Array(line)
        }
        let text = CommentedText(lines: lines, syntax: syntax)
        var result: [Suppression] = []
        for (index, line) in lines.enumerated() {
            guard ByteSearch.contains(line, marker), let comment = text.comment(in: index),
                  var suppression = SuppressionDirective.parse(Array(line[(comment.offset + comment.opener)...])) else { continue }
            suppression.location = SourceLocation(path: file.path, line: index + 1, column: comment.offset + 1)
            suppression.text = String(decoding: line[comment.offset...], as: UTF8.self).trimmingTrailingSpaces
            if suppression.scope != .file {
                let trailsCode = comment.offset > text.indentation(of: index)
                if trailsCode {
                    suppression.scope = .lines((index + 1)...(index + 1))
                } else if let next = text.nextDeclaration(after: index) {
                    suppression.scope = .lines((next + 1)...(text.declarationEnd(from: next) + 1))
                } else {
                    suppression.scope = .nothing
                }
            }
            result.append(suppression)
        }
        return result
    }
}

/// Lines of one file with the comment and string rules of its syntax.
struct CommentedText {
    let lines: [[UInt8]]
    let syntax: CommentSyntax

    /// Where a comment starts on a line (outside strings) and the length of its opener.
    func comment(in index: Int) -> (offset: Int, opener: Int)? {
        let line = lines[index]
        var quote: UInt8? = nil
        var i = 0
        while i < line.count {
            let byte = line[i]
            if let q = quote {
                if byte == UInt8(ascii: "\\") { i += 2; continue }
                if byte == q { quote = nil }
                i += 1
                continue
            }
            switch syntax {
            case .hash:
                if byte == UInt8(ascii: "#"), i == 0 || line[i - 1] == UInt8(ascii: " ") || line[i - 1] == UInt8(ascii: "\t") {
                    return (i, 1)
                }
            case .slashes:
                if byte == UInt8(ascii: "/"), i + 1 < line.count, line[i + 1] == UInt8(ascii: "/") || line[i + 1] == UInt8(ascii: "*") {
                    return (i, 2)
                }
            case .markup:
                if line[i...].starts(with: Array("<!--".utf8)) { return (i, 4) }
            case .none:
                return nil
            }
            if Self.isQuote(byte, syntax: syntax), i == 0 || !TokenRedaction.isWordChar(line[i - 1]) { quote = byte }
            i += 1
        }
        return nil
    }

    /// Markup has no string literals; an apostrophe inside a word (`don't`) opens nothing.
    private static func isQuote(_ byte: UInt8, syntax: CommentSyntax) -> Bool {
        switch syntax {
        case .markup, .none: false
        case .slashes: byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")
        case .hash: byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
    }

    func indentation(of index: Int) -> Int {
        lines[index].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
    }

    func isBlank(_ index: Int) -> Bool { indentation(of: index) == lines[index].count }

    /// Blank, or nothing but a comment (a block comment's `*` lines included).
    func isCommentOnly(_ index: Int) -> Bool {
        if isBlank(index) { return true }
        let start = indentation(of: index)
        if syntax == .slashes, lines[index][start] == UInt8(ascii: "*") { return true }
        return comment(in: index)?.offset == start
    }

    func nextDeclaration(after index: Int) -> Int? {
        ((index + 1)..<lines.count).first { !isCommentOnly($0) }
    }

    /// The last line of the declaration that starts at `start`.
    func declarationEnd(from start: Int) -> Int {
        switch syntax {
        case .hash(.line), .markup, .none: return start
        case .hash(.continuedLine): return continuationEnd(from: start)
        case .hash(.toml):
            guard lines[start][indentation(of: start)] == UInt8(ascii: "[") else { return statementEnd(from: start) }
            let nextHeader = ((start + 1)..<lines.count).first { !isBlank($0) && lines[$0][indentation(of: $0)] == UInt8(ascii: "[") }
            return (nextHeader ?? lines.count) - 1
        case .hash(.yaml):
            let endsWithColon = code(of: start).last == UInt8(ascii: ":")
            return indentedBlockEnd(after: start, indent: indentation(of: start), sameIndentListItems: endsWithColon)
        case .hash(.python):
            var statement = start
            // Decorators belong to the definition under them.
            while lines[statement][indentation(of: statement)] == UInt8(ascii: "@"),
                  let next = nextDeclaration(after: statementEnd(from: statement)) {
                statement = next
            }
            let end = statementEnd(from: statement)
            guard code(of: end).last == UInt8(ascii: ":") else { return end }
            return indentedBlockEnd(after: end, indent: indentation(of: statement), sameIndentListItems: false)
        case .slashes: return statementEnd(from: start)
        }
    }

    /// A line's text before its comment, without trailing spaces.
    private func code(of index: Int) -> ArraySlice<UInt8> {
        let line = lines[index]
        var slice = line[..<(comment(in: index)?.offset ?? line.count)]
        while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { slice = slice.dropLast() }
        return slice
    }

    private func continuationEnd(from start: Int) -> Int {
        var end = start
        while end + 1 < lines.count, code(of: end).last == UInt8(ascii: "\\") { end += 1 }
        return end
    }

    private func indentedBlockEnd(after start: Int, indent: Int, sameIndentListItems: Bool) -> Int {
        var end = start
        for index in (start + 1)..<max(start + 1, lines.count) {
            if isCommentOnly(index) { continue }
            let deeper = indentation(of: index) > indent
            let listItem = sameIndentListItems && indentation(of: index) == indent
                && lines[index][indent...].starts(with: Array("- ".utf8))
            guard deeper || listItem else { break }
            end = index
        }
        return end
    }

    /// Until brackets opened on the first line close (strings and comments skipped, multi-line
    /// strings followed) and no backslash continues the line.
    private func statementEnd(from start: Int) -> Int {
        var depth = 0
        var longString: [UInt8]? = nil
        var index = start
        while index < lines.count {
            let line = lines[index]
            var i = 0
            var quote: UInt8? = nil
            while i < line.count {
                if let delimiter = longString {
                    if line[i...].starts(with: delimiter) { longString = nil; i += delimiter.count } else { i += 1 }
                    continue
                }
                let byte = line[i]
                if let q = quote {
                    if byte == UInt8(ascii: "\\") { i += 2; continue }
                    if byte == q { quote = nil }
                    i += 1
                    continue
                }
                if let comment = comment(in: index), comment.offset == i { break }
                if byte == UInt8(ascii: "`"), syntax == .slashes { longString = [byte]; i += 1; continue }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    let triple = [byte, byte, byte]
                    if line[i...].starts(with: triple) { longString = triple; i += 3; continue }
                    quote = byte
                } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    depth -= 1
                }
                i += 1
            }
            let continued = code(of: index).last == UInt8(ascii: "\\")
            if depth <= 0, longString == nil, !continued { return index }
            index += 1
        }
        return lines.count - 1
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
