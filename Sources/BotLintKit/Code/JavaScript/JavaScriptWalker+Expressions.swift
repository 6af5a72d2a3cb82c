/// Expressions: sequencing, arrows, ternaries and `&&`/`||` guards, then calls, constructors,
/// inline callbacks and object literals.
extension JSWalker {
    private struct Operators {
        var comma: Int?
        var assignment: Int?
        var arrow: Int?
        var question: Int?
        var hasOr = false
        var hasAnd = false
    }

    /// One pass over the top level of `range` to find the operators that decide its shape.
    private func operators(_ range: Range<Int>) -> Operators {
        var found = Operators()
        file.forEachTopLevel(range) { i in
            let op = file[i].op
            guard op != 0 else { return true }
            switch op {
            case JSOp.comma: found.comma = found.comma ?? i
            case JSOp.assign: found.assignment = found.assignment ?? i
            case JSOp.arrow: found.arrow = found.arrow ?? i
            case JSOp.question: found.question = found.question ?? i
            case JSOp.or, JSOp.nullish: found.hasOr = true
            case JSOp.and: found.hasAnd = true
            default: if JSOp.isCompoundAssignment(op) { found.assignment = found.assignment ?? i }
            }
            return true
        }
        return found
    }

    func expression(_ range: Range<Int>, _ context: JSContext) {
        guard !range.isEmpty, context.condition != .never, context.depth < Self.maxDepth else { return }
        var context = context
        context.depth += 1
        let ops = operators(range)
        if ops.comma != nil {
            for item in file.split(range, where: { file.isOp($0, JSOp.comma) }) { expression(item, context) }
        } else if let arrow = ops.arrow, ops.assignment.map({ $0 > arrow }) ?? true {
            arrowBody(after: arrow, limit: range.upperBound, context.enteringCallback())
        } else if let assignment = ops.assignment {
            expression((assignment + 1)..<range.upperBound, context)
        } else if let question = ops.question, let colon = file.ternaryColon(after: question, limit: range.upperBound) {
            let test = range.lowerBound..<question
            let condition = conditions.condition(test)
            expression(test, context)
            expression((question + 1)..<colon, context.adding(condition))
            expression((colon + 1)..<range.upperBound, context.adding(condition.negated))
        } else if ops.hasOr {
            guarded(range, context, separator: { file.isOp($0, JSOp.or) || file.isOp($0, JSOp.nullish) }, negate: true)
        } else if ops.hasAnd {
            guarded(range, context, separator: { file.isOp($0, JSOp.and) }, negate: false)
        } else {
            leaf(range, context)
        }
    }

    /// `ENABLED && bot.launch()` runs the right side when the left is truthy; `a || b()` when
    /// it is falsy. `??` does not test truthiness, so its right side keeps the context.
    private func guarded(_ range: Range<Int>, _ context: JSContext, separator: (Int) -> Bool, negate: Bool) {
        var guardCondition = Condition.always
        var start = range.lowerBound
        var separators: [Int] = []
        file.forEachTopLevel(range) { i in
            if separator(i) { separators.append(i) }
            return true
        }
        for end in separators + [range.upperBound] {
            let part = start..<end
            expression(part, context.adding(guardCondition))
            if end < range.upperBound, !file.isOp(end, JSOp.nullish) {
                let test = conditions.condition(part)
                guardCondition = .all([guardCondition, negate ? test.negated : test])
            }
            start = end + 1
        }
    }

    /// The body after `=>`: a block or an expression.
    func arrowBody(after arrow: Int, limit: Int, _ context: JSContext) {
        let body = arrow + 1
        if file.isOp(body, JSOp.openBrace) {
            statements((body + 1)..<file.close(of: body, limit: limit), context)
        } else {
            expression(body..<limit, context)
        }
    }

    // MARK: - Leaves

    private func leaf(_ range: Range<Int>, _ context: JSContext) {
        var i = range.lowerBound
        while i < range.upperBound {
            i = max(i + 1, leafStep(at: i, in: range, context))
        }
    }

