/// Statements: blocks, `if`/`else`, loops, `switch`, `try`, early exits and declarations.
extension JSWalker {
    /// Walks a statement list; returns the condition under which it exits early (`return`,
    /// `throw`, `process.exit()`), so statements after it get the negation.
    @discardableResult
    func statements(_ range: Range<Int>, _ context: JSContext) -> Condition {
        guard context.depth < Self.maxDepth else { return .never }
        var stillRunning = Condition.always
        var exit = Condition.never
        var i = range.lowerBound
        while i < range.upperBound {
            let result = statement(at: i, limit: range.upperBound, context.adding(stillRunning))
            i = max(result.next, i + 1)
            if case .never = result.exit { continue }
            exit = .any([exit, .all([stillRunning, result.exit])])
            stillRunning = .all([stillRunning, result.exit.negated])
        }
        return exit
    }

    typealias StatementResult = (next: Int, exit: Condition)

    func statement(at i: Int, limit: Int, _ context: JSContext) -> StatementResult {
        guard i < limit else { return (limit, .never) }
        var context = context
        context.depth += 1
        guard context.depth < Self.maxDepth else { return (limit, .never) }
        let token = file[i]
        if token.kind == .punctuator {
            switch token.op {
            case JSOp.semicolon, JSOp.closeBrace, JSOp.closeParen, JSOp.closeBracket:
                return (i + 1, .never)
            case JSOp.openBrace:
                let close = file.close(of: i, limit: limit)
                return (close + 1, statements((i + 1)..<close, context))
            case JSOp.at:
                return (decoratedDeclaration(at: i, limit: limit, context), .never)
            default:
                return expressionStatement(at: i, limit: limit, context)
            }
        }
        if token.kind == .identifier, let keyword = keywordStatement(at: i, limit: limit, context) {
            return keyword
        }
        return expressionStatement(at: i, limit: limit, context)
    }

    private func keywordStatement(at i: Int, limit: Int, _ context: JSContext) -> StatementResult? {
        // A keyword used as a name (`type = 1`, `module.exports`) is an expression.
        if file.isOp(i + 1, JSOp.dot) || file.isOp(i + 1, JSOp.assign) { return nil }
        switch file[i].keyword {
        case .if: return ifStatement(at: i, limit: limit, context)
        case .for, .while: return (loop(at: i, limit: limit, context), .never)
        case .do: return (doWhile(at: i, limit: limit, context), .never)
        case .switch: return (switchStatement(at: i, limit: limit, context), .never)
        case .try: return tryStatement(at: i, limit: limit, context)
        case .return, .throw:
            let end = statementEnd(from: i + 1, limit: limit)
            expression((i + 1)..<end, context)
            return (after(end), .always)
        case .break, .continue: return (after(statementEnd(from: i + 1, limit: limit)), .never)
        case .function: return (functionDeclaration(at: i, limit: limit, context), .never)
        case .async where file.isWord(i + 1, "function"):
            return (functionDeclaration(at: i + 1, limit: limit, context), .never)
        case .class: return (classDeclaration(at: i, limit: limit, context, decorated: false), .never)
        case .abstract where file.isWord(i + 1, "class"):
            return (classDeclaration(at: i + 1, limit: limit, context, decorated: false), .never)
        case .const where file.isWord(i + 1, "enum"), .enum, .interface, .declare:
            return (skipTypeDeclaration(at: i, limit: limit), .never)
        case .type where file.isIdentifier(i + 1):
            return (after(statementEnd(from: i + 1, limit: limit)), .never)
        case .const, .let, .var, .using:
            guard file.isIdentifier(i + 1) || file.isOp(i + 1, JSOp.openBrace) || file.isOp(i + 1, JSOp.openBracket) else { return nil }
            return (declaration(at: i, limit: limit, context), .never)
        case .import where !file.isOp(i + 1, JSOp.openParen):
            return (importStatement(at: i, limit: limit, context), .never)
        case .export: return (exportStatement(at: i, limit: limit, context), .never)
        case .namespace where file.isIdentifier(i + 1) && file.isOp(i + 2, JSOp.openBrace),
             .module where file.isIdentifier(i + 1) && file.isOp(i + 2, JSOp.openBrace):
            let close = file.close(of: i + 2, limit: limit)
            statements((i + 3)..<close, context)
            return (close + 1, .never)
        default:
            // A label: `outer: for (...)`.
            if file.isOp(i + 1, JSOp.colon) { return (i + 2, .never) }
            return nil
        }
    }

