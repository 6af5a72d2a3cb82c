/// One lexical token of Python source. Positions are UTF-8 byte offsets into the file.
struct PythonToken: Sendable {
    enum Kind: UInt8, Sendable {
        case name, number, string, op, newline, indent, dedent, end
    }

    var kind: Kind
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    /// Index into `PythonTokenStream.strings` for `.string` tokens.
    var stringIndex: Int = -1
}

/// A piece of an f-string: literal text, or the byte range of an interpolated expression (with
/// the line it starts on and that line's start offset, so its tokens get file positions).
enum PythonFStringPart: Sendable {
    case text(String)
    case expression(Range<Int>, line: Int, lineStart: Int)
}

/// A string literal with its escapes decoded; f-strings keep their parts.
struct PythonStringLiteral: Sendable {
    var value: String
    /// Empty for plain strings.
    var parts: [PythonFStringPart]
    var isFString: Bool { !parts.isEmpty }
}

/// The lexer's output: tokens over the file's bytes, plus what could not be lexed cleanly.
struct PythonTokenStream: Sendable {
    let bytes: [UInt8]
    var tokens: [PythonToken]
    var strings: [PythonStringLiteral]
    /// Unterminated strings, unbalanced brackets: the scan goes on, the user gets a note.
    var problems: [(line: Int, message: String)]

    func text(_ token: PythonToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    func text(from start: Int, to end: Int) -> String {
        guard start < end, end <= bytes.count else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Byte-wise comparison of a name or operator token with `literal`, without allocating.
    func matches(_ token: PythonToken, _ literal: StaticString) -> Bool {
        guard token.kind == .name || token.kind == .op,
              token.end - token.start == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { buffer in
            var i = 0
            while i < buffer.count {
                if bytes[token.start + i] != buffer[i] { return false }
                i += 1
            }
            return true
        }
    }
}