    private func leafStep(at i: Int, in range: Range<Int>, _ context: JSContext) -> Int {
        let limit = range.upperBound
        let token = file[i]
        switch token.kind {
        case .string, .template:
            return rawBotAPICall(at: i, in: range, context)
        case .identifier:
            if file.isWord(i, "new") { return construction(at: i, limit: limit, context, boundTo: nil).next }
            if file.isWord(i, "function") { return functionExpression(at: i, limit: limit, context) }
            if file.isWord(i, "class") { return classDeclaration(at: i, limit: limit, context, decorated: false) }
            if file.isOp(i - 1, JSOp.dot) || file.isOp(i - 1, JSOp.optionalChain) {
                // A method of an expression's result (`main().catch(...)`): only its arguments matter.
                return i + 1 < limit && file.isOp(i + 1, JSOp.openParen) ? arguments(open: i + 1, limit: limit, context) : i + 1
            }
            guard let end = file.pathEnd(at: i, limit: limit) else { return i + 1 }
            if let open = callOpen(after: end, limit: limit), let path = file.path(at: i, limit: limit) {
                return call(path, start: i, open: open, limit: limit, context)
            }
            return end
        case .punctuator where file.isOpener(i):
            let close = file.close(of: i, limit: limit)
            let inner = (i + 1)..<close
            if token.op == JSOp.openBrace {
                if file.isOp(i - 1, JSOp.closeParen) || file.isOp(i - 1, JSOp.arrow) {
                    statements(inner, context.enteringCallback())
                } else {
                    objectLiteral(inner, context)
                }
            } else {
                for element in file.splitCommas(inner) { expression(element, context) }
            }
            return close + 1
        default:
            return i + 1
        }
    }

    /// The `(` of a call after a callee: `f(`, `f?.(`, `f<T>(`.
    private func callOpen(after end: Int, limit: Int) -> Int? {
        // A parenthesis past the limit belongs to what follows the expression.
        unboundedCallOpen(after: end, limit: limit).flatMap { $0 < limit ? $0 : nil }
    }

    /// The call's `(` after a path ending at `end`, possibly at or past `limit`.
    private func unboundedCallOpen(after end: Int, limit: Int) -> Int? {
        if file.isOp(end, JSOp.openParen) { return end }
        if file.isOp(end, JSOp.optionalChain), file.isOp(end + 1, JSOp.openParen) { return end + 1 }
        if file.isOp(end, JSOp.less) {
            var i = end + 1
            while i < limit, i < end + 16, !file.isOp(i, JSOp.greater) {
                guard file.isIdentifier(i) || file.isOp(i, JSOp.comma) || file.isOp(i, JSOp.dot)
                        || file.isOp(i, JSOp.openBracket) || file.isOp(i, JSOp.closeBracket) else { return nil }
                i += 1
            }
            if file.isOp(i + 1, JSOp.openParen) { return i + 1 }
        }
        return nil
    }

    /// `{ key: value, method() {...}, ...spread }`: values are evaluated and method bodies are
    /// walked as inline code, like the callbacks they usually are.
    private func objectLiteral(_ inner: Range<Int>, _ context: JSContext) {
        for element in file.splitCommas(inner) {
            var start = element.lowerBound
            if file.isOp(start, JSOp.spread) { start += 1 }
            if start + 1 < element.upperBound, file.isOp(start + 1, JSOp.colon) { start += 2 }
            guard start < element.upperBound else { continue }
            expression(start..<element.upperBound, context)
        }
    }

    /// `function (...) {...}` as a value: an inline callback when anonymous.
    private func functionExpression(at i: Int, limit: Int, _ context: JSContext) -> Int {
        guard let body = functionBody(from: i + 1, limit: limit) else { return i + 1 }
        statements((body + 1)..<file.close(of: body, limit: limit), context.enteringCallback())
        return file.close(of: body, limit: limit) + 1
    }

