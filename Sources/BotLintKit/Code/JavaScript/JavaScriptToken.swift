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
    var start: Int
    var end: Int
    /// A line break between the previous token and this one (automatic semicolon insertion).
    var newlineBefore: Bool
    /// Punctuators packed into an integer (up to 4 bytes) for cheap comparison; 0 otherwise.
    var op: UInt32
}

/// Packed punctuators, compared against `JSToken.op`.
enum JSOp {
    static func pack(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        text.withUTF8Buffer { for byte in $0 { value = value << 8 | UInt32(byte) } }
        return value
    }

    static let openParen = pack("("), closeParen = pack(")")
    static let openBrace = pack("{"), closeBrace = pack("}")
    static let openBracket = pack("["), closeBracket = pack("]")
    static let semicolon = pack(";"), comma = pack(","), colon = pack(":")
    static let dot = pack("."), optionalChain = pack("?."), spread = pack("...")
    static let question = pack("?"), arrow = pack("=>"), assign = pack("=")
    static let not = pack("!"), and = pack("&&"), or = pack("||"), nullish = pack("??")
    static let plus = pack("+"), at = pack("@"), star = pack("*")
    static let less = pack("<"), greater = pack(">")
    static let strictEqual = pack("==="), looseEqual = pack("==")
    static let strictNotEqual = pack("!=="), looseNotEqual = pack("!=")
    static let increment = pack("++"), decrement = pack("--")

    /// Assignment operators other than `=` that may start a right-hand side.
    static let compoundAssignments: Set<UInt32> = [
        pack("+="), pack("-="), pack("*="), pack("/="), pack("%="), pack("**="), pack("<<="),
        pack(">>="), pack(">>>="), pack("&="), pack("|="), pack("^="), pack("&&="),
        pack("||="), pack("??="),
    ]
}