    /// The index after a statement ending at `end` (its `;` consumed).
    func after(_ end: Int) -> Int { file.isOp(end, JSOp.semicolon) ? end + 1 : end }

    private func expressionStatement(at i: Int, limit: Int, _ context: JSContext) -> StatementResult {
        let end = statementEnd(from: i, limit: limit)
        let range = i..<end
        if !assignment(range, context) { expression(range, context) }
        return (after(end), exitsProcess(range) ? .always : .never)
    }

    private func exitsProcess(_ range: Range<Int>) -> Bool {
        let range = file.trimmed(range)
        guard let path = file.path(at: range.lowerBound, limit: range.upperBound) else { return false }
        return path.segments == ["process", "exit"] || path.segments == ["Deno", "exit"]
    }

    // MARK: - Control flow

    private func ifStatement(at i: Int, limit: Int, _ context: JSContext) -> StatementResult {
        guard file.isOp(i + 1, JSOp.openParen) else { return (i + 1, .never) }
        let close = file.close(of: i + 1, limit: limit)
        let test = (i + 2)..<close
        expression(test, context)
        var thenContext = context
        let condition: Condition
        if conditions.isMainGuard(test) {
            condition = .always
            thenContext.mainGuarded = true
        } else {
            condition = conditions.condition(test)
            thenContext = context.adding(condition)
        }
        let then = statement(at: close + 1, limit: limit, thenContext)
        var next = then.next
        var elseExit = Condition.never
        if file.isWord(next, "else") {
            let otherwise = statement(at: next + 1, limit: limit, context.adding(condition.negated))
            next = otherwise.next
            elseExit = otherwise.exit
        }
        return (next, .any([.all([condition, then.exit]), .all([condition.negated, elseExit])]))
    }

    private func loop(at i: Int, limit: Int, _ context: JSContext) -> Int {
        var open = i + 1
        if file.isWord(open, "await") { open += 1 }
        guard file.isOp(open, JSOp.openParen) else { return i + 1 }
        var body = context
        body.inLoop = true
        let close = file.close(of: open, limit: limit)
        expression(file.inner(of: open, limit: limit), body)
        return statement(at: close + 1, limit: limit, body).next
    }

    private func doWhile(at i: Int, limit: Int, _ context: JSContext) -> Int {
        var body = context
        body.inLoop = true
        var next = statement(at: i + 1, limit: limit, body).next
        if file.isWord(next, "while"), file.isOp(next + 1, JSOp.openParen) {
            next = after(file.close(of: next + 1, limit: limit) + 1)
        }
        return next
    }

    private func tryStatement(at i: Int, limit: Int, _ context: JSContext) -> StatementResult {
        guard file.isOp(i + 1, JSOp.openBrace) else { return (i + 1, .never) }
        var close = file.close(of: i + 1, limit: limit)
        var exit = statements((i + 2)..<close, context)
        var next = close + 1
        if file.isWord(next, "catch") {
            var open = next + 1
            if file.isOp(open, JSOp.openParen) { open = file.close(of: open, limit: limit) + 1 }
            if file.isOp(open, JSOp.openBrace) {
                close = file.close(of: open, limit: limit)
                // Errors are the exception: what a catch block does is not a normal exit.
                statements((open + 1)..<close, context)
                next = close + 1
            }
        }
        if file.isWord(next, "finally"), file.isOp(next + 1, JSOp.openBrace) {
            close = file.close(of: next + 1, limit: limit)
            exit = .any([exit, statements((next + 2)..<close, context)])
            next = close + 1
        }
        return (next, exit)
    }