    /// The `{` of a function body after `function`/a name/parameters/a return type.
    func functionBody(from start: Int, limit: Int) -> Int? {
        guard let open = (start..<limit).first(where: { file.isOp($0, JSOp.openParen) }) else { return nil }
        var i = file.close(of: open, limit: limit) + 1
        while i < limit, !file.isOp(i, JSOp.openBrace) {
            if file.isOp(i, JSOp.semicolon) || file.isOp(i, JSOp.closeBrace) { return nil }
            i += 1
        }
        return i < limit ? i : nil
    }

    // MARK: - Calls

    private func call(_ path: JSTokens.Path, start: Int, open: Int, limit: Int, _ context: JSContext) -> Int {
        let close = file.close(of: open, limit: limit)
        let args = file.splitCommas((open + 1)..<close)
        let segments = path.segments
        if segments == ["require"] || segments == ["import"] {
            if let module = args.first.flatMap({ file.stringValue($0.lowerBound) }) {
                recordImport(local: nil, module: module, importedName: nil, at: start)
                if segments == ["require"], JavaScriptLibraryCatalog.family(of: module) == .dotenv,
                   file.isOp(close + 1, JSOp.dot), file.isWord(close + 2, "config"), file.isOp(close + 3, JSOp.openParen) {
                    dotenvConfig(open: close + 3, limit: limit)
                }
            }
            return close + 1
        }
        libraryCall(segments, args: args, start: start, context)
        functionReference(segments, start: start, context)
        var argumentContext = context
        if segments == ["setInterval"] { argumentContext.inLoop = true }
        let isListen = segments.count >= 2 && segments.last == "listen"
        for arg in args { argument(arg, argumentContext, isListenCallback: isListen) }
        return close + 1
    }

    func arguments(open: Int, limit: Int, _ context: JSContext) -> Int {
        let close = file.close(of: open, limit: limit)
        for arg in file.splitCommas((open + 1)..<close) { argument(arg, context, isListenCallback: false) }
        return close + 1
    }

    /// A by-name pass (`setTimeout(start, 0)`) references the function; anything else is evaluated.
    private func argument(_ arg: Range<Int>, _ context: JSContext, isListenCallback: Bool) {
        if arg.count == 1, file.isIdentifier(arg.lowerBound), !isValueWord(arg.lowerBound) {
            let name = file.text(arg.lowerBound)
            reference(name, at: arg.lowerBound, context)
            if isListenCallback { listenCallbacks.insert(qualified(name, in: JSContext())) }
            return
        }
        if arg.count == 3, file.isWord(arg.lowerBound, "this"), file.isOp(arg.lowerBound + 1, JSOp.dot),
           let className = context.className {
            reference("\(className).\(file.text(arg.lowerBound + 2))", at: arg.lowerBound, context)
            return
        }
        expression(arg, context)
    }

    private func isValueWord(_ i: Int) -> Bool {
        switch file[i].keyword {
        case .this, .true, .false, .null, .undefined, .super: true
        default: false
        }
    }

    private func functionReference(_ segments: [String], start: Int, _ context: JSContext) {
        switch segments.count {
        case 1:
            reference(segments[0], at: start, context)
        case 2:
            if segments[0] == "this", let className = context.className {
                reference("\(className).\(segments[1])", at: start, context)
            } else if let className = bindings.instances[segments[0]] {
                reference("\(className).\(segments[1])", at: start, context)
            } else if bindings.relativeImports.contains(segments[0]) {
                reference(segments[1], at: start, context)
            }
        default:
            break
        }
    }

    // MARK: - Constructors

