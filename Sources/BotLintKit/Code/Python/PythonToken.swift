/// One lexical token of Python source. Positions are UTF-8 byte offsets into the file.
struct PythonToken: Sendable {
    enum Kind: UInt8, Sendable {
        case name, number, string, op, newline, indent, dedent, end
    }

    var kind: Kind
    // 32-bit fields make a token 24 bytes instead of 48: the lexer writes one per three or four
    // bytes of source, and moving twice that memory was most of its time. Files are read up to
    // a few megabytes; past 4 GB positions would saturate, never trap.
    private var storedStart: UInt32
    private var storedEnd: UInt32
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var storedStringIndex: Int32

    init(kind: Kind, start: Int, end: Int, line: Int, column: Int, stringIndex: Int = -1) {
        self.kind = kind
        storedStart = UInt32(clamping: start)
        storedEnd = UInt32(clamping: end)
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
        storedStringIndex = Int32(clamping: stringIndex)
    }

    var start: Int { Int(storedStart) }
    var end: Int { Int(storedEnd) }
    var line: Int { Int(storedLine) }
    var column: Int { Int(storedColumn) }
    /// Index into `PythonTokenStream.strings` for `.string` tokens.
    var stringIndex: Int { Int(storedStringIndex) }
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
