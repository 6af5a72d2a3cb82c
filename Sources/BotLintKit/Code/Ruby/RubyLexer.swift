/// Tokenizes Ruby and rewrites its keyword blocks into the brace form the C-family walker reads:
/// `if c` … `elsif d` … `else` … `end` becomes `if c { … } else if d { … } else { … }`,
/// `unless c` becomes `if ! c {`, `case x` / `when "a"` become `switch x {` / `case "a" :`,
/// `def name` becomes `def name {`, and `do … end` a brace block. Modifiers (`x if c`) open nothing.
struct RubyLexer {
    let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var sawNewline = true
    private var raw: [CToken] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func tokens(_ bytes: [UInt8]) -> [CToken] {
        var lexer = RubyLexer(bytes: bytes)
        lexer.lex()
        return RubyBlocks.rewrite(lexer.raw)
    }

    private mutating func lex() {
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x0A:
                line += 1
                lineStart = i + 1
                sawNewline = true
                i += 1
                skipHeredocBody()
                if matches("=begin") { skipEmbeddedDocument() }
            case 0x20, 0x09, 0x0D:
                i += 1
            case UInt8(ascii: "\\") where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                i += 2  // line continuation
                line += 1
                lineStart = i
            case UInt8(ascii: "#"):
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                string(closing: byte, start: i, skip: 1)
            case UInt8(ascii: "%") where percentLiteral():
                break
            case UInt8(ascii: "<") where heredoc():
                break
            case UInt8(ascii: ":") where i + 1 < bytes.count && CFamilyLexer.isIdentifierStart(bytes[i + 1]) && (i == 0 || bytes[i - 1] != UInt8(ascii: ":")):
                // `:symbol` is a value like a string.
                let start = i
                i += 1
                while i < bytes.count, CFamilyLexer.isIdentifierByte(bytes[i]) || bytes[i] == UInt8(ascii: "?") { i += 1 }
                emit(.string, String(decoding: bytes[(start + 1)..<i], as: UTF8.self), start: start)
            case _ where CFamilyLexer.isIdentifierStart(byte) || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "$"):
                let start = i
                i += 1
                while i < bytes.count, CFamilyLexer.isIdentifierByte(bytes[i]) || bytes[i] == UInt8(ascii: "@") { i += 1 }
                // `present?`, `save!`, but not `a!=b`.
                if i < bytes.count, bytes[i] == UInt8(ascii: "?") || bytes[i] == UInt8(ascii: "!"),
                   i + 1 >= bytes.count || bytes[i + 1] != UInt8(ascii: "=") { i += 1 }
                // `key:` in a hash or keyword argument is a symbol followed by `:`.
                emit(.identifier, String(decoding: bytes[start..<i], as: UTF8.self), start: start)
            case _ where CFamilyLexer.isDigit(byte):
                let start = i
                while i < bytes.count, CFamilyLexer.isIdentifierByte(bytes[i]) || bytes[i] == UInt8(ascii: ".") && i + 1 < bytes.count && CFamilyLexer.isDigit(bytes[i + 1]) { i += 1 }
                emit(.number, String(decoding: bytes[start..<i], as: UTF8.self), start: start)
            default:
                let start = i
                let ops = ["::", "==", "!=", "=~", "=>", "&&", "||", "<=", ">=", "**", "||=", "&.", "..", "->"]
                let op = ops.sorted { $0.count > $1.count }.first { matches($0) }
                i += op?.utf8.count ?? 1
                emit(.punctuator, String(decoding: bytes[start..<i], as: UTF8.self), start: start)
            }
        }
    }

    private func matches(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        return i + needle.count <= bytes.count && bytes[i..<(i + needle.count)].elementsEqual(needle)
    }

    /// Strings may span lines: they pass where they started.
    private mutating func emit(_ kind: CToken.Kind, _ text: String, start: Int, startLine: Int? = nil, startLineStart: Int? = nil) {
        let tokenLine = startLine ?? line
        let tokenLineStart = startLineStart ?? lineStart
        raw.append(CToken(kind: kind, text: text, line: tokenLine, column: start - tokenLineStart + 1, newlineBefore: sawNewline))
        sawNewline = false
    }

    private mutating func string(closing: UInt8, start: Int, skip: Int, opening: UInt8? = nil) {
        let startLine = line, startLineStart = lineStart
        i = start + skip
        var value: [UInt8] = []
        var depth = 0
        while i < bytes.count {
            let byte = bytes[i]
            if let opening, byte == opening { depth += 1 }
            if byte == closing {
                if depth == 0 { i += 1; break }
                depth -= 1
            }
            if byte == 0x0A { line += 1; lineStart = i + 1 }
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count {
                value.append(bytes[i + 1])
                i += 2
                continue
            }
            value.append(byte)
            i += 1
        }
        emit(.string, String(decoding: value, as: UTF8.self), start: start, startLine: startLine, startLineStart: startLineStart)
    }

    /// `%q(...)`, `%Q[...]`, `%w(...)`, `%(...)`: only after an operator or at a value position.
    private mutating func percentLiteral() -> Bool {
        guard i + 1 < bytes.count else { return false }
        var k = i + 1
        if [UInt8(ascii: "q"), UInt8(ascii: "Q"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "i")].contains(bytes[k]) { k += 1 }
        guard k < bytes.count, let close = [UInt8(ascii: "("): UInt8(ascii: ")"), UInt8(ascii: "["): UInt8(ascii: "]"),
                                            UInt8(ascii: "{"): UInt8(ascii: "}"), UInt8(ascii: "<"): UInt8(ascii: ">"),
                                            UInt8(ascii: "|"): UInt8(ascii: "|")][bytes[k]],
              raw.last.map({ $0.kind == .punctuator && $0.text != ")" && $0.text != "]" }) ?? true else { return false }
        string(closing: close, start: i, skip: k - i + 1, opening: close == bytes[k] ? nil : bytes[k])
        return true
    }

    /// `<<~SQL`, `<<-EOS`, `<<EOS`: the body (from the next line to the terminator) is one string.
    private mutating func heredoc() -> Bool {
        guard matches("<<"), i + 2 < bytes.count else { return false }
        var k = i + 2
        if bytes[k] == UInt8(ascii: "~") || bytes[k] == UInt8(ascii: "-") { k += 1 }
        if k < bytes.count, bytes[k] == UInt8(ascii: "'") || bytes[k] == UInt8(ascii: "\"") { k += 1 }
        let labelStart = k
        while k < bytes.count, CFamilyLexer.isIdentifierByte(bytes[k]), bytes[k] >= 65 && bytes[k] <= 90 || bytes[k] == 95 || CFamilyLexer.isDigit(bytes[k]) { k += 1 }
        guard k > labelStart else { return false }
        let label = Array(bytes[labelStart..<k])
        let start = i
        // The rest of the line continues the expression; the body starts after it.
        var bodyStart = k
        while bodyStart < bytes.count, bytes[bodyStart] != 0x0A { bodyStart += 1 }
        var end = bodyStart + 1
        var bodyEnd = bytes.count
        var lineCount = 0
        while end < bytes.count {
            var lineEnd = end
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineCount += 1
            let trimmed = bytes[end..<lineEnd].drop { $0 == 0x20 || $0 == 0x09 }
            if trimmed.elementsEqual(label) { bodyEnd = end; end = lineEnd; break }
            end = lineEnd + 1
        }
        let body = bodyStart + 1 <= min(bodyEnd, bytes.count) ? bytes[(bodyStart + 1)..<min(bodyEnd, bytes.count)] : []
        emit(.string, String(decoding: body, as: UTF8.self), start: start)
        // The rest of the opening line is read as usual; its line break jumps over the body.
        heredocSkip = (end, lineCount)
        i = k + (k < bytes.count && (bytes[k] == UInt8(ascii: "'") || bytes[k] == UInt8(ascii: "\"")) ? 1 : 0)
        return true
    }

    private var heredocSkip: (bodyEnd: Int, lines: Int)?

    private mutating func skipHeredocBody() {
        guard let skip = heredocSkip else { return }
        heredocSkip = nil
        i = min(skip.bodyEnd, bytes.count)
        line += skip.lines
        lineStart = i
    }

    private mutating func skipEmbeddedDocument() {
        while i < bytes.count {
            while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            if i < bytes.count { i += 1; line += 1; lineStart = i }
            if matches("=end") {
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                return
            }
        }
    }
}

