/// One token of a C-like language (Go, Rust, Java, Kotlin, C#, Swift, PHP). Comments are dropped;
/// string literals keep their decoded text so the scanners can read env names and URLs.
struct CToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Names and keywords; PHP variables keep their `$` (`$telegram`).
        case identifier
        case string
        case number
        case punctuator
    }

    var kind: Kind
    /// Identifier or punctuator as written; a string's contents (escapes resolved, interpolation
    /// kept as written).
    var text: String
    var line: Int
    var column: Int
    /// A line break between the previous token and this one: Go, Kotlin, Swift and Rust
    /// expressions end there.
    var newlineBefore: Bool

    func isIdentifier(_ name: String) -> Bool { kind == .identifier && text == name }
    func isPunctuator(_ op: String) -> Bool { kind == .punctuator && text == op }
}

/// How a language writes comments and strings; everything else is shared.
struct CFamilySyntax: Sendable {
    /// PHP: `# comment` as well as `//`.
    var hashComments = false
    /// Rust, Swift, Kotlin: `/* /* */ */` nests.
    var nestedBlockComments = false
    /// Go: `` `raw` `` strings.
    var backtickStrings = false
    /// Rust: `r"..."`, `r#"..."#`, `b"..."`; `'a` lifetimes.
    var rustStrings = false
    /// Kotlin, Swift, Java text blocks, C# raw strings: `"""..."""`.
    var tripleQuotes = false
    /// C#: `@"..."` verbatim strings (`""` is a quote), `$"..."` interpolated.
    var verbatimStrings = false
    /// PHP: `$name` variables, `'...'` strings without escapes but `\'`, heredocs.
    var php = false

    static let go = CFamilySyntax(backtickStrings: true)
    static let rust = CFamilySyntax(nestedBlockComments: true, rustStrings: true)
    static let java = CFamilySyntax(tripleQuotes: true)
    static let kotlin = CFamilySyntax(nestedBlockComments: true, tripleQuotes: true)
    static let csharp = CFamilySyntax(tripleQuotes: true, verbatimStrings: true)
    static let swift = CFamilySyntax(nestedBlockComments: true, tripleQuotes: true)
    static let php = CFamilySyntax(hashComments: true, php: true)
}

/// A small comment- and string-aware tokenizer shared by the C-like languages. Never fails:
/// an unterminated string or comment ends at the end of the file.
struct CFamilyLexer {
    let bytes: [UInt8]
    let syntax: CFamilySyntax
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var sawNewline = true
    private var tokens: [CToken] = []

    /// Longest first, so `===` wins over `==`.
    private static let operators: [[UInt8]] = [
        "<<<", "===", "!==", "?->", "...", "::", "->", "=>", ":=", "==", "!=", "<=", ">=", "&&", "||", "??", "?.",
        "+=", "-=", "++", "--", "..",
    ].map { Array($0.utf8) }

    init(bytes: [UInt8], syntax: CFamilySyntax) {
        self.bytes = bytes
        self.syntax = syntax
    }

    static func tokens(_ bytes: [UInt8], syntax: CFamilySyntax) -> [CToken] {
        var lexer = CFamilyLexer(bytes: bytes, syntax: syntax)
        lexer.run()
        return lexer.tokens
    }

