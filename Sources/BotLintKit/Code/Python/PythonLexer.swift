/// Tokenizes Python source bytes. Never fails: invalid UTF-8 is just bytes, unterminated strings
/// end at the line (or file) end, and an unclosed bracket is dropped when the next line clearly
/// starts a new top-level statement, so one typo does not swallow the rest of the file.
struct PythonLexer {
    private let bytes: [UInt8]
    private var pos: Int
    private let end: Int
    private var line: Int
    private var lineStart: Int
    /// Inside an f-string interpolation: no NEWLINE/INDENT/DEDENT.
    private let embedded: Bool
    private var bracketDepth = 0
    private var indents: [Int] = [0]
    private var stream: PythonTokenStream

    static func tokenize(_ bytes: [UInt8]) -> PythonTokenStream {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var lexer = PythonLexer(bytes: bytes, range: start..<bytes.count, line: 1, lineStart: 0, embedded: false)
        lexer.run()
        return lexer.stream
    }

    /// Tokens of an f-string interpolation, with positions in the enclosing file.
    static func tokenizeEmbedded(_ bytes: [UInt8], range: Range<Int>, line: Int, lineStart: Int) -> PythonTokenStream {
        var lexer = PythonLexer(bytes: bytes, range: range, line: line, lineStart: lineStart, embedded: true)
        lexer.run()
        return lexer.stream
    }

    private init(bytes: [UInt8], range: Range<Int>, line: Int, lineStart: Int, embedded: Bool) {
        self.bytes = bytes
        self.pos = range.lowerBound
        self.end = range.upperBound
        self.line = line
        self.lineStart = lineStart
        self.embedded = embedded
        self.stream = PythonTokenStream(bytes: bytes, tokens: [], strings: [], problems: [])
        // Code runs at three to seven bytes a token: growing the array past a low guess copied it
        // whole, often as a fresh mapping, which cost more than the lexing.
        stream.tokens.reserveCapacity(embedded ? 8 : bytes.count / 3)
    }