    /// `new X(...)`; a library constructor makes a bot object (bound to `name` when given).
    func construction(at i: Int, limit: Int, _ context: JSContext, boundTo name: String?) -> (next: Int, bot: JSBotObject?) {
        guard let path = file.path(at: i + 1, limit: limit) else { return (i + 1, nil) }
        guard let open = callOpen(after: path.end, limit: limit) else { return (path.end, nil) }
        let close = file.close(of: open, limit: limit)
        let args = file.splitCommas((open + 1)..<close)
        var bot: JSBotObject?
        if let export = bindings.libraryExport(path.segments), let kind = JavaScriptLibraryCatalog.kind(constructedFrom: export) {
            let token = args.first.map { values.value($0, in: file) } ?? .unknown("")
            bot = JSBotObject(kind: kind, token: token)
            if let name, let bot { bindings.bindBot(name, bot) }
            if kind == .ntba, let bot { ntbaConstructorFacts(bot, options: args.count > 1 ? args[1] : nil, at: i, context) }
        } else if path.segments.count == 1, path.segments[0].first?.isUppercase == true {
            let className = path.segments[0]
            reference("\(className).constructor", at: i, context)
            if let name { bindings.bindInstance(name, of: className) }
        }
        for arg in args { argument(arg, context, isListenCallback: false) }
        return (close + 1, bot)
    }

    // MARK: - Raw Bot API URLs

    /// A string that builds `https://api.telegram.org/bot<token>/<method>`, alone or with `+`.
    private func rawBotAPICall(at i: Int, in range: Range<Int>, _ context: JSContext) -> Int {
        guard mentionsBotAPI(i) else { return i + 1 }
        let operands = concatenation(around: i, in: range)
        let value = values.value(operands, in: file)
        guard let url = BotAPIURLPieces(value).call else { return operands.upperBound }
        let at = location(i)
        switch url.method {
        case .getUpdates:
            emitRawPoll(token: url.token, at: at, context)
        case .setWebhook, .deleteWebhook:
            emitFact(url.method.kind, .botAPI, api: url.method.rawValue, token: url.token, url: url.webhookURL, at: at, context)
        }
        return operands.upperBound
    }

    /// The Bot API host or a receiving method's path, ASCII case-insensitively.
    private func mentionsBotAPI(_ i: Int) -> Bool {
        let token = file[i]
        let range = token.start..<token.end
        guard file.bytes[range].contains(UInt8(ascii: "/")) else { return false }
        return Self.botAPIMarkers.contains { ByteSearch.containsCaseInsensitive(file.bytes, $0, in: range) }
    }

    private static let botAPIMarkers: [[UInt8]] = ["api.telegram.org", "/getupdates", "/setwebhook", "/deletewebhook"]
        .map { Array($0.utf8) }

    /// The `a + "..." + b` run containing the string at `i`.
    private func concatenation(around i: Int, in range: Range<Int>) -> Range<Int> {
        var lower = i
        while lower - 2 >= range.lowerBound, file.isOp(lower - 1, JSOp.plus), let start = operandStart(endingAt: lower - 2, floor: range.lowerBound) {
            lower = start
        }
        var upper = i + 1
        while upper + 1 < range.upperBound, file.isOp(upper, JSOp.plus), let end = operandEnd(from: upper + 1, limit: range.upperBound) {
            upper = end
        }
        return lower..<upper
    }

    private func operandStart(endingAt end: Int, floor: Int) -> Int? {
        var i = end
        if file.isOp(i, JSOp.closeParen) || file.isOp(i, JSOp.closeBracket) {
            guard let open = (floor...i).last(where: { file.isOpener($0) && file.close(of: $0, limit: i + 1) == i }) else { return nil }
            i = open - 1
        } else if file[i].kind != .identifier {
            return file[i].kind == .string || file[i].kind == .template || file[i].kind == .number ? i : nil
        }
        while i >= floor, file.isIdentifier(i) {
            guard i - 1 >= floor, file.isOp(i - 1, JSOp.dot) || file.isOp(i - 1, JSOp.optionalChain) else { return i }
            i -= 2
        }
        return nil
    }

    private func operandEnd(from start: Int, limit: Int) -> Int? {
        switch file[start].kind {
        case .string, .template, .number: return start + 1
        case .identifier:
            guard let path = file.path(at: start, limit: limit) else { return nil }
            if let open = callOpen(after: path.end, limit: limit) { return file.close(of: open, limit: limit) + 1 }
            return path.end
        default: return nil
        }
    }
}