    private mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
        while i < bytes.count {
            let byte = bytes[i]
            let next = peek(1)
            switch byte {
            case 0x0A:
                newline(at: i)
                i += 1
            case 0x20, 0x09, 0x0D, 0x0C:
                i += 1
            case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
                skipLine()
            case UInt8(ascii: "#") where syntax.hashComments && next != UInt8(ascii: "["):
                skipLine()
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                skipBlockComment()
            case UInt8(ascii: "\""):
                if syntax.tripleQuotes, next == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                    tripleQuoted()
                } else {
                    quoted(escapes: true)
                }
            case UInt8(ascii: "'"):
                if syntax.rustStrings { rustQuote() } else { quoted(escapes: true) }
            case UInt8(ascii: "`") where syntax.backtickStrings:
                rawUntil(UInt8(ascii: "`"), skip: 1)
            case UInt8(ascii: "@") where syntax.verbatimStrings && next == UInt8(ascii: "\""):
                verbatim(skip: 2)
            case UInt8(ascii: "$") where syntax.verbatimStrings && next == UInt8(ascii: "\""):
                i += 1
                quoted(escapes: true)
            case UInt8(ascii: "$") where syntax.verbatimStrings && next == UInt8(ascii: "@"):
                verbatim(skip: 3)
            case UInt8(ascii: "$") where syntax.php && peek(1).map(Self.isIdentifierStart) == true:
                identifier(from: i, skipping: 1)
            case UInt8(ascii: "<") where syntax.php && matches("<<<"):
                heredoc()
            case _ where syntax.rustStrings && (byte == UInt8(ascii: "r") || byte == UInt8(ascii: "b")) && rustRawStart():
                break
            case _ where Self.isIdentifierStart(byte):
                identifier(from: i, skipping: 0)
            case _ where Self.isDigit(byte):
                number()
            default:
                punctuator()
            }
        }
    }

    // MARK: - Pieces

    private func peek(_ offset: Int) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }

    private func matches(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        return i + needle.count <= bytes.count && bytes[i..<(i + needle.count)].elementsEqual(needle)
    }

    private mutating func newline(at offset: Int) {
        line += 1
        lineStart = offset + 1
        sawNewline = true
    }

    private mutating func emit(_ kind: CToken.Kind, _ text: String, start: Int, startLine: Int, startLineStart: Int) {
        tokens.append(CToken(kind: kind, text: text, line: startLine, column: start - startLineStart + 1,
                             newlineBefore: sawNewline))
        sawNewline = false
    }

    private mutating func skipLine() {
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
    }

    private mutating func skipBlockComment() {
        var depth = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*"), depth == 0 || syntax.nestedBlockComments {
                depth += 1
                i += 2
            } else if bytes[i] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                depth -= 1
                i += 2
                if depth == 0 { return }
            } else {
                if bytes[i] == 0x0A { newline(at: i) }
                i += 1
            }
        }
    }

    private mutating func identifier(from start: Int, skipping: Int) {
        let startLine = line, startLineStart = lineStart
        i = start + skipping
        while i < bytes.count, Self.isIdentifierByte(bytes[i]) { i += 1 }
        // Rust macros (`env!`) keep their bang so `env!("X")` is not mistaken for a call.
        if syntax.rustStrings, i < bytes.count, bytes[i] == UInt8(ascii: "!"), peek(1) != UInt8(ascii: "=") { i += 1 }
        emit(.identifier, String(decoding: bytes[start..<i], as: UTF8.self), start: start, startLine: startLine,
             startLineStart: startLineStart)
    }

    private mutating func number() {
        let start = i, startLine = line, startLineStart = lineStart
        while i < bytes.count, Self.isIdentifierByte(bytes[i]) || bytes[i] == UInt8(ascii: ".") && peek(1).map(Self.isDigit) == true {
            i += 1
        }
        emit(.number, String(decoding: bytes[start..<i], as: UTF8.self), start: start, startLine: startLine,
             startLineStart: startLineStart)
    }

    private mutating func punctuator() {
        let start = i, startLine = line, startLineStart = lineStart
        let op = Self.operators.first { op in i + op.count <= bytes.count && bytes[i..<(i + op.count)].elementsEqual(op) }
        i += op?.count ?? 1
        emit(.punctuator, String(decoding: bytes[start..<i], as: UTF8.self), start: start, startLine: startLine,
             startLineStart: startLineStart)
    }

    /// `"..."` or `'...'`; a line break ends it unless the language allows multi-line strings
    /// there (PHP), so one stray quote cannot swallow the file.
    private mutating func quoted(escapes: Bool) {
        let start = i, startLine = line, startLineStart = lineStart
        let quote = bytes[i]
        // PHP single quotes only escape `\'` and `\\`.
        let fullEscapes = escapes && !(syntax.php && quote == UInt8(ascii: "'"))
        var value: [UInt8] = []
        i += 1
        while i < bytes.count {
            let byte = bytes[i]
            if byte == quote { i += 1; break }
            if byte == 0x0A {
                if !syntax.php { break }
                newline(at: i)
            }
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let escaped = bytes[i + 1]
                if fullEscapes || escaped == quote || escaped == UInt8(ascii: "\\") {
                    value.append(Self.unescape(escaped))
                    i += 2
                    continue
                }
            }
            value.append(byte)
            i += 1
        }
        emit(.string, String(decoding: value, as: UTF8.self), start: start, startLine: startLine, startLineStart: startLineStart)
    }

    private mutating func tripleQuoted() {
        let start = i, startLine = line, startLineStart = lineStart
        i += 3
        let bodyStart = i
        while i < bytes.count, !matches("\"\"\"") {
            if bytes[i] == 0x0A { newline(at: i) }
            i += 1
        }
        let body = bytes[bodyStart..<min(i, bytes.count)]
        i = min(i + 3, bytes.count)
        emit(.string, String(decoding: body, as: UTF8.self), start: start, startLine: startLine, startLineStart: startLineStart)
    }

    /// Go raw strings and Rust raw strings: no escapes, may span lines.
    private mutating func rawUntil(_ terminator: UInt8, skip: Int, hashes: Int = 0) {
        let start = i, startLine = line, startLineStart = lineStart
        i += skip
        let bodyStart = i
        while i < bytes.count {
            if bytes[i] == terminator, (0..<hashes).allSatisfy({ peek($0 + 1) == UInt8(ascii: "#") }) { break }
            if bytes[i] == 0x0A { newline(at: i) }
            i += 1
        }
        let body = bytes[bodyStart..<min(i, bytes.count)]
        i = min(i + 1 + hashes, bytes.count)
        emit(.string, String(decoding: body, as: UTF8.self), start: start, startLine: startLine, startLineStart: startLineStart)
    }

    /// C# `@"..."`: `""` is a quote, backslashes are literal.
    private mutating func verbatim(skip: Int) {
        let start = i, startLine = line, startLineStart = lineStart
        i += skip
        var value: [UInt8] = []
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\"") {
                if peek(1) == UInt8(ascii: "\"") { value.append(bytes[i]); i += 2; continue }
                i += 1
                break
            }
            if bytes[i] == 0x0A { newline(at: i) }
            value.append(bytes[i])
            i += 1
        }
        emit(.string, String(decoding: value, as: UTF8.self), start: start, startLine: startLine, startLineStart: startLineStart)
    }

    /// Rust `'x'`, `'\n'` are characters; `'a` in `&'a str` is a lifetime (a punctuator here).
    private mutating func rustQuote() {
        if peek(1) == UInt8(ascii: "\\") || peek(2) == UInt8(ascii: "'") {
            quoted(escapes: true)
        } else {
            punctuator()
        }
    }

    /// `r"..."`, `r#"..."#`, `b"..."`, `br"..."`: returns false when this is an identifier.
    private mutating func rustRawStart() -> Bool {
        var k = i
        if bytes[k] == UInt8(ascii: "b") { k += 1 }
        let raw = k < bytes.count && bytes[k] == UInt8(ascii: "r")
        if raw { k += 1 }
        var hashes = 0
        while raw, k < bytes.count, bytes[k] == UInt8(ascii: "#") { hashes += 1; k += 1 }
        guard k < bytes.count, bytes[k] == UInt8(ascii: "\""), k > i else { return false }
        if raw {
            let prefix = k - i
            rawUntil(UInt8(ascii: "\""), skip: prefix + 1, hashes: hashes)
        } else {
            i = k
            quoted(escapes: true)
        }
        return true
    }

    /// `<<<EOT ... EOT;` and `<<<'EOT'`: one string token.
    private mutating func heredoc() {
        let start = i, startLine = line, startLineStart = lineStart
        i += 3
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") { i += 1 }
        let labelStart = i
        while i < bytes.count, Self.isIdentifierByte(bytes[i]) { i += 1 }
        let label = Array(bytes[labelStart..<i])
        guard !label.isEmpty else { emit(.punctuator, "<<<", start: start, startLine: startLine, startLineStart: startLineStart); return }
        let bodyStart = i
        var bodyEnd = bytes.count
        while i < bytes.count {
            if bytes[i] == 0x0A {
                newline(at: i)
                var k = i + 1
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                if k + label.count <= bytes.count, bytes[k..<(k + label.count)].elementsEqual(label),
                   k + label.count == bytes.count || !Self.isIdentifierByte(bytes[k + label.count]) {
                    bodyEnd = i
                    i = k + label.count
                    break
                }
            }
            i += 1
        }
        emit(.string, String(decoding: bytes[bodyStart..<min(bodyEnd, bytes.count)], as: UTF8.self), start: start,
             startLine: startLine, startLineStart: startLineStart)
    }

    private static func unescape(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "r"): 0x0D
        default: byte
        }
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || byte == 95 || byte >= 0x80
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
