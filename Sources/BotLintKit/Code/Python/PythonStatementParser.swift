/// Turns a token stream into a flat list of statements with block depths. Blocks are rebuilt
/// by the walkers from the depths, which keeps this pass free of any scanning policy.
struct PythonStatementParser {
    private let stream: PythonTokenStream
    private var statements: [PythonStatement] = []

    static func parse(_ stream: PythonTokenStream) -> [PythonStatement] {
        var parser = PythonStatementParser(stream: stream)
        parser.run()
        return parser.statements
    }

    private init(stream: PythonTokenStream) { self.stream = stream }

    private mutating func run() {
        let tokens = stream.tokens
        var depth = 0
        var i = 0
        while i < tokens.count {
            switch tokens[i].kind {
            case .indent: depth += 1; i += 1
            case .dedent: depth = max(0, depth - 1); i += 1
            case .newline: i += 1
            case .end: return
            default:
                var lineEnd = i
                while lineEnd < tokens.count, tokens[lineEnd].kind != .newline, tokens[lineEnd].kind != .end {
                    lineEnd += 1
                }
                parseLine(i..<lineEnd, depth: depth)
                i = lineEnd
            }
        }
    }

    // MARK: Lines

    private mutating func parseLine(_ range: Range<Int>, depth: Int) {
        var start = range.lowerBound
        while start < range.upperBound {
            var keywordIndex = start
            if matches(start, "async"), start + 1 < range.upperBound { keywordIndex += 1 }
            if let keyword = headerKeyword(at: keywordIndex, lineEnd: range.upperBound) {
                let colon = headerColon(from: keywordIndex + 1, to: range.upperBound)
                emit(header(keyword, keywordIndex + 1..<colon), depth: depth)
                parseLine(min(colon + 1, range.upperBound)..<range.upperBound, depth: depth + 1)
                return
            }
            let end = statementEnd(from: start, to: range.upperBound)
            emit(simpleStatement(start..<end), depth: depth)
            start = end + 1
        }
    }

    private mutating func emit(_ kind: PythonStatement.Kind, depth: Int) {
        statements.append(PythonStatement(depth: depth, kind: kind))
    }

    private func matches(_ index: Int, _ literal: StaticString) -> Bool {
        index < stream.tokens.count && stream.matches(stream.tokens[index], literal)
    }

    /// First `:` outside brackets (the header's colon), or the line end.
    private func headerColon(from start: Int, to end: Int) -> Int {
        var depth = 0
        for i in start..<end where stream.tokens[i].kind == .op {
            let token = stream.tokens[i]
            if stream.matches(token, "(") || stream.matches(token, "[") || stream.matches(token, "{") { depth += 1 }
            if stream.matches(token, ")") || stream.matches(token, "]") || stream.matches(token, "}") { depth -= 1 }
            if depth <= 0, stream.matches(token, ":") { return i }
        }
        return end
    }

    /// `;` outside brackets ends a simple statement.
    private func statementEnd(from start: Int, to end: Int) -> Int {
        var depth = 0
        for i in start..<end where stream.tokens[i].kind == .op {
            let token = stream.tokens[i]
            if stream.matches(token, "(") || stream.matches(token, "[") || stream.matches(token, "{") { depth += 1 }
            if stream.matches(token, ")") || stream.matches(token, "]") || stream.matches(token, "}") { depth -= 1 }
            if depth <= 0, stream.matches(token, ";") { return i }
        }
        return end
    }

    private func expressionParser(_ range: Range<Int>) -> PythonExprParser {
        PythonExprParser(stream: stream, range: range)
    }

    // MARK: Headers

    private enum HeaderKeyword {
        case ifKeyword, elifKeyword, elseKeyword, whileKeyword, forKeyword, withKeyword, defKeyword, classKeyword, plain
    }

