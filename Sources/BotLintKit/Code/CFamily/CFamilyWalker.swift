/// Walks the tokens of one C-like source file, keeping the blocks it is in (if/else chains,
/// switch arms, loops, functions, types) and the names bound to env reads and bot objects, and
/// lets the dialect report receiving calls at each token.
struct CFamilyWalker {
    let tokens: [CToken]
    let path: String
    let dialect: any CFamilyDialect
    var summary: CodeSummary
    /// Names bound to values: env reads, literals, and bot objects (bound to their token).
    var bindings: [String: ValueExpr] = [:]
    /// Tokens of every bot object built in this file, by library, in order.
    var builtTokens: [(library: Library, token: ValueExpr)] = []
    /// Names bound to bot objects, and their library (`b` in `b, err := bot.New(...)`).
    var botObjects: [String: Library] = [:]
    /// Annotations or attributes seen since the last declaration (`@ConditionalOnProperty`, `[HttpPost]`).
    var pendingAnnotations: [Range<Int>] = []

    private(set) var blocks: [Block] = []
    private var facts: [PendingFact] = []
    private var calls: [Call] = []
    private var headerStart = 0
    private var previousHeader: Range<Int> = 0..<0
    private var parens = 0
    /// Conditions of the if/else-if chain that just closed at each block level.
    private var chain: [Condition]?
    private(set) var statementStart = 0

    struct Block {
        enum Kind { case plain, conditional, loop, function(String?), type(String), switchBlock(ValueExpr?) }
        var kind: Kind
        var condition: Condition
        /// For switch blocks: the condition of the arm being read.
        var arm: Condition = .always
        var armValues: [String] = []
        var armStart: Int = 0
        var parensAtOpen: Int
        /// `@Conditional...` on a type or method: holds for everything inside.
        var annotations: [Range<Int>] = []
        /// For if/else blocks: the conditions of the chain so far, so a following `else` negates them.
        var chain: [Condition] = []
    }

    private struct PendingFact {
        var fact: CodeFact
        var function: String?
    }

    private struct Call {
        var name: String
        var condition: Condition
        var function: String?
    }

    init(tokens: [CToken], path: String, dialect: any CFamilyDialect) {
        self.tokens = tokens
        self.path = path
        self.dialect = dialect
        self.summary = CodeSummary(path: path, language: dialect.language)
    }

    // MARK: - Walk