/// The keyword-to-brace rewrite described on `RubyLexer`.
enum RubyBlocks {
    private enum Opener { case conditional, caseBlock, other }

    static func rewrite(_ raw: [CToken]) -> [CToken] {
        var out: [CToken] = []
        var stack: [Opener] = []
        /// A block keyword was read; its `{` goes at the line end (or at `then`/`do`).
        var pending = false
        /// Raw indices where a `when` pattern ends: a `:` goes there.
        var labelEnds = Set<Int>()
        for (index, token) in raw.enumerated() {
            let atStatementStart = token.newlineBefore || index == 0 || ["=", ";", "(", "||=", "||", "&&"].contains(raw[index - 1].text)
            if pending, token.newlineBefore {
                out.append(synthetic("{", like: raw[index - 1]))
                pending = false
            }
            guard token.kind == .identifier else {
                if token.isPunctuator(";"), pending {
                    out.append(synthetic("{", like: token))
                    pending = false
                    continue
                }
                out.append(token)
                continue
            }
            switch token.text {
            case "if", "while", "until", "unless":
                guard atStatementStart else { out.append(token); continue }
                stack.append(token.text == "if" || token.text == "unless" ? .conditional : .other)
                out.append(renamed(token, token.text == "until" || token.text == "while" ? "while" : "if"))
                if token.text == "unless" || token.text == "until" { out.append(synthetic("!", like: token)) }
                pending = true
            case "case":
                guard atStatementStart else { out.append(token); continue }
                stack.append(.caseBlock)
                out.append(renamed(token, "switch"))
                pending = true
            case "def", "class", "module", "begin":
                guard atStatementStart else { out.append(token); continue }
                stack.append(.other)
                out.append(token)
                pending = token.text != "begin"
                if token.text == "begin" { out.append(synthetic("{", like: token)) }
            case "do":
                stack.append(.other)
                if pending { pending = false }
                out.append(synthetic("{", like: token))
            case "then":
                if pending { out.append(synthetic("{", like: token)); pending = false }
            case "when":
                if pending { out.append(synthetic("{", like: token)); pending = false }
                out.append(renamed(token, "case"))
                // `when "a", "b"` ends at the line end or `then`: a label colon closes it.
                if let end = raw[(index + 1)...].firstIndex(where: { $0.newlineBefore || $0.isIdentifier("then") }) {
                    labelEnds.insert(end)
                } else {
                    labelEnds.insert(raw.count)
                }
            case "elsif":
                if pending { out.append(synthetic("{", like: token)); pending = false }
                out.append(synthetic("}", like: token))
                out.append(renamed(token, "else"))
                out.append(renamed(token, "if"))
                pending = true
            case "else":
                if stack.last == .caseBlock {
                    out.append(renamed(token, "default"))
                    out.append(synthetic(":", like: token))
                } else if stack.last == .conditional {
                    out.append(synthetic("}", like: token))
                    out.append(token)
                    out.append(synthetic("{", like: token))
                }
            case "end":
                if pending { out.append(synthetic("{", like: token)); pending = false }
                if !stack.isEmpty { stack.removeLast() }
                out.append(synthetic("}", like: token))
            case "rescue", "ensure":
                continue
            default:
                out.append(token)
            }
            if labelEnds.contains(index + 1) {
                out.append(synthetic(":", like: token))
                labelEnds.remove(index + 1)
            }
        }
        if pending, let last = raw.last { out.append(synthetic("{", like: last)) }
        return out
    }

    private static func synthetic(_ text: String, like token: CToken) -> CToken {
        CToken(kind: .punctuator, text: text, line: token.line, column: token.column, newlineBefore: false)
    }

    private static func renamed(_ token: CToken, _ text: String) -> CToken {
        var copy = token
        copy.text = text
        return copy
    }
}