    private func headerKeyword(at index: Int, lineEnd: Int) -> HeaderKeyword? {
        guard index < lineEnd, stream.tokens[index].kind == .name else { return nil }
        if matches(index, "if") { return .ifKeyword }
        if matches(index, "elif") { return .elifKeyword }
        if matches(index, "else") { return .elseKeyword }
        if matches(index, "while") { return .whileKeyword }
        if matches(index, "for") { return .forKeyword }
        if matches(index, "with") { return .withKeyword }
        if matches(index, "def") { return .defKeyword }
        if matches(index, "class") { return .classKeyword }
        if matches(index, "try") || matches(index, "except") || matches(index, "finally") { return .plain }
        if matches(index, "match") || matches(index, "case"), lineEnd - 1 > index, matches(lineEnd - 1, ":") {
            return .plain
        }
        return nil
    }

    private func header(_ keyword: HeaderKeyword, _ range: Range<Int>) -> PythonStatement.Kind {
        switch keyword {
        case .ifKeyword: .ifHeader(test(range))
        case .elifKeyword: .elifHeader(test(range))
        case .elseKeyword: .elseHeader
        case .whileKeyword: .whileHeader(test(range))
        case .forKeyword: .forHeader(iterable: forIterable(range))
        case .withKeyword: .withHeader(withItems(range))
        case .defKeyword: functionHeader(range)
        case .classKeyword: classHeader(range)
        case .plain: .plainHeader
        }
    }

    private func test(_ range: Range<Int>) -> PyExpr {
        var parser = expressionParser(range)
        return parser.parseNamedTest()
    }

    private func forIterable(_ range: Range<Int>) -> PyExpr {
        var depth = 0
        for i in range {
            let token = stream.tokens[i]
            if stream.matches(token, "(") || stream.matches(token, "[") { depth += 1 }
            if stream.matches(token, ")") || stream.matches(token, "]") { depth -= 1 }
            if depth == 0, stream.matches(token, "in") {
                var parser = expressionParser(i + 1..<range.upperBound)
                return parser.parseTestList()
            }
        }
        var parser = expressionParser(range)
        return parser.parseTestList()
    }

    private func withItems(_ range: Range<Int>) -> [PyWithItem] {
        var parser = expressionParser(range)
        var items: [PyWithItem] = []
        while !parser.atEnd {
            let context = parser.parseTest()
            var alias: String?
            if parser.accept("as"), let name = parser.peek(), name.kind == .name {
                alias = stream.text(name)
                parser.advance()
            }
            items.append(PyWithItem(context: context, alias: alias))
            if !parser.accept(",") { break }
        }
        return items
    }

    private func functionHeader(_ range: Range<Int>) -> PythonStatement.Kind {
        guard let nameToken = range.first.map({ stream.tokens[$0] }), nameToken.kind == .name else { return .plainHeader }
        var parameters: [String] = []
        var defaults: [String: PyExpr] = [:]
        var depth = 0
        var expectName = false
        var defaultStart: Int?
        func closeDefault(at end: Int) {
            if let start = defaultStart, let name = parameters.last, start < end {
                var parser = expressionParser(start..<end)
                defaults[name] = parser.parseTest()
            }
            defaultStart = nil
        }
        for i in range.dropFirst() {
            let token = stream.tokens[i]
            if token.kind == .op {
                if stream.matches(token, "(") || stream.matches(token, "[") || stream.matches(token, "{") { depth += 1 }
                if stream.matches(token, ")") || stream.matches(token, "]") || stream.matches(token, "}") { depth -= 1 }
                if depth == 0 || (depth == 1 && stream.matches(token, ",")) { closeDefault(at: i) }
                if depth == 1, stream.matches(token, "=") { defaultStart = i + 1 }
                expectName = depth == 1 && (stream.matches(token, "(") || stream.matches(token, ",")
                    || stream.matches(token, "*") || stream.matches(token, "**"))
            } else {
                if expectName, token.kind == .name { parameters.append(stream.text(token)) }
                expectName = false
            }
        }
        return .defHeader(PyFunctionHeader(name: stream.text(nameToken), parameters: parameters, defaults: defaults,
                                           line: nameToken.line, column: nameToken.column))
    }

    private func classHeader(_ range: Range<Int>) -> PythonStatement.Kind {
        guard let nameToken = range.first.map({ stream.tokens[$0] }), nameToken.kind == .name else { return .plainHeader }
        var parser = expressionParser(range)
        let expr = parser.parseTest()
        return .classHeader(name: stream.text(nameToken), bases: expr.arguments)
    }

