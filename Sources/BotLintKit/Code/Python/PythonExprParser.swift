/// Recursive-descent parser for Python expressions over a token range. Tolerant: an unexpected
/// token becomes `.other` and is skipped, so parsing always makes progress and never fails.
struct PythonExprParser {
    let stream: PythonTokenStream
    private(set) var pos: Int
    let limit: Int
    private var nesting = 0
    private static let maxNesting = 200

    init(stream: PythonTokenStream, range: Range<Int>) {
        self.stream = stream
        self.pos = range.lowerBound
        self.limit = range.upperBound
    }

    var atEnd: Bool { pos >= limit }

    func peek(_ offset: Int = 0) -> PythonToken? {
        pos + offset < limit ? stream.tokens[pos + offset] : nil
    }

    func check(_ literal: StaticString, offset: Int = 0) -> Bool {
        guard let token = peek(offset) else { return false }
        return stream.matches(token, literal)
    }

    mutating func accept(_ literal: StaticString) -> Bool {
        guard check(literal) else { return false }
        pos += 1
        return true
    }

    mutating func advance() { if pos < limit { pos += 1 } }

    /// End offset of the previous token, for spans.
    private var lastEnd: Int { pos > 0 ? stream.tokens[pos - 1].end : 0 }

    private func make(_ node: PyNode, from first: PythonToken) -> PyExpr {
        PyExpr(node: node, start: first.start, end: max(first.end, lastEnd), line: first.line, column: first.column)
    }

    private func make(_ node: PyNode, from first: PyExpr) -> PyExpr {
        PyExpr(node: node, start: first.start, end: max(first.end, lastEnd), line: first.line, column: first.column)
    }

    // MARK: Lists

    /// `a, b, *c`: a tuple when there is a comma.
    mutating func parseTestList() -> PyExpr {
        let first = parseNamedTest()
        guard check(",") else { return first }
        var items = [first]
        while accept(","), !atEnd, !isListTerminator { items.append(parseNamedTest()) }
        return make(.collection(items), from: first)
    }

    private var isListTerminator: Bool {
        check("=") || check(")") || check("]") || check("}") || check(":") || check("in") || check(";")
    }

    /// `name := value` or a plain test.
    mutating func parseNamedTest() -> PyExpr {
        if let token = peek(), token.kind == .name, check(":=", offset: 1) {
            pos += 2
            return make(.walrus(stream.text(token), parseTest()), from: token)
        }
        if check("*") || check("**") {
            let star = peek()!
            advance()
            return make(.starred(parseTest()), from: star)
        }
        return parseTest()
    }

    // MARK: Precedence levels

    mutating func parseTest() -> PyExpr {
        guard let first = peek() else { return emptyExpr() }
        guard nesting < Self.maxNesting else { advance(); return make(.other, from: first) }
        nesting += 1
        defer { nesting -= 1 }
        if accept("lambda") {
            while !atEnd, !check(":") { advance() }
            _ = accept(":")
            return make(.lambda(parseTest()), from: first)
        }
        let body = parseOr()
        guard check("if") else { return body }
        advance()
        let test = parseOr()
        guard accept("else") else { return make(.ternary(body: body, test: test, orElse: make(.other, from: first)), from: body) }
        let orElse = parseTest()
        return make(.ternary(body: body, test: test, orElse: orElse), from: body)
    }

    private mutating func parseOr() -> PyExpr {
        let first = parseAnd()
        guard check("or") else { return first }
        var operands = [first]
        while accept("or") { operands.append(parseAnd()) }
        return make(.boolean(isAnd: false, operands), from: first)
    }

    private mutating func parseAnd() -> PyExpr {
        let first = parseNot()
        guard check("and") else { return first }
        var operands = [first]
        while accept("and") { operands.append(parseNot()) }
        return make(.boolean(isAnd: true, operands), from: first)
    }

    private mutating func parseNot() -> PyExpr {
        guard let token = peek(), stream.matches(token, "not") else { return parseComparison() }
        advance()
        guard nesting < Self.maxNesting else { return make(.other, from: token) }
        nesting += 1
        defer { nesting -= 1 }
        return make(.not(parseNot()), from: token)
    }

