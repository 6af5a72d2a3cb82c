/// A lexical token of a shell script.
enum ShellToken: Hashable, Sendable {
    case word(ShellWord)
    /// `;`, `&`, `&&`, `||`, `|`, `(`, `)`, `;;`, redirections (`>`, `2>&1` is `>&` + word).
    case op(String, line: Int, column: Int, offset: Int)
    case newline(offset: Int)

    var opText: String? {
        if case .op(let text, _, _, _) = self { return text }
        return nil
    }

    static let redirections: Set<String> = [">", ">>", "<", "<<", "<<-", "<<<", ">&", "<&", "&>", "&>>", ">|", "<>"]
}

/// Splits shell source into words and operators (POSIX sh plus common bash). Quotes,
/// escapes and expansions are decoded into word parts; heredoc bodies are skipped as data.
/// Never fails: unterminated constructs run to the end of the input and are reported.
struct ShellLexer {
    private let bytes: [UInt8]
    private let lines: LineIndex
    private let firstLine: Int
    private let firstColumn: Int
    private var index = 0
    private var tokens: [ShellToken] = []
    private var pendingHeredocs: [(delimiter: String, stripTabs: Bool)] = []
    private var expectsHeredocDelimiter: Bool? = nil
    private(set) var problems: [(line: Int, column: Int, message: String)] = []

    init(_ text: String, firstLine: Int, firstColumn: Int) {
        bytes = Array(text.utf8)
        lines = LineIndex(bytes: bytes)
        self.firstLine = firstLine
        self.firstColumn = firstColumn
    }