    private mutating func run() {
        var atLineStart = !embedded
        while pos < end {
            if atLineStart {
                atLineStart = false
                if consumeIndentation() { atLineStart = true; continue }
            }
            let c = bytes[pos]
            switch c {
            case 0x20, 0x09, 0x0C: pos += 1
            case UInt8(ascii: "#"): skipToLineEnd()
            case UInt8(ascii: "\\"): consumeBackslash()
            case 0x0A, 0x0D: atLineStart = consumeNewline()
            case UInt8(ascii: "\""), UInt8(ascii: "'"): lexString(tokenStart: pos, prefix: 0)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): lexNumber()
            case UInt8(ascii: "."):
                if pos + 1 < end, Self.isDigit(bytes[pos + 1]) { lexNumber() } else { lexOperator() }
            default:
                if Self.isNameStart(c) { lexName() } else { lexOperator() }
            }
        }
        finish()
    }

    // MARK: Layout

    /// Measures the indentation of a new line. Returns true when the line is blank or a comment.
    private mutating func consumeIndentation() -> Bool {
        var column = 0
        scan: while pos < end {
            switch bytes[pos] {
            case 0x20: column += 1
            case 0x09: column = (column / 8 + 1) * 8
            case 0x0C: column = 0
            default: break scan
            }
            pos += 1
        }
        guard pos < end else { return true }
        let c = bytes[pos]
        if c == UInt8(ascii: "#") { skipToLineEnd(); skipNewlineBytes(); return true }
        if c == 0x0A || c == 0x0D { skipNewlineBytes(); return true }
        if column > indents[indents.count - 1] {
            indents.append(column)
            appendLayout(.indent)
        } else {
            while column < indents[indents.count - 1] {
                indents.removeLast()
                appendLayout(.dedent)
            }
            // Dedent to a column that was never opened: treat it as its own level.
            if column > indents[indents.count - 1] { indents.append(column) }
        }
        return false
    }

    /// Returns whether the next line starts a new logical line.
    private mutating func consumeNewline() -> Bool {
        skipNewlineBytes()
        if embedded { return false }
        if bracketDepth > 0 {
            guard nextLineStartsTopLevelStatement() else { return false }
            stream.problems.append((line - 1, "unbalanced bracket before line \(line)"))
            bracketDepth = 0
        }
        appendNewline()
        return true
    }

    private mutating func consumeBackslash() {
        pos += 1
        if pos < end, bytes[pos] == 0x0A || bytes[pos] == 0x0D { skipNewlineBytes() }
    }

    private mutating func skipNewlineBytes() {
        if pos < end, bytes[pos] == 0x0D { pos += 1 }
        if pos < end, bytes[pos] == 0x0A { pos += 1 }
        line += 1
        lineStart = pos
    }

    private mutating func skipToLineEnd() {
        while pos < end, bytes[pos] != 0x0A, bytes[pos] != 0x0D { pos += 1 }
    }

    private func nextLineStartsTopLevelStatement() -> Bool {
        guard pos < end else { return false }
        if bytes[pos] == UInt8(ascii: "@") { return true }
        var wordEnd = pos
        while wordEnd < end, Self.isNameChar(bytes[wordEnd]) { wordEnd += 1 }
        guard wordEnd < end, wordEnd > pos, bytes[wordEnd] == 0x20 else { return false }
        let word = String(decoding: bytes[pos..<wordEnd], as: UTF8.self)
        return ["def", "class", "async", "import", "from", "if"].contains(word)
    }

    private mutating func appendNewline() {
        guard let last = stream.tokens.last, last.kind != .newline, last.kind != .indent,
              last.kind != .dedent else { return }
        appendLayout(.newline)
    }

    private mutating func appendLayout(_ kind: PythonToken.Kind) {
        stream.tokens.append(PythonToken(kind: kind, start: pos, end: pos, line: line, column: pos - lineStart + 1))
    }

    private mutating func finish() {
        guard !embedded else { return }
        if bracketDepth > 0 { stream.problems.append((line, "unclosed bracket at end of file")) }
        appendNewline()
        while indents.count > 1 { indents.removeLast(); appendLayout(.dedent) }
        appendLayout(.end)
    }

    // MARK: Tokens

    private mutating func append(_ kind: PythonToken.Kind, from start: Int, line startLine: Int, column: Int,
                                 stringIndex: Int = -1) {
        stream.tokens.append(PythonToken(kind: kind, start: start, end: pos, line: startLine, column: column,
                                         stringIndex: stringIndex))
    }

    private mutating func lexName() {
        let start = pos
        while pos < end, Self.isNameChar(bytes[pos]) { pos += 1 }
        if pos < end, pos - start <= 2, bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'"),
           let prefix = Self.stringPrefix(bytes[start..<pos]) {
            lexString(tokenStart: start, prefix: prefix)
            return
        }
        append(.name, from: start, line: line, column: start - lineStart + 1)
    }

    private mutating func lexNumber() {
        let start = pos
        while pos < end {
            let c = bytes[pos]
            if Self.isNameChar(c) || c == UInt8(ascii: ".") {
                pos += 1
            } else if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")),
                      bytes[pos - 1] | 0x20 == UInt8(ascii: "e"), !Self.isHexLiteral(bytes[start..<pos]) {
                pos += 1
            } else {
                break
            }
        }
        append(.number, from: start, line: line, column: start - lineStart + 1)
    }

    /// Length of the operator at `pos`: 3 for `**=` `//=` `>>=` `<<=` `...`, 2 for the other
    /// two-byte operators (`==` `->` `:=` `+=` `**` ...), else 1. Decided on the bytes: hashing
    /// each operator into a set took a twentieth of a large repository's user time.
    private func operatorLength() -> Int {
        let first = bytes[pos]
        let second: UInt8 = pos + 1 < end ? bytes[pos + 1] : 0
        let third: UInt8 = pos + 2 < end ? bytes[pos + 2] : 0
        switch (first, second) {
        case (UInt8(ascii: "*"), UInt8(ascii: "*")), (UInt8(ascii: "/"), UInt8(ascii: "/")),
             (UInt8(ascii: "<"), UInt8(ascii: "<")), (UInt8(ascii: ">"), UInt8(ascii: ">")):
            return third == UInt8(ascii: "=") ? 3 : 2
        case (UInt8(ascii: "."), UInt8(ascii: ".")):
            return third == UInt8(ascii: ".") ? 3 : 1
        case (UInt8(ascii: "-"), UInt8(ascii: ">")):
            return 2
        case (_, UInt8(ascii: "=")):
            return Self.takesEquals(first) ? 2 : 1
        default:
            return 1
        }
    }

    /// First bytes of `==` `!=` `<=` `>=` `:=` and the augmented assignments (`+=` ... `@=`).
    private static func takesEquals(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ":"),
             UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    private mutating func lexOperator() {
        let start = pos
        let length = operatorLength()
        if length > 1 {
            pos += length
        } else {
            switch bytes[pos] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): bracketDepth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): bracketDepth = max(0, bracketDepth - 1)
            default: break
            }
            pos += 1
        }
        append(.op, from: start, line: line, column: start - lineStart + 1)
    }

    // MARK: Strings

    private struct StringPrefix: OptionSet {
        let rawValue: UInt8
        static let raw = StringPrefix(rawValue: 1)
        static let format = StringPrefix(rawValue: 2)
    }

    private static func stringPrefix(_ letters: ArraySlice<UInt8>) -> UInt8? {
        var prefix: StringPrefix = []
        for letter in letters {
            switch letter | 0x20 {
            case UInt8(ascii: "r"): prefix.insert(.raw)
            case UInt8(ascii: "f"), UInt8(ascii: "t"): prefix.insert(.format)
            case UInt8(ascii: "b"), UInt8(ascii: "u"): continue
            default: return nil
            }
        }
        return prefix.rawValue
    }

    private mutating func lexString(tokenStart: Int, prefix rawPrefix: UInt8) {
        let prefix = StringPrefix(rawValue: rawPrefix)
        let startLine = line, startColumn = tokenStart - lineStart + 1
        let quote = bytes[pos]
        let triple = pos + 2 < end && bytes[pos + 1] == quote && bytes[pos + 2] == quote
        pos += triple ? 3 : 1
        var body = StringBody(isFormat: prefix.contains(.format))
        var terminated = false
        while pos < end {
            let c = bytes[pos]
            if c == quote, !triple || (pos + 2 < end && bytes[pos + 1] == quote && bytes[pos + 2] == quote) {
                pos += triple ? 3 : 1
                terminated = true
                break
            }
            if c == 0x0A || c == 0x0D {
                guard triple else { break }
                skipNewlineBytes()
                body.content.append(0x0A)
                continue
            }
            if c == UInt8(ascii: "\\") { consumeEscape(into: &body, raw: prefix.contains(.raw)); continue }
            if body.isFormat, c == UInt8(ascii: "{") || c == UInt8(ascii: "}") { consumeBrace(into: &body); continue }
            body.content.append(c)
            pos += 1
        }
        if !terminated { stream.problems.append((startLine, "unterminated string")) }
        stream.strings.append(body.literal())
        append(.string, from: tokenStart, line: startLine, column: startColumn, stringIndex: stream.strings.count - 1)
    }

    private mutating func consumeEscape(into body: inout StringBody, raw: Bool) {
        guard pos + 1 < end else { body.content.append(bytes[pos]); pos += 1; return }
        let next = bytes[pos + 1]
        if next == 0x0A || next == 0x0D {
            pos += 1
            skipNewlineBytes()
            if raw { body.content.append(contentsOf: [UInt8(ascii: "\\"), 0x0A]) }
            return
        }
        pos += 2
        guard !raw else { body.content.append(contentsOf: [UInt8(ascii: "\\"), next]); return }
        switch next {
        case UInt8(ascii: "n"): body.content.append(0x0A)
        case UInt8(ascii: "t"): body.content.append(0x09)
        case UInt8(ascii: "r"): body.content.append(0x0D)
        case UInt8(ascii: "0"): body.content.append(0)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): body.content.append(next)
        default: body.content.append(contentsOf: [UInt8(ascii: "\\"), next])
        }
    }

    /// `{{`/`}}` are literal braces; `{expr!r:spec}` becomes an expression part.
    private mutating func consumeBrace(into body: inout StringBody) {
        let c = bytes[pos]
        if pos + 1 < end, bytes[pos + 1] == c { body.content.append(c); pos += 2; return }
        pos += 1
        guard c == UInt8(ascii: "{") else { body.content.append(c); return }
        let exprStart = pos, exprLine = line, exprLineStart = lineStart
        let exprEnd = scanInterpolation()
        body.flushText()
        body.parts.append(.expression(exprStart..<exprEnd, line: exprLine, lineStart: exprLineStart))
    }

    /// Skips one interpolation (expression, conversion, format spec) and returns the expression end.
    private mutating func scanInterpolation() -> Int {
        var depth = 0
        var exprEnd: Int?
        while pos < end {
            let c = bytes[pos]
            if c == 0x0A || c == 0x0D { skipNewlineBytes(); continue }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: "}"):
                if depth == 0 { let e = exprEnd ?? pos; pos += 1; return e }
                depth -= 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if exprEnd == nil { skipNestedString(quote: c); continue }
            case UInt8(ascii: "!"):
                if depth == 0, exprEnd == nil, pos + 1 < end, bytes[pos + 1] != UInt8(ascii: "=") { exprEnd = pos }
            case UInt8(ascii: ":"):
                if depth == 0, exprEnd == nil { exprEnd = pos }
            default: break
            }
            pos += 1
        }
        return exprEnd ?? pos
    }

    private mutating func skipNestedString(quote: UInt8) {
        pos += 1
        while pos < end, bytes[pos] != quote, bytes[pos] != 0x0A {
            if bytes[pos] == UInt8(ascii: "\\") { pos += 1 }
            pos += 1
        }
        if pos < end, bytes[pos] == quote { pos += 1 }
    }

    // MARK: Character classes

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c >= 0x80
    }
    @inline(__always) static func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }

    private static func isHexLiteral(_ number: ArraySlice<UInt8>) -> Bool {
        number.count >= 2 && number[number.startIndex] == UInt8(ascii: "0")
            && number[number.startIndex + 1] | 0x20 == UInt8(ascii: "x")
    }
}

/// Accumulates a string literal's decoded bytes and f-string parts.
private struct StringBody {
    let isFormat: Bool
    var content: [UInt8] = []
    var parts: [PythonFStringPart] = []
    private var all: [UInt8] = []

    init(isFormat: Bool) { self.isFormat = isFormat }

    mutating func flushText() {
        all.append(contentsOf: content)
        if !content.isEmpty { parts.append(.text(String(decoding: content, as: UTF8.self))) }
        content.removeAll(keepingCapacity: true)
    }

    mutating func literal() -> PythonStringLiteral {
        guard isFormat, !parts.isEmpty else {
            return PythonStringLiteral(value: String(decoding: all + content, as: UTF8.self), parts: [])
        }
        flushText()
        return PythonStringLiteral(value: String(decoding: all, as: UTF8.self), parts: parts)
    }
}