    private mutating func parseComparison() -> PyExpr {
        let first = parseBinary(minPrecedence: 1)
        var rest: [PyComparison] = []
        while let op = comparisonOperator() { rest.append(PyComparison(op: op, operand: parseBinary(minPrecedence: 1))) }
        return rest.isEmpty ? first : make(.compare(first, rest), from: first)
    }

    private mutating func comparisonOperator() -> String? {
        for op: StaticString in ["==", "!=", "<", ">", "<=", ">=", "in"] where check(op) {
            advance()
            return op.description
        }
        if check("not"), check("in", offset: 1) { pos += 2; return "not in" }
        if accept("is") { return accept("not") ? "is not" : "is" }
        return nil
    }

    /// Binding power of a binary operator token, without allocating its text.
    private func binaryPrecedence(_ token: PythonToken) -> Int? {
        let length = token.end - token.start
        guard token.kind == .op, length <= 2 else { return nil }
        let first = stream.bytes[token.start]
        if length == 2 {
            let second = stream.bytes[token.start + 1]
            guard first == second else { return nil }
            switch first {
            case UInt8(ascii: "<"), UInt8(ascii: ">"): return 4
            case UInt8(ascii: "/"): return 6
            default: return nil
            }
        }
        switch first {
        case UInt8(ascii: "|"): return 1
        case UInt8(ascii: "^"): return 2
        case UInt8(ascii: "&"): return 3
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return 5
        case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "@"): return 6
        default: return nil
        }
    }

    private mutating func parseBinary(minPrecedence: Int) -> PyExpr {
        var lhs = parseUnary()
        while let token = peek(), let precedence = binaryPrecedence(token), precedence >= minPrecedence {
            advance()
            let rhs = parseBinary(minPrecedence: precedence + 1)
            lhs = make(.binary(stream.text(token), lhs, rhs), from: lhs)
        }
        return lhs
    }

    private mutating func parseUnary() -> PyExpr {
        guard let token = peek() else { return emptyExpr() }
        guard nesting < Self.maxNesting else { advance(); return make(.other, from: token) }
        nesting += 1
        defer { nesting -= 1 }
        if check("-") || check("+") || check("~") {
            advance()
            return make(.unary(stream.text(token), parseUnary()), from: token)
        }
        if check("await") {
            advance()
            return make(.await(parseUnary()), from: token)
        }
        let base = parsePostfix()
        guard accept("**") else { return base }
        return make(.binary("**", base, parseUnary()), from: base)
    }

    private mutating func parsePostfix() -> PyExpr {
        var expr = parseAtom()
        while let token = peek(), token.kind == .op {
            if stream.matches(token, ".") {
                advance()
                guard let member = peek(), member.kind == .name else { break }
                advance()
                expr = make(.attribute(expr, stream.text(member)), from: expr)
            } else if stream.matches(token, "(") {
                advance()
                let args = parseArguments()
                expr = make(.call(expr, args), from: expr)
            } else if stream.matches(token, "[") {
                advance()
                let index = parseSubscript()
                expr = make(.subscripted(expr, index), from: expr)
            } else {
                break
            }
        }
        return expr
    }

    // MARK: Atoms

    private mutating func parseAtom() -> PyExpr {
        guard let token = peek() else { return emptyExpr() }
        switch token.kind {
        case .name:
            advance()
            let text = stream.text(token)
            switch text {
            case "None", "True", "False": return make(.constant(text), from: token)
            default: return make(.name(text), from: token)
            }
        case .number:
            advance()
            return make(.number(stream.text(token)), from: token)
        case .string:
            return parseStrings()
        case .op:
            if stream.matches(token, "(") { advance(); return parseDisplay(close: ")", from: token) }
            if stream.matches(token, "[") { advance(); return parseDisplay(close: "]", from: token) }
            if stream.matches(token, "{") { advance(); return parseBraces(from: token) }
            if stream.matches(token, "...") { advance(); return make(.constant("..."), from: token) }
            advance()
            return make(.other, from: token)
        default:
            advance()
            return make(.other, from: token)
        }
    }

    /// Adjacent literals concatenate (`"a" "b"`, `"x" f"{y}"`).
    private mutating func parseStrings() -> PyExpr {
        let first = peek()!
        var value = ""
        var pieces: [PyFStringPiece] = []
        var anyFormat = false
        while let token = peek(), token.kind == .string {
            advance()
            let literal = stream.strings[token.stringIndex]
            value += literal.value
            if literal.isFString {
                anyFormat = true
                pieces += literal.parts.map(parsePiece)
            } else if !literal.value.isEmpty {
                pieces.append(.text(literal.value))
            }
        }
        let joined = PythonStringLiteral(value: value, parts: [])
        return make(.string(joined, anyFormat ? pieces : []), from: first)
    }

    private func parsePiece(_ part: PythonFStringPart) -> PyFStringPiece {
        switch part {
        case .text(let text):
            return .text(text)
        case .expression(let range, let line, let lineStart):
            let embedded = PythonLexer.tokenizeEmbedded(stream.bytes, range: range, line: line, lineStart: lineStart)
            var parser = PythonExprParser(stream: embedded, range: 0..<embedded.tokens.count)
            return .expression(parser.parseTestList())
        }
    }

    /// `( ... )` / `[ ... ]`: parenthesized expression, tuple, list, generator or comprehension.
    private mutating func parseDisplay(close: StaticString, from open: PythonToken) -> PyExpr {
        if accept(close) { return make(.collection([]), from: open) }
        var items: [PyExpr] = []
        var sawComma = false
        while !atEnd, !check(close) {
            items.append(parseNamedTest())
            if isComprehensionStart { skipToClose(close); break }
            if accept(",") { sawComma = true } else if !check(close) { advance() }
        }
        _ = accept(close)
        if close.description == ")", items.count == 1, !sawComma {
            var inner = items[0]
            inner.start = open.start
            inner.end = lastEnd
            return inner
        }
        return make(.collection(items), from: open)
    }

    private mutating func parseBraces(from open: PythonToken) -> PyExpr {
        var entries: [PyDictEntry] = []
        var items: [PyExpr] = []
        while !atEnd, !check("}") {
            if accept("**") {
                entries.append(PyDictEntry(key: nil, value: parseTest()))
            } else {
                let key = parseNamedTest()
                if accept(":") { entries.append(PyDictEntry(key: key, value: parseTest())) } else { items.append(key) }
            }
            if isComprehensionStart { skipToClose("}"); break }
            if !accept(","), !check("}") { advance() }
        }
        _ = accept("}")
        return items.isEmpty ? make(.dict(entries), from: open) : make(.collection(items), from: open)
    }

    private var isComprehensionStart: Bool { check("for") || (check("async") && check("for", offset: 1)) }

    /// Skips a comprehension tail up to (not including) the bracket that closes the display.
    private mutating func skipToClose(_ close: StaticString) {
        var depth = 0
        while let token = peek() {
            if depth == 0, stream.matches(token, close) { return }
            if token.kind == .op {
                if stream.matches(token, "(") || stream.matches(token, "[") || stream.matches(token, "{") { depth += 1 }
                if stream.matches(token, ")") || stream.matches(token, "]") || stream.matches(token, "}") { depth -= 1 }
            }
            advance()
        }
    }

    private mutating func parseArguments() -> [PyArgument] {
        var args: [PyArgument] = []
        while !atEnd, !check(")") {
            if let token = peek(), token.kind == .name, check("=", offset: 1) {
                pos += 2
                args.append(PyArgument(keyword: stream.text(token), value: parseTest()))
            } else {
                args.append(PyArgument(keyword: nil, value: parseNamedTest()))
            }
            if isComprehensionStart { skipToClose(")") }
            if !accept(","), !check(")") { advance() }
        }
        _ = accept(")")
        return args
    }

    /// `x[i]`, `x[a:b]`, `x[a, b]`: slices keep only their first part.
    private mutating func parseSubscript() -> PyExpr {
        let index = check(":") ? make(.other, from: peek()!) : parseTestList()
        skipToClose("]")
        _ = accept("]")
        return index
    }

    private func emptyExpr() -> PyExpr {
        let end = lastEnd
        let token = pos > 0 && pos - 1 < stream.tokens.count ? stream.tokens[pos - 1] : nil
        return PyExpr(node: .other, start: end, end: end, line: token?.line ?? 1, column: token?.column ?? 1)
    }
}
