/// Splits JavaScript/TypeScript bytes into tokens. Comments are dropped; anything malformed
/// (unterminated strings, templates, comments, regexes, invalid UTF-8) ends a token at the line
/// end or the end of input, so the lexer always terminates and never traps.
struct JavaScriptLexer {
    private let bytes: [UInt8]
    private let end: Int
    private var position: Int
    private var tokens: [JSToken] = []
    private var newlineSeen = false

    init(bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let bounds = range ?? 0..<bytes.count
        self.position = max(0, bounds.lowerBound)
        self.end = min(bytes.count, bounds.upperBound)
    }

    static func tokenize(_ bytes: [UInt8], range: Range<Int>? = nil) -> [JSToken] {
        var lexer = JavaScriptLexer(bytes: bytes, range: range)
        return lexer.run()
    }

    private mutating func run() -> [JSToken] {
        tokens.reserveCapacity((end - position) / 4)
        skipHashbang()
        while position < end {
            let byte = bytes[position]
            switch byte {
            case 0x0A:
                newlineSeen = true
                position += 1
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C:
                position += 1
            case UInt8(ascii: "/"):
                lexSlash()
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                emit(.string, from: position, to: Self.stringEnd(bytes, from: position, limit: end))
            case UInt8(ascii: "`"):
                emit(.template, from: position, to: Self.templateEnd(bytes, from: position, limit: end))
            case UInt8(ascii: "#") where position + 1 < end && Self.isIdentifierByte(bytes[position + 1]):
                emit(.privateName, from: position, to: identifierEnd(from: position + 1))
            default:
                if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && position + 1 < end && Self.isDigit(bytes[position + 1])) {
                    emit(.number, from: position, to: numberEnd(from: position))
                } else if Self.isIdentifierByte(byte) {
                    emit(.identifier, from: position, to: identifierEnd(from: position))
                } else {
                    lexPunctuator()
                }
            }
        }
        return tokens
    }

    private mutating func skipHashbang() {
        guard position + 1 < end, bytes[position] == UInt8(ascii: "#"), bytes[position + 1] == UInt8(ascii: "!") else { return }
        while position < end, bytes[position] != 0x0A { position += 1 }
    }

    private mutating func emit(_ kind: JSToken.Kind, from start: Int, to stop: Int, op: UInt32 = 0) {
        let keyword = kind == .identifier ? JSKeyword(bytes, start, stop) : nil
        tokens.append(JSToken(kind: kind, start: start, end: stop, newlineBefore: newlineSeen, op: op, keyword: keyword))
        newlineSeen = false
        position = stop
    }

    private mutating func lexSlash() {
        let next = position + 1 < end ? bytes[position + 1] : 0
        if next == UInt8(ascii: "/") {
            while position < end, bytes[position] != 0x0A { position += 1 }
        } else if next == UInt8(ascii: "*") {
            skipBlockComment()
        } else if regexAllowed() {
            emit(.regex, from: position, to: regexEnd(from: position))
        } else {
            lexPunctuator()
        }
    }

    private mutating func skipBlockComment() {
        var i = position + 2
        while i + 1 < end, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) {
            if bytes[i] == 0x0A { newlineSeen = true }
            i += 1
        }
        position = min(end, i + 2)
    }

    /// A `/` starts a regex unless the previous token ends an operand (then it divides).
    private func regexAllowed() -> Bool {
        guard let previous = tokens.last else { return true }
        switch previous.kind {
        case .number, .string, .template, .regex, .privateName: return false
        case .identifier: return previous.keyword.map(Self.precedesExpression) ?? false
        case .punctuator:
            return previous.op != JSOp.closeParen && previous.op != JSOp.closeBracket
                && previous.op != JSOp.closeBrace && previous.op != JSOp.increment
                && previous.op != JSOp.decrement
        }
    }

    private static func precedesExpression(_ keyword: JSKeyword) -> Bool {
        switch keyword {
        case .return, .typeof, .instanceof, .in, .of, .new, .delete, .void, .throw, .case, .do, .else, .yield, .await: true
        default: false
        }
    }

    private func regexEnd(from start: Int) -> Int {
        var i = start + 1
        var inClass = false
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A { return i }
            if byte == UInt8(ascii: "\\") { i += 2; continue }
            if byte == UInt8(ascii: "[") { inClass = true } else if byte == UInt8(ascii: "]") { inClass = false }
            if byte == UInt8(ascii: "/"), !inClass {
                i += 1
                while i < end, Self.isIdentifierByte(bytes[i]) { i += 1 }
                return i
            }
            i += 1
        }
        return end
    }

    private func identifierEnd(from start: Int) -> Int {
        var i = start
        while i < end, Self.isIdentifierByte(bytes[i]) || Self.isDigit(bytes[i]) { i += 1 }
        return i
    }

    private func numberEnd(from start: Int) -> Int {
        var i = start
        while i < end {
            let byte = bytes[i]
            if Self.isDigit(byte) || Self.isIdentifierByte(byte) || byte == UInt8(ascii: ".") {
                i += 1
            } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")),
                      bytes[i - 1] == UInt8(ascii: "e") || bytes[i - 1] == UInt8(ascii: "E") {
                i += 1
            } else {
                break
            }
        }
        return i
    }

    private mutating func lexPunctuator() {
        let length = punctuatorLength(at: position)
        var packed: UInt32 = 0
        for k in 0..<length { packed = packed << 8 | UInt32(bytes[position + k]) }
        emit(.punctuator, from: position, to: position + length, op: packed)
    }

    private func peek(_ i: Int) -> UInt8 { i < end ? bytes[i] : 0 }

    /// Longest-match punctuator length, decided byte by byte (no table lookups).
    private func punctuatorLength(at i: Int) -> Int {
        let first = bytes[i], second = peek(i + 1), third = peek(i + 2)
        let equals = UInt8(ascii: "=")
        switch first {
        case UInt8(ascii: "="):
            if second == equals { return third == equals ? 3 : 2 }
            return second == UInt8(ascii: ">") ? 2 : 1
        case UInt8(ascii: "!"):
            return second == equals ? (third == equals ? 3 : 2) : 1
        case UInt8(ascii: "<"):
            if second == first { return third == equals ? 3 : 2 }
            return second == equals ? 2 : 1
        case UInt8(ascii: ">"):
            if second == first, third == first { return peek(i + 3) == equals ? 4 : 3 }
            if second == first { return third == equals ? 3 : 2 }
            return second == equals ? 2 : 1
        case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "*"):
            if second == first { return third == equals ? 3 : 2 }
            return second == equals ? 2 : 1
        case UInt8(ascii: "?"):
            if second == first { return third == equals ? 3 : 2 }
            // `a?.5:b` is a ternary, not optional chaining.
            return second == UInt8(ascii: ".") && !Self.isDigit(third) ? 2 : 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return second == first || second == equals ? 2 : 1
        case UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "^"):
            return second == equals ? 2 : 1
        case UInt8(ascii: "."):
            return second == first && third == first ? 3 : 1
        default:
            return 1
        }
    }

    // MARK: - Shared byte scanning (also used to split template literals)

    /// End of a quoted string starting at `start`; an unescaped line break ends it early.
    static func stringEnd(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
        let quote = bytes[start]
        var i = start + 1
        while i < limit {
            let byte = bytes[i]
            if byte == quote { return i + 1 }
            if byte == 0x0A { return i }
            i += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        return limit
    }

    private enum TemplateFrame {
        case text
        case code(braces: Int)
    }

    /// End of a template literal starting at the backtick, nested `${ `...` }` included. An
    /// explicit stack instead of recursion: hostile nesting cannot overflow the call stack.
    static func templateEnd(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
        var frames: [TemplateFrame] = [.text]
        var i = start + 1
        while i < limit, let top = frames.last {
            let byte = bytes[i]
            switch top {
            case .text:
                if byte == UInt8(ascii: "\\") {
                    i += 2
                } else if byte == UInt8(ascii: "`") {
                    frames.removeLast()
                    i += 1
                    if frames.isEmpty { return i }
                } else if byte == UInt8(ascii: "$"), i + 1 < limit, bytes[i + 1] == UInt8(ascii: "{") {
                    frames.append(.code(braces: 0))
                    i += 2
                } else {
                    i += 1
                }
            case .code(let braces):
                i = stepInCode(bytes, at: i, limit: limit, braces: braces, frames: &frames)
            }
        }
        return min(i, limit)
    }

    private static func stepInCode(_ bytes: [UInt8], at i: Int, limit: Int, braces: Int,
                                   frames: inout [TemplateFrame]) -> Int {
        let byte = bytes[i]
        let next = i + 1 < limit ? bytes[i + 1] : 0
        switch byte {
        case UInt8(ascii: "{"):
            frames[frames.count - 1] = .code(braces: braces + 1)
        case UInt8(ascii: "}"):
            if braces == 0 { frames.removeLast() } else { frames[frames.count - 1] = .code(braces: braces - 1) }
        case UInt8(ascii: "`"):
            frames.append(.text)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return stringEnd(bytes, from: i, limit: limit)
        case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
            var j = i
            while j < limit, bytes[j] != 0x0A { j += 1 }
            return j
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            var j = i + 2
            while j + 1 < limit, !(bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/")) { j += 1 }
            return min(limit, j + 2)
        default:
            break
        }
        return i + 1
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Letters, `_`, `$` and every non-ASCII byte (Unicode identifiers; invalid UTF-8 is harmless).
    @inline(__always) static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || byte == 95 || byte == 36 || byte >= 0x80
    }
}