    mutating func run() -> CodeSummary {
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token.newlineBefore, dialect.newlineEndsStatements, parens == 0, i > 0, !continuesExpression(i) {
                if headerStart < i { previousHeader = headerStart..<i }
                headerStart = i
                statementStart = i
                armBoundary(at: i)
            }
            switch token.kind {
            case .punctuator where token.text == "{":
                openBlock(at: i)
            case .punctuator where token.text == "}":
                closeBlock(at: i)
            case .punctuator where token.text == ";" && parens == 0 && isControlHeader(headerStart..<i):
                // Go's `if v := os.Getenv("X"); v != "" {`: the init statement is part of the header.
                break
            case .punctuator where token.text == ";" && parens == 0:
                if headerStart < i { previousHeader = headerStart..<i }
                headerStart = i + 1
                statementStart = i + 1
                chain = nil
                pendingAnnotations = []
            case .punctuator where token.text == "@" && i + 1 < tokens.count && tokens[i + 1].kind == .identifier:
                let end = i + 2 < tokens.count && tokens[i + 2].isPunctuator("(") ? closing(i + 2) + 1 : i + 2
                pendingAnnotations.append(i..<end)
            case .punctuator where token.text == "(" || token.text == "[":
                parens += 1
            case .punctuator where token.text == ")" || token.text == "]":
                parens = max(0, parens - 1)
            case .punctuator where token.text == ",":
                if let top = blocks.last, case .switchBlock = top.kind, parens == top.parensAtOpen { armBoundary(at: i + 1) }
            case .punctuator where token.text == "=>" || token.text == "->":
                armPattern(endingAt: i)
            case .punctuator where token.text == ":":
                caseLabel(endingAt: i)
                bindField(at: i)
            case .punctuator where (token.text == "=" || token.text == ":="):
                bindAssignment(at: i)
            case .identifier:
                if i + 1 < tokens.count, tokens[i + 1].isPunctuator("("), !isDefinition(i) {
                    calls.append(Call(name: token.text, condition: currentCondition, function: currentFunction))
                }
                if token.text == "return", let function = currentFunction {
                    // What a getter returns: `getBotToken() { return System.getenv("BOT_TOKEN"); }`.
                    let range = (i + 1)..<expressionEnd(from: i + 1)
                    let returned = range.isEmpty ? ValueExpr.unknown("") : value(in: range)
                    if !returned.isUnknown { bindings[function + "()"] = returned }
                }
                dialect.inspect(&self, at: i)
            default:
                break
            }
            i += 1
        }
        finishFacts()
        return summary
    }

    private func isControlHeader(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        return tokens[first].kind == .identifier && ["if", "switch", "for", "else"].contains(tokens[first].text)
            && dialect.newlineEndsStatements
    }

    /// `func serve(`, `fn serve(`, `void serve(`, `func (b *Bot) serve(`: a definition, not a call.
    /// A call follows an operator or one of a few keywords, never a type or `func`.
    private func isDefinition(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        let previous = tokens[i - 1]
        if previous.kind == .identifier {
            return !["return", "await", "go", "defer", "throw", "yield", "new", "else", "in", "case", "not", "and", "or",
                     "try", "then", "do", "puts", "echo", "print"].contains(previous.text)
        }
        if previous.isPunctuator(")") {
            var depth = 0
            var k = i - 1
            while k >= 0 {
                if tokens[k].isPunctuator(")") { depth += 1 }
                if tokens[k].isPunctuator("(") { depth -= 1; if depth == 0 { break } }
                k -= 1
            }
            return k > 0 && CFamilyKeywords.functionWords.contains(tokens[k - 1].text)
        }
        return false
    }

    /// A line that starts with `.`, `&&`, `)` or follows an operator continues the expression.
    private func continuesExpression(_ i: Int) -> Bool {
        let previous = tokens[i - 1]
        let current = tokens[i]
        if current.kind == .punctuator, [".", "?.", "&&", "||", ")", "]", "}", "?:", "+", "?"].contains(current.text) { return true }
        if previous.kind == .punctuator, ["(", "[", ",", ".", "&&", "||", "=", ":=", "+", "->", "=>", "==", "!="].contains(previous.text) {
            return true
        }
        return false
    }

    // MARK: - Blocks

    private mutating func openBlock(at i: Int) {
        var header = headerStart..<i
        if header.isEmpty || header.allSatisfy({ tokens[$0].isPunctuator(")") }) { header = previousHeader }
        var block = Block(kind: .plain, condition: .always, parensAtOpen: parens)
        let words = header.filter { tokens[$0].kind == .identifier }.map { tokens[$0].text }
        let first = header.first.map { tokens[$0].text } ?? ""
        if first == "else" {
            let previous = Condition.all((chain ?? []).map(\.negated))
            if header.count > 1, tokens[header.lowerBound + 1].isIdentifier("if") {
                let own = ifCondition(in: (header.lowerBound + 2)..<header.upperBound)
                block.kind = .conditional
                block.condition = .all([previous, own])
                block.chain = (chain ?? []) + [own]
            } else {
                block.kind = .conditional
                block.condition = previous
            }
        } else if first == "if" {
            let own = ifCondition(in: (header.lowerBound + 1)..<header.upperBound)
            block.kind = .conditional
            block.condition = own
            block.chain = [own]
        } else if CFamilyKeywords.loops.contains(first) {
            block.kind = .loop
        } else if CFamilyKeywords.switches.contains(first) {
            block.kind = .switchBlock(subject(in: (header.lowerBound + 1)..<header.upperBound))
            block.armStart = i + 1
        } else if let name = functionName(in: header) {
            block.kind = .function(name)
        } else if let typeWord = words.firstIndex(where: { CFamilyKeywords.types.contains($0) }), typeWord + 1 < words.count {
            block.kind = .type(words[typeWord + 1])
        }
        chain = nil
        // Annotations belong to the type or function they precede, not to a lambda in its header.
        switch block.kind {
        case .type, .function:
            block.annotations = pendingAnnotations
            pendingAnnotations = []
        default:
            break
        }
        blocks.append(block)
        headerStart = i + 1
        statementStart = i + 1
    }

    private mutating func closeBlock(at i: Int) {
        guard let block = blocks.popLast() else { return }
        parens = block.parensAtOpen
        headerStart = i + 1
        statementStart = i + 1
        chain = block.chain.isEmpty ? nil : block.chain
        if let top = blocks.last, case .switchBlock = top.kind { armBoundary(at: i + 1) }
    }

    // MARK: - Switch arms

    /// `case "webhook":` / `default:` in a switch block.
    private mutating func caseLabel(endingAt i: Int) {
        guard var top = blocks.last, case .switchBlock(let subject) = top.kind, parens == top.parensAtOpen else { return }
        let start = statementStart
        guard start < i else { return }
        let first = tokens[start]
        if first.isIdentifier("default") {
            top.arm = subject.map { s in .all(top.armValues.map { Condition.envEquals(s.envNames.first ?? "", $0, caseInsensitive: false).negated }) }
                ?? .opaque("default")
            if subject?.envNames.isEmpty ?? true { top.arm = .opaque("default") }
        } else if first.isIdentifier("case") {
            let pattern = (start + 1)..<i
            if let name = subject?.envNames.first {
                let values = pattern.filter { tokens[$0].kind == .string }.map { tokens[$0].text }
                top.armValues += values
                top.arm = values.isEmpty ? .opaque(text(pattern)) : .any(values.map { .envEquals(name, $0, caseInsensitive: false) })
            } else {
                top.arm = condition(in: pattern)
            }
        } else {
            return
        }
        blocks[blocks.count - 1] = top
    }

    /// `"webhook" => ...` / `Ok("webhook") => ...` / `_ => ...` / `else -> ...` in match and when.
    private mutating func armPattern(endingAt i: Int) {
        guard var top = blocks.last, case .switchBlock(let subject) = top.kind, parens == top.parensAtOpen else { return }
        let pattern = top.armStart..<i
        guard !pattern.isEmpty else { return }
        let name = subject?.envNames.first
        let isDefault = pattern.count == 1 && (tokens[pattern.lowerBound].isIdentifier("_") || tokens[pattern.lowerBound].isIdentifier("else"))
        if isDefault {
            top.arm = name.map { n in .all(top.armValues.map { Condition.envEquals(n, $0, caseInsensitive: false).negated }) }
                ?? .opaque("_")
        } else {
            let values = pattern.filter { tokens[$0].kind == .string }.map { tokens[$0].text }
            if let name, !values.isEmpty {
                top.armValues += values
                top.arm = .any(values.map { .envEquals(name, $0, caseInsensitive: false) })
            } else {
                top.arm = .opaque(text(pattern))
            }
        }
        blocks[blocks.count - 1] = top
    }

    private mutating func armBoundary(at i: Int) {
        guard let top = blocks.last, case .switchBlock = top.kind else { return }
        blocks[blocks.count - 1].armStart = i
    }

    // MARK: - Context

    var currentCondition: Condition {
        .all(blocks.map { block in .all([block.condition, block.arm, annotationCondition(block.annotations)]) })
    }

    var inLoop: Bool { blocks.contains { if case .loop = $0.kind { true } else { false } } }

    var currentFunction: String? {
        for block in blocks.reversed() { if case .function(let name) = block.kind { return name } }
        return nil
    }

    private func annotationCondition(_ annotations: [Range<Int>]) -> Condition {
        .all(annotations.compactMap { CFamilyAnnotations.condition(tokens, $0) })
    }

    private func functionName(in header: Range<Int>) -> String?? {
        guard !header.isEmpty else { return nil }
        var k = header.lowerBound
        var depth = 0
        while k < header.upperBound {
            let t = tokens[k]
            if t.isPunctuator("(") { depth += 1 }
            if t.isPunctuator(")") { depth -= 1 }
            if depth == 0, t.kind == .identifier, CFamilyKeywords.functionWords.contains(t.text) {
                var n = k + 1
                // Go methods: `func (b *Bot) Run(...)`.
                if n < header.upperBound, tokens[n].isPunctuator("(") { n = closing(n) + 1 }
                if n < header.upperBound, tokens[n].kind == .identifier { return .some(tokens[n].text) }
                return .some(nil)  // a closure: `func() {`, `function () {`
            }
            k += 1
        }
        // Java, C#, Kotlin constructors and methods: `public void run(String[] args) throws X {`.
        let first = tokens[header.lowerBound].text
        guard !CFamilyKeywords.control.contains(first), !CFamilyKeywords.types.contains(first) else { return nil }
        depth = 0
        for k in header where tokens[k].kind == .punctuator {
            let t = tokens[k].text
            if t == "(" || t == "[" || t == "<" { depth += 1 }
            if t == ")" || t == "]" || t == ">" { depth -= 1 }
            if depth == 0, ["=", ":=", "=>", "->", ".", "?.", "::"].contains(t), k < header.upperBound - 1 || t != "->" { return nil }
        }
        // Annotations (`@ConditionalOnProperty(...)`) come before the name.
        var afterAnnotations = header.lowerBound
        while afterAnnotations + 1 < header.upperBound, tokens[afterAnnotations].isPunctuator("@") {
            afterAnnotations += 2
            if afterAnnotations < header.upperBound, tokens[afterAnnotations].isPunctuator("(") {
                // An unclosed `(` in broken input closes past the header.
                afterAnnotations = min(closing(afterAnnotations) + 1, header.upperBound)
            }
        }
        afterAnnotations = min(afterAnnotations, header.upperBound)
        if let open = (afterAnnotations..<header.upperBound).first(where: { tokens[$0].isPunctuator("(") }), open > afterAnnotations,
           tokens[open - 1].kind == .identifier, !CFamilyKeywords.control.contains(tokens[open - 1].text),
           open - 1 > afterAnnotations || tokens[header.upperBound - 1].isPunctuator(")") {
            return .some(tokens[open - 1].text)
        }
        return nil
    }

    // MARK: - Bindings

    /// `name := value`, `let name = value`, `String name = value;`, `$name = value;`.
    private mutating func bindAssignment(at equals: Int) {
        // Kotlin and Scala-style expression bodies: `override fun getBotToken() = token`.
        let statement = statementStart..<equals
        if let fun = statement.first(where: { tokens[$0].kind == .identifier && CFamilyKeywords.functionWords.contains(tokens[$0].text) }),
           fun + 1 < equals, tokens[fun + 1].kind == .identifier {
            let value = value(in: (equals + 1)..<expressionEnd(from: equals + 1))
            if !value.isUnknown { bindings[tokens[fun + 1].text + "()"] = value }
            return
        }
        guard let name = assignmentTarget(equals: equals) else { return }
        let range = (equals + 1)..<expressionEnd(from: equals + 1)
        guard !range.isEmpty else { return }
        let value = value(in: range)
        if case .unknown = value { return }
        bindings[name] = value
        if blocks.allSatisfy({ if case .function = $0.kind { false } else { true } }) { summary.assignments[name] = value }
    }

    /// Go struct fields and named arguments: `Token: os.Getenv("X")`, `token: env::var("X")`.
    private mutating func bindField(at colon: Int) {
        guard colon > 0, tokens[colon - 1].kind == .identifier, colon + 1 < tokens.count,
              tokens[colon + 1].kind == .string || dialect.read(tokens, at: colon + 1) != nil else { return }
        let range = (colon + 1)..<expressionEnd(from: colon + 1)
        let value = value(in: range)
        if case .unknown = value { return }
        bindings[tokens[colon - 1].text] = value
    }

    /// The name an assignment binds: the identifier before `=`, the first of a Go `a, err :=`,
    /// or the name before a type annotation (`let token: String =`).
    func assignmentTarget(equals: Int) -> String? {
        guard equals > 0 else { return nil }
        var start = equals - 1
        while start > statementStart, !tokens[start - 1].isPunctuator("{"), !tokens[start - 1].isPunctuator("(") { start -= 1 }
        let statement = start..<equals
        guard !statement.isEmpty else { return nil }
        if let colon = statement.first(where: { tokens[$0].isPunctuator(":") }), colon > start, tokens[colon - 1].kind == .identifier {
            return tokens[colon - 1].text
        }
        if let comma = statement.first(where: { tokens[$0].isPunctuator(",") }), comma > start, tokens[comma - 1].kind == .identifier {
            return tokens[comma - 1].text
        }
        let last = tokens[equals - 1]
        return last.kind == .identifier ? last.text : nil
    }

    /// Where an expression starting at `start` ends: `;`, `,` or a closing bracket at its depth,
    /// or a line break that ends the statement.
    func expressionEnd(from start: Int) -> Int {
        var depth = 0
        var k = start
        while k < tokens.count {
            let t = tokens[k]
            if k > start, depth == 0, t.newlineBefore, dialect.newlineEndsStatements, !continuesExpression(k) { return k }
            if t.kind == .punctuator {
                switch t.text {
                case "(", "[", "{": depth += 1
                case ")", "]", "}":
                    if depth == 0 { return k }
                    depth -= 1
                case ";", ",": if depth == 0 { return k }
                default: break
                }
            }
            k += 1
        }
        return k
    }

    // MARK: - Values and conditions

    func value(in range: Range<Int>) -> ValueExpr {
        CFamilyValues(walker: self).value(range)
    }

    func condition(in range: Range<Int>) -> Condition {
        CFamilyValues(walker: self).condition(range)
    }

    /// `if cond`, `if (cond)`, and Rust/Swift `if let Ok(x) = env::var("X")` (the variable is set).
    private func ifCondition(in range: Range<Int>) -> Condition {
        if let semicolon = range.last(where: { tokens[$0].isPunctuator(";") }) {
            return ifCondition(in: (semicolon + 1)..<range.upperBound)
        }
        if let first = range.first, tokens[first].isIdentifier("let"),
           let equals = range.first(where: { tokens[$0].isPunctuator("=") }) {
            let value = value(in: (equals + 1)..<range.upperBound)
            if let name = value.envNames.first { return .envSet(name) }
            return .opaque(text(range))
        }
        return condition(in: range)
    }

    private func subject(in range: Range<Int>) -> ValueExpr? {
        guard !range.isEmpty else { return nil }
        let value = value(in: range)
        return value.envNames.isEmpty ? nil : value
    }

    func text(_ range: Range<Int>) -> String {
        var out = ""
        for k in range {
            let t = tokens[k]
            if !out.isEmpty, t.kind == .identifier || t.kind == .string || t.kind == .number,
               let last = out.last, last.isLetter || last.isNumber || last == "\"" || last == "_" { out += " " }
            out += t.kind == .string ? "\"\(t.text)\"" : t.text
        }
        return String(out.prefix(80))
    }

    // MARK: - Token helpers for dialects

    /// The index of the bracket closing the one at `open`, or the last token; never before
    /// `open + 1`, since callers take `(open + 1)..<closing(open)` (an opener that is the file's
    /// last token gives an empty group, not a trap).
    func closing(_ open: Int) -> Int {
        guard open < tokens.count else { return tokens.count }
        let opener = tokens[open].text
        let closer = opener == "(" ? ")" : opener == "[" ? "]" : "}"
        var depth = 0
        var k = open
        while k < tokens.count {
            let t = tokens[k]
            if t.kind == .punctuator {
                if t.text == opener { depth += 1 }
                if t.text == closer { depth -= 1; if depth == 0 { return k } }
            }
            k += 1
        }
        return max(open + 1, tokens.count - 1)
    }

    /// Argument ranges of the call whose `(` is at `open`.
    func arguments(_ open: Int) -> [Range<Int>] {
        let close = closing(open)
        var result: [Range<Int>] = []
        var start = open + 1
        var depth = 0
        var k = open + 1
        while k < close {
            let t = tokens[k]
            if t.kind == .punctuator {
                switch t.text {
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                case "," where depth == 0:
                    result.append(start..<k)
                    start = k + 1
                default: break
                }
            }
            k += 1
        }
        if start < close { result.append(start..<close) }
        return result
    }

    /// `name(` at `i`.
    func isCall(_ i: Int, _ name: String) -> Bool {
        i + 1 < tokens.count && tokens[i].isIdentifier(name) && tokens[i + 1].isPunctuator("(")
    }

    /// `x.name(` / `x->name(` / `X::name(` at `i`.
    func isMethodCall(_ i: Int, _ name: String) -> Bool {
        isCall(i, name) && i > 0 && [".", "->", "?.", "?->", "::"].contains(tokens[i - 1].text)
    }

    /// The object a method is called on: the identifier before the dot (`bot` in `b.bot.Start()`).
    func receiver(ofMethodAt i: Int) -> String? {
        guard i >= 2, tokens[i - 2].kind == .identifier else { return nil }
        return tokens[i - 2].text
    }

    /// The token of a bot object: bound by name, or the only bot this file builds.
    func token(ofReceiver name: String?, library: Library) -> ValueExpr {
        if let name, let bound = bindings[name] { return bound }
        let built = builtTokens.filter { $0.library == library }
        if let first = built.first, built.allSatisfy({ $0.token == first.token }) { return first.token }
        if let name, let value = bindings[name], !value.isUnknown { return value }
        return .symbol(Self.moduleBotKey(library))
    }

    /// The name under which a file publishes the token of the one bot of `library` it builds.
    static func moduleBotKey(_ library: Library) -> String { "bot:" + library.rawValue }

    /// Binds the name a constructor call is assigned to (`bot, err := tgbotapi.NewBotAPI(...)`)
    /// to the bot's token.
    mutating func recordBot(_ library: Library, token: ValueExpr, callStart: Int) {
        builtTokens.append((library, token))
        // Other files of the module (a service that gets the client injected) find it by this key.
        let key = Self.moduleBotKey(library)
        if builtTokens.allSatisfy({ $0.library != library || $0.token == token }) {
            bindings[key] = token
            summary.assignments[key] = token
        } else {
            bindings[key] = nil
            summary.assignments[key] = nil
        }
        var k = callStart - 1
        while k > 0, tokens[k].kind == .identifier || [".", "::", "\\", "&", "*", "new"].contains(tokens[k].text) {
            if tokens[k].isPunctuator("=") || tokens[k].isPunctuator(":=") { break }
            k -= 1
        }
        if k > 0, tokens[k].isPunctuator("=") || tokens[k].isPunctuator(":="), let name = assignmentTarget(equals: k) {
            bindings[name] = token
            botObjects[name] = library
            if currentFunction == nil { summary.assignments[name] = token }
        } else if k > 0, tokens[k].isPunctuator(":"), tokens[k - 1].kind == .identifier {
            bindings[tokens[k - 1].text] = token
            botObjects[tokens[k - 1].text] = library
        }
    }

    /// Whether the method at `i` is called on a bot object of `library`: one bound by name, or
    /// (when the receiver is a field or parameter) the only kind of bot this file builds.
    func calledOnBot(_ i: Int, _ library: Library) -> Bool {
        if let name = receiver(ofMethodAt: i), let bound = botObjects[name] { return bound == library }
        return !builtTokens.isEmpty && builtTokens.allSatisfy { $0.library == library }
    }

    mutating func addFact(_ kind: ReceiveKind, _ library: Library, api: String, token: ValueExpr, at i: Int,
                          webhookURL: ValueExpr? = nil, concurrency: Concurrency = .blocking, condition extra: Condition = .always,
                          singleRequest: Bool = false) {
        let location = SourceLocation(path: path, line: tokens[i].line, column: tokens[i].column)
        // Annotations still pending belong to the declaration the fact sits in (a class header).
        let fact = CodeFact(kind: kind, library: library, api: api, token: token,
                            condition: .all([currentCondition, annotationCondition(pendingAnnotations), extra]), concurrency: concurrency,
                            webhookURL: webhookURL, singleRequest: singleRequest, location: location)
        facts.append(PendingFact(fact: fact, function: currentFunction))
    }

    // MARK: - Call sites

    /// Facts inside a function called elsewhere in this file take the call sites' conditions
    /// (`if webhook { runWebhook() } else { runPolling() }`); a function never called here is
    /// taken as called by the runtime or another file.
    private mutating func finishFacts() {
        for pending in facts {
            var fact = pending.fact
            // Names bound after the call (a getter below a class header): the file's last word.
            if case .symbol(let name) = fact.token, let bound = bindings[name] {
                if case .symbol(let inner) = bound, let again = bindings[inner] { fact.token = again } else { fact.token = bound }
            }
            if let function = pending.function {
                let callers = callerCondition(of: function, depth: 0, seen: [function])
                fact.condition = .all([callers, fact.condition])
            }
            summary.facts.append(fact)
        }
    }

    private func callerCondition(of function: String, depth: Int, seen: Set<String>) -> Condition {
        let sites = calls.filter { $0.name == function && $0.function != function }
        guard !sites.isEmpty, depth < 6 else { return .always }
        return .any(sites.map { site in
            guard let outer = site.function, !seen.contains(outer) else { return site.condition }
            return .all([callerCondition(of: outer, depth: depth + 1, seen: seen.union([outer])), site.condition])
        })
    }
}
