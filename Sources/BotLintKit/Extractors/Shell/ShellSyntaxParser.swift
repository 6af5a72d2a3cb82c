/// Recursive-descent parser from tokens to `ShellNode`s. Tolerant: a token it cannot place is
/// reported and skipped, so the rest of the script is still read. Nesting is bounded so hostile
/// input (thousands of `(`) cannot exhaust the stack.
struct ShellSyntaxParser {
    static let maxDepth = 100
    private static let closers: Set<String> = ["then", "elif", "else", "fi", "do", "done", "esac", "}"]
    private static let listEnders: Set<String> = [")", ";;", ";&", ";;&"]

    private let tokens: [ShellToken]
    private let source: [UInt8]
    private var position = 0
    private var depth = 0
    private(set) var problems: [(line: Int, column: Int, message: String)] = []

    init(tokens: [ShellToken], source: String) {
        self.tokens = tokens
        self.source = Array(source.utf8)
    }

    mutating func parseProgram() -> [ShellListItem] {
        var items: [ShellListItem] = []
        while position < tokens.count {
            items.append(contentsOf: parseList())
            guard position < tokens.count else { break }
            report(tokens[position], "unexpected '\(describe(tokens[position]))'")
            position += 1
        }
        return items
    }

    // MARK: - Token helpers

    private var current: ShellToken? { position < tokens.count ? tokens[position] : nil }

    private func reserved(_ token: ShellToken?) -> String? {
        guard case .word(let word)? = token else { return nil }
        return word.plainText
    }

    private func isOp(_ text: String) -> Bool { current?.opText == text }

    private mutating func skipNewlines() {
        while case .newline? = current { position += 1 }
    }

    private mutating func expectReserved(_ word: String, closing construct: String) {
        skipNewlines()
        if reserved(current) == word {
            position += 1
        } else {
            report(current, "'\(construct)' without '\(word)'")
        }
    }

    private func describe(_ token: ShellToken) -> String {
        switch token {
        case .word(let word): word.raw
        case .op(let text, _, _, _): text
        case .newline: "newline"
        }
    }

    private mutating func report(_ token: ShellToken?, _ message: String) {
        switch token {
        case .word(let word)?: problems.append((word.line, word.column, message))
        case .op(_, let line, let column, _)?: problems.append((line, column, message))
        default:
            let last = tokens.last.flatMap { token -> (Int, Int)? in
                if case .word(let w) = token { return (w.line, w.column) }
                if case .op(_, let l, let c, _) = token { return (l, c) }
                return nil
            }
            problems.append((last?.0 ?? 1, last?.1 ?? 1, message + " at end of input"))
        }
    }

    // MARK: - Lists

    /// Commands up to a closing reserved word, `)`, `;;`, or the end.
    private mutating func parseList() -> [ShellListItem] {
        var items: [ShellListItem] = []
        while let token = current {
            if case .newline = token { position += 1; continue }
            if token.opText == ";" || token.opText == "&" { position += 1; continue }
            if let op = token.opText, Self.listEnders.contains(op) { break }
            if let word = reserved(token), Self.closers.contains(word) { break }
            let before = position
            guard let node = parseChain() else {
                if position == before { break }
                continue
            }
            var background = false
            if isOp("&") { background = true; position += 1 } else if isOp(";") { position += 1 }
            items.append(ShellListItem(node: node, background: background))
        }
        return items
    }

    private mutating func parseChain() -> ShellNode? {
        guard let first = parsePipeline() else { return nil }
        var links: [ShellChainLink] = []
        while let op = current?.opText, op == "&&" || op == "||" {
            position += 1
            skipNewlines()
            guard let next = parsePipeline() else { break }
            links.append(ShellChainLink(isAnd: op == "&&", node: next))
        }
        return links.isEmpty ? first : .chain(first, links)
    }

    private mutating func parsePipeline() -> ShellNode? {
        var negated = false
        if reserved(current) == "!" { negated = true; position += 1 }
        guard let first = parseCommand() else { return nil }
        var stages = [first]
        while let op = current?.opText, op == "|" || op == "|&" {
            position += 1
            skipNewlines()
            guard let next = parseCommand() else { break }
            stages.append(next)
        }
        return stages.count == 1 && !negated ? first : .pipeline(stages, negated: negated)
    }

    // MARK: - Commands

