/// A lexed file (or a template's `${}` part) with bracket matching and the small queries the
/// scanner needs. Indices are token indices; `Range<Int>` is a token range.
struct JSTokens {
    let bytes: [UInt8]
    let tokens: [JSToken]
    /// For each opening bracket, the index of its closing bracket; -1 when unbalanced.
    private let partner: [Int32]

    init(bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        tokens = JavaScriptLexer.tokenize(bytes, range: range)
        partner = Self.matchBrackets(tokens)
    }

    var count: Int { tokens.count }

    subscript(index: Int) -> JSToken { tokens[index] }

    // MARK: - Token tests

    func text(_ index: Int) -> String {
        guard index >= 0, index < count else { return "" }
        return String(decoding: bytes[tokens[index].start..<tokens[index].end], as: UTF8.self)
    }

    /// Whether the identifier at `index` is exactly `word` (compared in place, no allocation).
    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < count, tokens[index].kind == .identifier else { return false }
        let token = tokens[index]
        guard token.end - token.start == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            var k = 0
            while k < expected.count {
                if bytes[token.start + k] != expected[k] { return false }
                k += 1
            }
            return true
        }
    }

    func isOp(_ index: Int, _ op: UInt32) -> Bool {
        index >= 0 && index < count && tokens[index].op == op
    }

    func isIdentifier(_ index: Int) -> Bool {
        index >= 0 && index < count && tokens[index].kind == .identifier
    }

    func isString(_ index: Int) -> Bool {
        index >= 0 && index < count && tokens[index].kind == .string
    }

    /// The contents of a plain string, or of a template without `${}`.
    func stringValue(_ index: Int) -> String? {
        guard index >= 0, index < count else { return nil }
        let token = tokens[index]
        switch token.kind {
        case .string:
            return Self.unquote(bytes, token.start, token.end, quote: bytes[token.start])
        case .template:
            let parts = templateParts(index)
            if parts.count == 1, case .text(let text) = parts[0] { return text }
            return parts.isEmpty ? "" : nil
        default:
            return nil
        }
    }

    /// Source text of a token range, whitespace runs collapsed (for `opaque` conditions).
    func sourceText(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= count else { return "" }
        var out: [UInt8] = []
        var pendingSpace = false
        for byte in bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end] {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = true
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Structure

    /// The closing bracket of the opener at `index`, or `limit` when it is missing.
    func close(of index: Int, limit: Int) -> Int {
        // Never before `index + 1`: callers walk `(index + 1)..<close`, and an opener at or past
        // the limit, or a closer passed by mistake, must give an empty group, not a trap.
        let unclosed = max(limit, index + 1)
        guard index >= 0, index < count else { return unclosed }
        let other = Int(partner[index])
        return other <= index || other > limit ? unclosed : other
    }

    /// Whether the token opens a bracket group.
    func isOpener(_ index: Int) -> Bool {
        let op = tokens[index].op
        return op == JSOp.openParen || op == JSOp.openBrace || op == JSOp.openBracket
    }

    /// Calls `body` with each index in `range` at bracket depth 0 (groups are skipped whole)
    /// until it returns false.
    func forEachTopLevel(_ range: Range<Int>, _ body: (Int) -> Bool) {
        var i = range.lowerBound
        while i < range.upperBound {
            guard body(i) else { return }
            i = isOpener(i) ? close(of: i, limit: range.upperBound) + 1 : i + 1
        }
    }

    /// The first index at bracket depth 0 in `range` whose token satisfies `test`.
    func firstTopLevel(_ range: Range<Int>, where test: (Int) -> Bool) -> Int? {
        var found: Int?
        forEachTopLevel(range) { i in
            if test(i) { found = i }
            return found == nil
        }
        return found
    }

    /// Splits `range` at depth-0 tokens matching `separator` (commas, `||`, ...).
    func split(_ range: Range<Int>, where separator: (Int) -> Bool) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        forEachTopLevel(range) { i in
            if separator(i) {
                parts.append(start..<i)
                start = i + 1
            }
            return true
        }
        parts.append(start..<range.upperBound)
        return parts
    }

    func splitCommas(_ range: Range<Int>) -> [Range<Int>] {
        split(range) { tokens[$0].op == JSOp.comma }.filter { !$0.isEmpty }
    }

    /// The inside of a group opened at `index`.
    func inner(of index: Int, limit: Int) -> Range<Int> {
        (index + 1)..<max(index + 1, close(of: index, limit: limit))
    }

    // MARK: - Template literals

    enum TemplatePart {
        case text(String)
        /// Byte range of the code inside `${}`.
        case code(Range<Int>)
    }

    func templateParts(_ index: Int) -> [TemplatePart] {
        let token = tokens[index]
        var parts: [TemplatePart] = []
        var textStart = token.start + 1
        var i = textStart
        let contentEnd = token.end > token.start + 1 && bytes[token.end - 1] == UInt8(ascii: "`") ? token.end - 1 : token.end
        while i < contentEnd {
            if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
            guard bytes[i] == UInt8(ascii: "$"), i + 1 < contentEnd, bytes[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
            if i > textStart { parts.append(.text(Self.unescape(bytes, textStart, i))) }
            let codeEnd = Self.templateCodeEnd(bytes, from: i + 2, limit: contentEnd)
            parts.append(.code((i + 2)..<codeEnd))
            i = min(contentEnd, codeEnd + 1)
            textStart = i
        }
        if textStart < contentEnd { parts.append(.text(Self.unescape(bytes, textStart, contentEnd))) }
        return parts
    }

    /// The `}` closing a `${` part: braces counted, strings and nested templates skipped.
    private static func templateCodeEnd(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
        var depth = 0
        var i = start
        while i < limit {
            switch bytes[i] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                if depth == 0 { return i }
                depth -= 1
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                i = JavaScriptLexer.stringEnd(bytes, from: i, limit: limit) - 1
            case UInt8(ascii: "`"):
                i = JavaScriptLexer.templateEnd(bytes, from: i, limit: limit) - 1
            default: break
            }
            i += 1
        }
        return limit
    }

    private static func unquote(_ bytes: [UInt8], _ start: Int, _ end: Int, quote: UInt8) -> String {
        let contentEnd = end - 1 > start && bytes[end - 1] == quote ? end - 1 : end
        return unescape(bytes, start + 1, contentEnd)
    }

    /// Drops backslashes before ordinary characters; enough for names, URLs and env keys.
    private static func unescape(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < end {
                let next = bytes[i + 1]
                out.append(next == UInt8(ascii: "n") ? 0x0A : next == UInt8(ascii: "t") ? 0x09 : next)
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Bracket matching

    private static func matchBrackets(_ tokens: [JSToken]) -> [Int32] {
        var partner = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int] = []
        for (i, token) in tokens.enumerated() where token.kind == .punctuator {
            switch token.op {
            case JSOp.openParen, JSOp.openBrace, JSOp.openBracket:
                stack.append(i)
            case JSOp.closeParen, JSOp.closeBrace, JSOp.closeBracket:
                let opener = openerOp(for: token.op)
                // Tolerate stray closers: pair with the nearest opener of the same kind, leaving
                // the unclosed ones in between unbalanced.
                let nearest = stack.indices.suffix(8)
                guard let depth = nearest.last(where: { tokens[stack[$0]].op == opener }) else { continue }
                let match = stack[depth]
                stack.removeSubrange(depth...)
                partner[match] = Int32(i)
                partner[i] = Int32(match)
            default:
                break
            }
        }
        return partner
    }

    private static func openerOp(for closer: UInt32) -> UInt32 {
        switch closer {
        case JSOp.closeParen: JSOp.openParen
        case JSOp.closeBrace: JSOp.openBrace
        default: JSOp.openBracket
        }
    }
}