    // MARK: Simple statements

    private func simpleStatement(_ range: Range<Int>) -> PythonStatement.Kind {
        let first = range.lowerBound
        if matches(first, "import") { return .imports(plainImports(first + 1..<range.upperBound)) }
        if matches(first, "from") { return .imports(fromImports(first + 1..<range.upperBound)) }
        if matches(first, "@") { return .decorator(test(first + 1..<range.upperBound)) }
        if matches(first, "return") || matches(first, "raise") {
            return .exit(range.count > 1 ? test(first + 1..<range.upperBound) : nil)
        }
        if matches(first, "break") || matches(first, "continue") { return .exit(nil) }
        if matches(first, "pass") || matches(first, "global") || matches(first, "nonlocal") || matches(first, "del") {
            return .other
        }
        return expressionStatement(range)
    }

    private func expressionStatement(_ range: Range<Int>) -> PythonStatement.Kind {
        var parser = expressionParser(range)
        _ = parser.accept("yield")
        let first = parser.parseTestList()
        if parser.accept(":") {
            let annotation = parser.parseTest()
            return .annotated(target: first, annotation: annotation, value: parser.accept("=") ? parser.parseTestList() : nil)
        }
        guard parser.check("=") else {
            if let op = parser.peek(), op.kind == .op, stream.text(op).hasSuffix("=") {
                parser.advance()
                return .expression(parser.parseTestList())
            }
            return .expression(first)
        }
        var targets = [first]
        var value = first
        while parser.accept("=") {
            _ = parser.accept("yield")
            value = parser.parseTestList()
            targets.append(value)
        }
        targets.removeLast()
        return .assignment(targets: targets, value: value)
    }

    /// `import a.b`, `import a.b as c, d`.
    private func plainImports(_ range: Range<Int>) -> [PyImport] {
        var imports: [PyImport] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let (module, next) = dottedName(from: i, to: range.upperBound)
            let token = stream.tokens[i]
            var localName = module.split(separator: ".").first.map(String.init)
            var j = next
            if matches(j, "as"), j + 1 < range.upperBound { localName = stream.text(stream.tokens[j + 1]); j += 2 }
            if !module.isEmpty {
                imports.append(PyImport(localName: localName, module: module, importedName: nil,
                                        line: token.line, column: token.column))
            }
            while j < range.upperBound, !matches(j, ",") { j += 1 }
            i = max(j + 1, i + 1)
        }
        return imports
    }

    /// `from a.b import x, y as z`, `from . import x`, `from .m import (x,\n y)`, `from x import *`.
    private func fromImports(_ range: Range<Int>) -> [PyImport] {
        var i = range.lowerBound
        var dots = ""
        while i < range.upperBound, matches(i, ".") || matches(i, "...") {
            dots += stream.text(stream.tokens[i])
            i += 1
        }
        let (name, next) = dottedName(from: i, to: range.upperBound)
        let module = dots + name
        guard matches(next, "import"), !module.isEmpty else { return [] }
        var imports: [PyImport] = []
        i = next + 1
        while i < range.upperBound {
            let token = stream.tokens[i]
            if token.kind == .name || matches(i, "*") {
                var localName = stream.text(token)
                let importedName = localName
                if matches(i + 1, "as"), i + 2 < range.upperBound {
                    localName = stream.text(stream.tokens[i + 2])
                    i += 2
                }
                imports.append(PyImport(localName: localName, module: module, importedName: importedName,
                                        line: token.line, column: token.column))
            }
            i += 1
        }
        return imports
    }

    private func dottedName(from start: Int, to end: Int) -> (String, Int) {
        var parts: [String] = []
        var i = start
        while i < end, stream.tokens[i].kind == .name, !matches(i, "import"), !matches(i, "as") {
            parts.append(stream.text(stream.tokens[i]))
            i += 1
            guard matches(i, ".") else { break }
            i += 1
        }
        return (parts.joined(separator: "."), i)
    }
}
