/// Named functions, arrow/function values, classes and decorators.
extension JSWalker {
    /// `function name(...) {...}` at `i` (the `function` keyword). `defaultName` names an
    /// anonymous `export default function`.
    func functionDeclaration(at i: Int, limit: Int, _ context: JSContext, defaultName: String? = nil) -> Int {
        var k = i + 1
        if file.isOp(k, JSOp.star) { k += 1 }
        let name = file.isIdentifier(k) ? file.text(k) : defaultName
        guard let body = functionBody(from: k, limit: limit) else { return after(statementEnd(from: k, limit: limit)) }
        let close = file.close(of: body, limit: limit)
        if let name {
            let qualifiedName = qualified(name, in: context)
            declareFunction(qualifiedName, at: i)
            statements((body + 1)..<close, context.entering(function: qualifiedName))
        } else {
            statements((body + 1)..<close, context.enteringCallback())
        }
        return close + 1
    }

    /// `async (a) => ...`, `x => ...`, `function (...) {...}`, `async function` as a value.
    func isFunctionValue(_ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        if file.isWord(start, "async"), start + 1 < range.upperBound { start += 1 }
        if file.isWord(start, "function") { return true }
        guard let arrow = file.firstTopLevel(range, where: { file.isOp($0, JSOp.arrow) }) else { return false }
        // Only parameters (and a return type) may come before the arrow.
        let beforeArrow = start..<arrow
        return file.firstTopLevel(beforeArrow) { i in
            let op = file[i].op
            return op == JSOp.assign || op == JSOp.question || op == JSOp.and || op == JSOp.or || op == JSOp.comma
        } == nil
    }

    /// Walks a function value's body, named (`const start = async () => {...}`) or inline.
    func functionValue(named name: String?, _ range: Range<Int>, _ context: JSContext, hook: FrameworkHook? = nil) {
        let inner: JSContext
        if let name {
            let qualifiedName = qualified(name, in: context)
            declareFunction(qualifiedName, hook: hook, at: range.lowerBound)
            inner = context.entering(function: qualifiedName)
        } else {
            inner = context.enteringCallback()
        }
        var start = range.lowerBound
        if file.isWord(start, "async") { start += 1 }
        if file.isWord(start, "function") {
            guard let body = functionBody(from: start + 1, limit: range.upperBound) else { return }
            statements((body + 1)..<file.close(of: body, limit: range.upperBound), inner)
        } else if let arrow = file.firstTopLevel(range, where: { file.isOp($0, JSOp.arrow) }) {
            arrowBody(after: arrow, limit: range.upperBound, inner)
        }
    }

    // MARK: - Decorators

    /// `@Injectable() export class X`, `@Module({...}) class Y`.
    func decoratedDeclaration(at i: Int, limit: Int, _ context: JSContext) -> Int {
        var k = skipDecorators(from: i, limit: limit)
        if file.isWord(k, "export") { k += 1 }
        if file.isWord(k, "default") { k += 1 }
        if file.isWord(k, "abstract") { k += 1 }
        guard file.isWord(k, "class") else { return k }
        return classDeclaration(at: k, limit: limit, context, decorated: true)
    }

    /// Index after a run of `@name`, `@a.b(...)` decorators.
    private func skipDecorators(from i: Int, limit: Int) -> Int {
        var k = i
        while file.isOp(k, JSOp.at), let path = file.path(at: k + 1, limit: limit) {
            k = path.end
            if file.isOp(k, JSOp.openParen) { k = file.close(of: k, limit: limit) + 1 }
        }
        return k
    }

    // MARK: - Classes

    /// `class Name extends Base { members }` at the `class` keyword. A decorated class is built
    /// by a framework (NestJS providers), so its constructor runs at startup.
    func classDeclaration(at i: Int, limit: Int, _ context: JSContext, decorated: Bool) -> Int {
        let name = file.isIdentifier(i + 1) && !file.isWord(i + 1, "extends") && !file.isWord(i + 1, "implements")
            ? file.text(i + 1) : "default"
        guard let open = (i..<limit).first(where: { file.isOp($0, JSOp.openBrace) }) else { return limit }
        let close = file.close(of: open, limit: limit)
        var classContext = context
        classContext.className = name
        classContext.function = nil
        let constructorName = "\(name).constructor"
        let hasFields = members((open + 1)..<close, classContext, constructorName: constructorName, decorated: decorated)
        let hasConstructor = summary.functions.contains { $0.name == constructorName }
        if hasFields, !hasConstructor { declareFunction(constructorName, hook: decorated ? .startup : nil, at: i) }
        return close + 1
    }

