/// One lexical token of JavaScript/TypeScript, as a byte range of the file (no copies: the
/// scanner compares bytes in place, which keeps a 1 MB file well under 10 ms).
struct JSToken: Sendable {
    enum Kind: UInt8, Sendable {
        case identifier  // keywords included: the scanner decides by context
        case string
        /// A whole template literal, `${}` parts included; `JSTokens.templateParts` splits it.
        case template
        case number
        case regex
        case punctuator
        /// `#field` in classes.
        case privateName
    }

    var kind: Kind
    /// A line break between the previous token and this one (automatic semicolon insertion).
    var newlineBefore: Bool
    /// For identifiers that are (contextual) keywords.
    var keyword: JSKeyword?
    /// Punctuators packed into an integer (up to 4 bytes) for cheap comparison; 0 otherwise.
    var op: UInt32
    // 32-bit positions make a token 16 bytes instead of 40: the lexer writes one per few bytes
    // of source, and growing a large array of them means copying it. Past 4 GB they saturate.
    private var storedStart: UInt32
    private var storedEnd: UInt32

    init(kind: Kind, start: Int, end: Int, newlineBefore: Bool, op: UInt32, keyword: JSKeyword?) {
        self.kind = kind
        self.newlineBefore = newlineBefore
        self.keyword = keyword
        self.op = op
        storedStart = UInt32(clamping: start)
        storedEnd = UInt32(clamping: end)
    }

    var start: Int { Int(storedStart) }
    var end: Int { Int(storedEnd) }
}

/// The words the scanner treats specially, recognised once by the lexer so the walker never
/// has to allocate a string to ask "is this `if`?".
enum JSKeyword: UInt8, CaseIterable, Sendable {
    case `if`, `else`, `for`, `while`, `do`, `switch`, `case`, `default`, `try`, `catch`, `finally`
    case `return`, `throw`, `break`, `continue`, `function`, async, `class`, abstract
    case const, `let`, `var`, using, `enum`, interface, declare, type, `import`, export, namespace, module
    case new, `typeof`, void, delete, `in`, instanceof, await, extends, `as`, satisfies, keyof, from, of, yield
    case `static`, `public`, `private`, protected, readonly, override, get, set, accessor, implements
    case this, `true`, `false`, null, undefined, `super`

    /// Keywords by length, for a lookup that only compares bytes.
    private static let byLength: [[(bytes: [UInt8], keyword: JSKeyword)]] = {
        var table = [[(bytes: [UInt8], keyword: JSKeyword)]](repeating: [], count: 11)
        for keyword in allCases {
            let bytes = Array(String(describing: keyword).utf8)
            table[bytes.count].append((bytes, keyword))
        }
        return table
    }()

    init?(_ source: [UInt8], _ start: Int, _ end: Int) {
        let length = end - start
        // Every keyword is 2...10 lowercase ASCII letters.
        guard length >= 2, length <= 10, source[start] >= 97, source[start] <= 122 else { return nil }
        for candidate in Self.byLength[length] where candidate.bytes[0] == source[start] {
            var k = 1
            while k < length, candidate.bytes[k] == source[start + k] { k += 1 }
            if k == length {
                self = candidate.keyword
                return
            }
        }
        return nil
    }
}

/// Packed punctuators (big-endian bytes), compared against `JSToken.op`. Written as literals
/// so they are compile-time constants: the scanner reads them in every loop.
enum JSOp {
    static let openParen: UInt32 = 0x28  // (
    static let closeParen: UInt32 = 0x29  // )
    static let openBrace: UInt32 = 0x7B  // {
    static let closeBrace: UInt32 = 0x7D  // }
    static let openBracket: UInt32 = 0x5B  // [
    static let closeBracket: UInt32 = 0x5D  // ]
    static let semicolon: UInt32 = 0x3B  // ;
    static let comma: UInt32 = 0x2C  // ,
    static let colon: UInt32 = 0x3A  // :
    static let dot: UInt32 = 0x2E  // .
    static let optionalChain: UInt32 = 0x3F2E  // ?.
    static let spread: UInt32 = 0x2E2E2E  // ...
    static let question: UInt32 = 0x3F  // ?
    static let arrow: UInt32 = 0x3D3E  // =>
    static let assign: UInt32 = 0x3D  // =
    static let not: UInt32 = 0x21  // !
    static let and: UInt32 = 0x2626  // &&
    static let or: UInt32 = 0x7C7C  // ||
    static let nullish: UInt32 = 0x3F3F  // ??
    static let plus: UInt32 = 0x2B  // +
    static let at: UInt32 = 0x40  // @
    static let star: UInt32 = 0x2A  // *
    static let less: UInt32 = 0x3C  // <
    static let greater: UInt32 = 0x3E  // >
    static let strictEqual: UInt32 = 0x3D3D3D  // ===
    static let looseEqual: UInt32 = 0x3D3D  // ==
    static let strictNotEqual: UInt32 = 0x213D3D  // !==
    static let looseNotEqual: UInt32 = 0x213D  // !=
    static let tilde: UInt32 = 0x7E  // ~
    static let increment: UInt32 = 0x2B2B  // ++
    static let decrement: UInt32 = 0x2D2D  // --

    static let lessOrEqual: UInt32 = 0x3C3D  // <=
    static let greaterOrEqual: UInt32 = 0x3E3D  // >=

    /// `+=`, `??=`, `>>>=`...: assignment operators other than `=`.
    static func isCompoundAssignment(_ op: UInt32) -> Bool {
        op > 0xFF && op & 0xFF == 0x3D && op != looseEqual && op != strictEqual && op != looseNotEqual
            && op != strictNotEqual && op != lessOrEqual && op != greaterOrEqual
    }
}