    mutating func tokenize() -> [ShellToken] {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\\") where peek(1) == UInt8(ascii: "\n"):
                index += 2
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\n"):
                tokens.append(.newline(offset: index))
                index += 1
                skipHeredocBodies()
            case UInt8(ascii: "("):
                if peek(1) == UInt8(ascii: "(") { lexArithmeticCommand() } else { lexOperator() }
            case UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ")"):
                lexOperator()
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                if peek(1) == UInt8(ascii: "(") { lexWord() } else { lexOperator() }
            default:
                lexWord()
            }
        }
        if !pendingHeredocs.isEmpty { report(at: bytes.count, "unterminated here-document") }
        return tokens
    }

    // MARK: - Positions

    private func peek(_ ahead: Int) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    /// File line/column of a byte offset, honouring where the text sits in its file.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let local = lines.position(ofUTF8Offset: offset)
        return (firstLine + local.line - 1, local.line == 1 ? firstColumn + local.column - 1 : local.column)
    }

    private mutating func report(at offset: Int, _ message: String) {
        let pos = position(of: offset)
        problems.append((pos.line, pos.column, message))
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    // MARK: - Operators

    private static let operators = [";;&", "&>>", "<<-", "<<<", ";;", ";&", "&&", "||", "|&", "&>", ">>", ">&",
                                    ">|", "<<", "<&", "<>", ";", "&", "|", "(", ")", "<", ">"].map { Array($0.utf8) }

    private mutating func lexOperator() {
        let start = index
        let match = Self.operators.first { op in
            op.count <= bytes.count - index && zip(op, bytes[index...]).allSatisfy { $0 == $1 }
        } ?? [bytes[index]]
        index += match.count
        let op = String(decoding: match, as: UTF8.self)
        let pos = position(of: start)
        tokens.append(.op(op, line: pos.line, column: pos.column, offset: start))
        if op == "<<" || op == "<<-" { expectsHeredocDelimiter = op == "<<-" }
    }

    /// `(( i++ ))` as a command: one opaque word.
    private mutating func lexArithmeticCommand() {
        let start = index
        index = matchingClose(from: index, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
        appendWord(parts: [.substitution(inner: text(start..<index), raw: text(start..<index))], start: start, contentStart: start)
    }

    // MARK: - Words

    private static func isMeta(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"),
             UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"),
             UInt8(ascii: ">"): true
        default: false
        }
    }

    private mutating func lexWord() {
        let start = index
        var builder = PartsBuilder()
        var contentStart: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")) && peek(1) == UInt8(ascii: "(") {
                let open = index
                index = matchingClose(from: index + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
                builder.add(.substitution(inner: text(open + 2..<max(open + 2, index - 1)), raw: text(open..<index)))
                continue
            }
            if byte == UInt8(ascii: "("), builder.endsWithAssignment {
                // `arr=(a b c)`: the array literal stays part of the word.
                let open = index
                index = matchingClose(from: index, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
                builder.addLiteral(text(open..<index), quoted: true)
                continue
            }
            if Self.isMeta(byte) { break }
            switch byte {
            case UInt8(ascii: "'"):
                contentStart = contentStart ?? index + 1
                builder.addLiteral(readSingleQuoted(), quoted: true)
            case UInt8(ascii: "\""):
                contentStart = contentStart ?? index + 1
                readDoubleQuoted(into: &builder)
            case UInt8(ascii: "\\"):
                if peek(1) == UInt8(ascii: "\n") {
                    index += 2
                } else if index + 1 < bytes.count {
                    builder.addLiteral(text(index + 1..<index + 2 + continuationLength(at: index + 1)), quoted: true)
                    index += 2 + continuationLength(at: index + 1)
                } else {
                    index += 1
                }
            case UInt8(ascii: "$"):
                readDollar(into: &builder, inQuotes: false)
            case UInt8(ascii: "`"):
                readBacktick(into: &builder)
            default:
                let runStart = index
                while index < bytes.count, !Self.isMeta(bytes[index]),
                      !"'\"\\$`".utf8.contains(bytes[index]) { index += 1 }
                builder.addLiteral(text(runStart..<index), quoted: false)
            }
        }
        if index == start { index += 1; return }
        // `2>file`: a bare number right before a redirection is a file descriptor, not a word.
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: ">"),
           bytes[start..<index].allSatisfy(ShellNames.isDigit) { return }
        appendWord(parts: builder.parts, start: start, contentStart: contentStart ?? start)
    }

    /// Extra bytes of a multi-byte UTF-8 character starting at `offset` (escaped characters).
    private func continuationLength(at offset: Int) -> Int {
        var length = 0
        while offset + length + 1 < bytes.count, bytes[offset + length + 1] & 0xC0 == 0x80 { length += 1 }
        return length
    }

    private mutating func appendWord(parts: [ShellWordPart], start: Int, contentStart: Int) {
        let pos = position(of: start)
        let content = position(of: contentStart)
        let word = ShellWord(parts: parts, raw: text(start..<index), line: pos.line, column: pos.column,
                             contentLine: content.line, contentColumn: content.column, offset: start)
        tokens.append(.word(word))
        if let stripTabs = expectsHeredocDelimiter {
            pendingHeredocs.append((word.unquoted, stripTabs))
            expectsHeredocDelimiter = nil
        }
    }

    private mutating func readSingleQuoted() -> String {
        let open = index
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "'") { index += 1 }
        let content = text(start..<index)
        if index >= bytes.count { report(at: open, "unterminated single quote") } else { index += 1 }
        return content
    }

    private mutating func readDoubleQuoted(into builder: inout PartsBuilder) {
        let open = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                let next = peek(1)
                if next == UInt8(ascii: "\n") {
                    index += 2
                } else if let next, "$`\"\\".utf8.contains(next) {
                    builder.addLiteral(String(UnicodeScalar(next)), quoted: true)
                    index += 2
                } else {
                    builder.addLiteral("\\", quoted: true)
                    index += 1
                }
            case UInt8(ascii: "$"):
                readDollar(into: &builder, inQuotes: true)
            case UInt8(ascii: "`"):
                readBacktick(into: &builder)
            default:
                let runStart = index
                while index < bytes.count, !"\"\\$`".utf8.contains(bytes[index]) { index += 1 }
                builder.addLiteral(text(runStart..<index), quoted: true)
            }
        }
        if index >= bytes.count { report(at: open, "unterminated double quote") } else { index += 1 }
        builder.markQuoted()
    }

    private mutating func readBacktick(into builder: inout PartsBuilder) {
        let open = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "`") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        index = min(index, bytes.count)
        let inner = text(open + 1..<index)
        if index >= bytes.count { report(at: open, "unterminated backquote") } else { index += 1 }
        builder.add(.substitution(inner: inner, raw: text(open..<index)))
    }

    private mutating func readDollar(into builder: inout PartsBuilder, inQuotes: Bool) {
        let start = index
        switch peek(1) {
        case UInt8(ascii: "(")?:
            index = matchingClose(from: index + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
            let inner = text(start + 2..<max(start + 2, index - 1))
            builder.add(.substitution(inner: inner, raw: text(start..<index)))
        case UInt8(ascii: "{")?:
            index = matchingClose(from: index + 1, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
            let inner = text(start + 2..<max(start + 2, index - 1))
            let nameEnd = inner.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? inner.endIndex
            var name = String(inner[..<nameEnd])
            var modifier = String(inner[nameEnd...])
            if name.isEmpty, let first = modifier.first, "@*#?$!-".contains(first), modifier.count == 1 {
                name = modifier
                modifier = ""
            }
            builder.add(.parameter(name: name, modifier: modifier, raw: text(start..<index)))
        case UInt8(ascii: "'")? where !inQuotes:
            index += 1
            builder.addLiteral(decodeANSIC(readSingleQuotedWithEscapes()), quoted: true)
        case UInt8(ascii: "\"")? where !inQuotes:
            index += 1
        case let next? where ShellNames.isLetter(next) || next == UInt8(ascii: "_"):
            index += 1
            while index < bytes.count, ShellNames.isLetter(bytes[index]) || ShellNames.isDigit(bytes[index])
                    || bytes[index] == UInt8(ascii: "_") { index += 1 }
            builder.add(.parameter(name: text(start + 1..<index), modifier: "", raw: text(start..<index)))
        case let next? where ShellNames.isDigit(next) || "@*#?$!-".utf8.contains(next):
            index += 2
            builder.add(.parameter(name: text(start + 1..<index), modifier: "", raw: text(start..<index)))
        default:
            index += 1
            builder.addLiteral("$", quoted: inQuotes)
        }
    }

    /// `$'...'`: like single quotes, but `\'` does not end it.
    private mutating func readSingleQuotedWithEscapes() -> String {
        let open = index
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "'") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        index = min(index, bytes.count)
        let content = text(start..<index)
        if index >= bytes.count { report(at: open, "unterminated $'...' quote") } else { index += 1 }
        return content
    }

    private func decodeANSIC(_ text: String) -> String {
        var out = ""
        var escaping = false
        for char in text {
            if escaping {
                switch char {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                default: out.append(char)
                }
                escaping = false
            } else if char == "\\" {
                escaping = true
            } else {
                out.append(char)
            }
        }
        return out
    }

    /// Index just past the bracket that closes the one at `from`, skipping quotes and escapes.
    /// Iterative so that deep nesting cannot exhaust the stack.
    private mutating func matchingClose(from: Int, open: UInt8, close: UInt8) -> Int {
        var depth = 0
        var i = from
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if byte == UInt8(ascii: "'") {
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "'") { i += 1 }
            } else if byte == UInt8(ascii: "\"") {
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
            } else if byte == open {
                depth += 1
            } else if byte == close {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        report(at: from, "unterminated \(String(UnicodeScalar(open)))")
        return bytes.count
    }

    // MARK: - Heredocs

    private mutating func skipHeredocBodies() {
        while !pendingHeredocs.isEmpty {
            let heredoc = pendingHeredocs.removeFirst()
            let bodyStart = index
            var found = false
            while index < bytes.count {
                var lineEnd = index
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var line = text(index..<lineEnd)
                if line.hasSuffix("\r") { line.removeLast() }
                if heredoc.stripTabs { line = String(line.drop { $0 == "\t" }) }
                index = min(lineEnd + 1, bytes.count)
                if line == heredoc.delimiter { found = true; break }
            }
            if !found { report(at: bodyStart, "unterminated here-document (missing \(heredoc.delimiter))") }
        }
    }
}

/// Collects word parts, merging adjacent literals.
private struct PartsBuilder {
    var parts: [ShellWordPart] = []

    mutating func addLiteral(_ text: String, quoted: Bool) {
        if case .literal(let previous, let wasQuoted)? = parts.last, wasQuoted == quoted {
            parts[parts.count - 1] = .literal(previous + text, quoted: quoted)
        } else {
            parts.append(.literal(text, quoted: quoted))
        }
    }

    mutating func add(_ part: ShellWordPart) { parts.append(part) }

    /// `""` still makes a word: keep an empty quoted literal when nothing else was added.
    mutating func markQuoted() {
        if parts.isEmpty { parts.append(.literal("", quoted: true)) }
    }

    var endsWithAssignment: Bool {
        guard parts.count == 1, case .literal(let text, quoted: false) = parts[0], text.hasSuffix("=") else { return false }
        return ShellNames.isIdentifier(String(text.dropLast()).replacing("+", with: ""))
    }
}