    private mutating func parseCommand() -> ShellNode? {
        guard depth < Self.maxDepth else {
            report(current, "nesting deeper than \(Self.maxDepth) levels; the rest is not read")
            position = tokens.count
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        let node: ShellNode?
        if isOp("(") {
            position += 1
            let body = parseList()
            if isOp(")") { position += 1 } else { report(current, "'(' without ')'") }
            node = .subshell(body)
        } else if let word = reserved(current), let compound = parseCompound(word) {
            node = compound
        } else if let function = parseFunctionDefinition() {
            return function
        } else {
            return parseSimple()
        }
        skipRedirections()
        return node
    }

    private mutating func parseCompound(_ word: String) -> ShellNode? {
        switch word {
        case "{":
            position += 1
            let body = parseList()
            expectReserved("}", closing: "{")
            return .group(body)
        case "if": return parseIf()
        case "while", "until":
            position += 1
            let condition = parseList()
            expectReserved("do", closing: word)
            let body = parseList()
            expectReserved("done", closing: word)
            return .whileLoop(condition: condition, body: body, isUntil: word == "until")
        case "for", "select": return parseFor()
        case "case": return parseCase()
        case "function":
            position += 1
            guard case .word(let name)? = current else { return nil }
            position += 1
            if isOp("(") { position += 1; if isOp(")") { position += 1 } }
            return parseFunctionBody(name: name.unquoted)
        default: return nil
        }
    }

    private mutating func parseIf() -> ShellNode {
        var branches: [ShellIfBranch] = []
        var otherwise: [ShellListItem]?
        position += 1
        while true {
            let condition = parseList()
            expectReserved("then", closing: "if")
            let body = parseList()
            branches.append(ShellIfBranch(condition: condition, body: body))
            skipNewlines()
            if reserved(current) == "elif" { position += 1; continue }
            if reserved(current) == "else" {
                position += 1
                otherwise = parseList()
            }
            expectReserved("fi", closing: "if")
            return .ifClause(branches, otherwise: otherwise)
        }
    }

    private mutating func parseFor() -> ShellNode {
        position += 1
        guard case .word(let nameWord)? = current else {
            report(current, "'for' without a variable")
            return .forLoop(variable: "", items: nil, body: [])
        }
        position += 1
        var items: [ShellWord]?
        skipNewlines()
        if reserved(current) == "in" {
            position += 1
            items = []
            while case .word(let word)? = current { items?.append(word); position += 1 }
        }
        if isOp(";") { position += 1 }
        skipNewlines()
        let isBraced = reserved(current) == "{"
        if !isBraced { expectReserved("do", closing: "for") } else { position += 1 }
        let body = parseList()
        expectReserved(isBraced ? "}" : "done", closing: "for")
        let name = nameWord.unquoted.hasPrefix("((") ? "" : nameWord.unquoted
        return .forLoop(variable: name, items: name.isEmpty ? nil : items, body: body)
    }

    private mutating func parseCase() -> ShellNode {
        position += 1
        guard case .word(let subject)? = current else {
            report(current, "'case' without a word")
            return .caseClause(subject: ShellWord(parts: [], raw: "", line: 0, column: 0, contentLine: 0, contentColumn: 0, offset: 0), arms: [])
        }
        position += 1
        skipNewlines()
        expectReserved("in", closing: "case")
        var arms: [ShellCaseArm] = []
        while true {
            skipNewlines()
            guard current != nil, reserved(current) != "esac" else { break }
            if isOp("(") { position += 1 }
            var patterns: [ShellWord] = []
            while case .word(let word)? = current {
                patterns.append(word)
                position += 1
                if isOp("|") { position += 1 } else { break }
            }
            guard isOp(")") else {
                report(current, "case pattern without ')'")
                skipToEsac()
                break
            }
            position += 1
            let body = parseList()
            arms.append(ShellCaseArm(patterns: patterns, body: body))
            if let op = current?.opText, op == ";;" || op == ";&" || op == ";;&" { position += 1 }
            else if reserved(current) != "esac" { report(current, "case arm without ';;'"); skipToEsac(); break }
        }
        expectReserved("esac", closing: "case")
        return .caseClause(subject: subject, arms: arms)
    }

    private mutating func skipToEsac() {
        while current != nil, reserved(current) != "esac" { position += 1 }
    }

    /// `name() { ...; }` (POSIX) — `function name` is handled with the compound commands.
    private mutating func parseFunctionDefinition() -> ShellNode? {
        guard case .word(let name)? = current, name.plainText != nil,
              position + 2 < tokens.count, tokens[position + 1].opText == "(",
              tokens[position + 2].opText == ")" else { return nil }
        position += 3
        return parseFunctionBody(name: name.unquoted)
    }

    private mutating func parseFunctionBody(name: String) -> ShellNode? {
        skipNewlines()
        guard let body = parseCommand() else { return nil }
        return .function(name: name, body: body)
    }

    private mutating func skipRedirections() {
        while let op = current?.opText, ShellToken.redirections.contains(op) {
            position += 1
            if case .word? = current { position += 1 }
        }
    }

    private mutating func parseSimple() -> ShellNode? {
        var assignments: [ShellWord] = []
        var words: [ShellWord] = []
        let start = position
        loop: while let token = current {
            switch token {
            case .word(let word):
                position += 1
                if words.isEmpty, word.assignment != nil {
                    assignments.append(word)
                } else {
                    words.append(word)
                    if words.count == 1, word.plainText == "[[" { words.append(contentsOf: readDoubleBracket()) }
                }
            case .op(let op, _, _, _) where ShellToken.redirections.contains(op):
                skipRedirections()
            default:
                break loop
            }
        }
        guard position > start else { return nil }
        return .simple(ShellSimpleCommand(assignments: assignments, words: words, text: sourceText(start..<position)))
    }

    /// `[[ ... ]]` treats `&&`, `||`, `<`, `(` as its own operators: read them as words.
    private mutating func readDoubleBracket() -> [ShellWord] {
        var words: [ShellWord] = []
        while let token = current {
            switch token {
            case .word(let word):
                position += 1
                words.append(word)
                if word.plainText == "]]" { return words }
            case .op(let op, let line, let column, let offset):
                position += 1
                words.append(ShellWord(parts: [.literal(op, quoted: false)], raw: op, line: line, column: column,
                                       contentLine: line, contentColumn: column, offset: offset))
            case .newline:
                return words
            }
        }
        return words
    }

    private func sourceText(_ range: Range<Int>) -> String {
        guard let lower = offset(of: tokens[range.lowerBound], start: true),
              let upper = offset(of: tokens[range.upperBound - 1], start: false), lower < upper else { return "" }
        return String(decoding: source[lower..<min(upper, source.count)], as: UTF8.self)
    }

    private func offset(of token: ShellToken, start: Bool) -> Int? {
        switch token {
        case .op(let text, _, _, let offset): start ? offset : offset + text.utf8.count
        case .newline(let offset): offset
        case .word(let word): start ? word.offset : word.offset + word.raw.utf8.count
        }
    }
}