    private func isModifier(_ i: Int) -> Bool {
        guard i < file.count else { return false }
        switch file[i].keyword {
        case .static, .public, .private, .protected, .readonly, .async, .abstract, .override, .declare, .get, .set, .accessor: return true
        default: return false
        }
    }

    /// Walks class members; returns whether any field has an initializer (which runs in the
    /// constructor).
    private func members(_ body: Range<Int>, _ context: JSContext, constructorName: String, decorated classDecorated: Bool) -> Bool {
        var hasFields = false
        var i = body.lowerBound
        while i < body.upperBound {
            let start = i
            i = skipDecorators(from: i, limit: body.upperBound)
            let isDecorated = i > start
            while isModifier(i) || file.isOp(i, JSOp.star), isMemberName(after: i) { i += 1 }
            if file.isWord(i, "static"), file.isOp(i + 1, JSOp.openBrace) {
                let close = file.close(of: i + 1, limit: body.upperBound)
                statements((i + 2)..<close, context.enteringCallback())
                i = close + 1
                continue
            }
            guard let name = memberName(at: i) else {
                i = max(i + 1, after(statementEnd(from: i, limit: body.upperBound)))
                continue
            }
            var k = i + 1
            if file.isOp(k, JSOp.question) || file.isOp(k, JSOp.not) { k += 1 }
            let qualifiedName = "\(context.className ?? "default").\(name)"
            let hook = memberHook(name, decorated: isDecorated, classDecorated: classDecorated)
            if file.isOp(k, JSOp.openParen) || file.isOp(k, JSOp.less) {
                i = method(qualifiedName, hook: hook, from: k, limit: body.upperBound, context)
            } else {
                let end = statementEnd(from: k, limit: body.upperBound)
                if field(qualifiedName, hook: hook, (k..<end), context, constructorName: constructorName) { hasFields = true }
                i = max(k, after(end))
            }
        }
        return hasFields
    }

    private func isMemberName(after i: Int) -> Bool {
        let next = i + 1
        return file.isIdentifier(next) || file.isString(next) || file.isOp(next, JSOp.openBracket)
            || file.isOp(next, JSOp.star) || file[min(next, file.count - 1)].kind == .privateName
    }

    private func memberName(at i: Int) -> String? {
        guard i < file.count else { return nil }
        switch file[i].kind {
        case .identifier, .privateName, .number: return file.text(i)
        case .string: return file.stringValue(i)
        default: return nil
        }
    }

    /// NestJS lifecycle hooks run at startup; other decorated members run on framework events.
    private func memberHook(_ name: String, decorated: Bool, classDecorated: Bool) -> FrameworkHook? {
        if name == "onModuleInit" || name == "onApplicationBootstrap" { return .startup }
        if name == "constructor", classDecorated { return .startup }
        return decorated ? .decorated : nil
    }

    private func method(_ name: String, hook: FrameworkHook?, from k: Int, limit: Int, _ context: JSContext) -> Int {
        guard let body = functionBody(from: k, limit: limit) else { return after(statementEnd(from: k, limit: limit)) }
        declareFunction(name, hook: hook, at: k - 1)
        let close = file.close(of: body, limit: limit)
        statements((body + 1)..<close, context.entering(function: name))
        return close + 1
    }

    /// `bot = new Telegraf(token)`, `handler = async () => {...}`; returns whether it has an
    /// initializer that runs in the constructor.
    private func field(_ name: String, hook: FrameworkHook?, _ range: Range<Int>, _ context: JSContext, constructorName: String) -> Bool {
        guard let assign = file.firstTopLevel(range, where: { file.isOp($0, JSOp.assign) }) else { return false }
        let initializer = (assign + 1)..<range.upperBound
        let trimmed = file.trimmed(initializer)
        let memberName = String(name.split(separator: ".").last ?? "")
        if isFunctionValue(trimmed) {
            var methodContext = context
            methodContext.function = nil
            functionValue(named: name, trimmed, methodContext, hook: hook)
            return false
        }
        let inConstructor = context.entering(function: constructorName)
        if file.isWord(trimmed.lowerBound, "new") {
            _ = construction(at: trimmed.lowerBound, limit: trimmed.upperBound, inConstructor, boundTo: "this.\(memberName)")
        } else {
            bindings.bind("this.\(memberName)", .expression(initializer))
            expression(initializer, inConstructor)
        }
        return true
    }
}