    /// `switch (process.env.MODE) { case "webhook": ...; default: ... }`: each clause runs under
    /// its labels' equality, `default` under none of them matching.
    private func switchStatement(at i: Int, limit: Int, _ context: JSContext) -> Int {
        guard file.isOp(i + 1, JSOp.openParen) else { return i + 1 }
        let discriminant = file.inner(of: i + 1, limit: limit)
        let open = file.close(of: i + 1, limit: limit) + 1
        guard file.isOp(open, JSOp.openBrace) else { return open }
        let close = file.close(of: open, limit: limit)
        expression(discriminant, context)
        let clauses = switchClauses((open + 1)..<close)
        let matched = clauses.map { clause in
            Condition.any(clause.labels.map { conditions.caseMatches(discriminant, $0) })
        }
        for (index, clause) in clauses.enumerated() {
            let condition = clause.isDefault ? Condition.all(matched.map(\.negated)) : matched[index]
            statements(clause.body, context.adding(condition))
        }
        return close + 1
    }

    private struct SwitchClause {
        var labels: [Range<Int>] = []
        var isDefault = false
        var body: Range<Int>
    }

    /// Clauses with consecutive labels merged (`case "a": case "b": ...` falls through).
    private func switchClauses(_ body: Range<Int>) -> [SwitchClause] {
        var clauses: [SwitchClause] = []
        var pendingLabels: [Range<Int>] = []
        var pendingDefault = false
        var bodyStart: Int?
        func closeClause(at end: Int) {
            guard let start = bodyStart else { return }
            if start < end || end == body.upperBound {
                clauses.append(SwitchClause(labels: pendingLabels, isDefault: pendingDefault, body: start..<end))
                pendingLabels = []
                pendingDefault = false
            }
            bodyStart = nil
        }
        var skipUntil = body.lowerBound
        file.forEachTopLevel(body) { i in
            guard i >= skipUntil else { return true }
            let isCase = file.isWord(i, "case"), isDefault = file.isWord(i, "default") && file.isOp(i + 1, JSOp.colon)
            guard isCase || isDefault else { return true }
            closeClause(at: i)
            let colon = file.firstTopLevel((i + 1)..<body.upperBound) { file.isOp($0, JSOp.colon) } ?? body.upperBound
            if isCase { pendingLabels.append((i + 1)..<colon) } else { pendingDefault = true }
            bodyStart = min(colon + 1, body.upperBound)
            skipUntil = colon + 1
            return true
        }
        closeClause(at: body.upperBound)
        return clauses
    }

    private func skipTypeDeclaration(at i: Int, limit: Int) -> Int {
        let end = statementEnd(from: i + 1, limit: limit)
        return after(end)
    }

    // MARK: - Statement boundaries

    /// Where the statement starting at `start` ends: a `;`, a closing bracket of the enclosing
    /// group, or a line break where automatic semicolon insertion applies.
    func statementEnd(from start: Int, limit: Int) -> Int {
        var i = start
        while i < limit {
            let token = file[i]
            if i > start, token.newlineBefore, canEndStatement(i - 1), !continuesStatement(i) { return i }
            switch token.op {
            case JSOp.semicolon, JSOp.closeBrace, JSOp.closeParen, JSOp.closeBracket:
                return i
            case JSOp.openBrace, JSOp.openParen, JSOp.openBracket:
                i = file.close(of: i, limit: limit) + 1
            default:
                i += 1
            }
        }
        return limit
    }

    /// Whether a statement may end after token `i` (automatic semicolon insertion).
    private func canEndStatement(_ i: Int) -> Bool {
        let token = file[i]
        switch token.kind {
        case .identifier:
            switch token.keyword {
            case .new, .typeof, .void, .delete, .in, .instanceof, .await, .extends, .as, .satisfies, .keyof,
                 .else, .async, .export, .default, .import, .const, .let, .var, .function: return false
            default: return true
            }
        case .punctuator:
            switch token.op {
            case JSOp.closeParen, JSOp.closeBracket, JSOp.closeBrace, JSOp.increment, JSOp.decrement: return true
            default: return false
            }
        default: return true
        }
    }

    /// Whether token `i` at a line start continues the previous line's expression.
    private func continuesStatement(_ i: Int) -> Bool {
        let token = file[i]
        if token.kind == .punctuator {
            switch token.op {
            case JSOp.not, JSOp.tilde, JSOp.increment, JSOp.decrement, JSOp.openBrace, JSOp.closeBrace,
                 JSOp.semicolon, JSOp.at, JSOp.spread: return false
            default: return true
            }
        }
        switch token.keyword {
        case .in, .instanceof, .as, .satisfies: return true
        default: return false
        }
    }
}
