/// The second pass: walks statements with a block stack and records receiving calls, function
/// definitions and references, dotenv loads, each with the condition it runs under relative to
/// its enclosing function.
struct PythonCodeWalker {
    private let path: String
    private let index: PythonModuleIndex
    private let resolver: PythonValueResolver
    private let conditions: PythonConditionBuilder
    private let catalog: PythonTelegramCatalog
    private let mentionsBotAPI: Bool
    private(set) var summary: CodeSummary
    private var stack: [PythonBlockFrame]
    /// Non-looped raw getUpdates calls; they poll only if their function is called in a loop.
    private var pendingRawPolls: [CodeFact] = []
    private var namesCalledInLoops: Set<String> = []
    /// Functions handed to `on_startup=`, `lifespan=`, `dp.startup.register(...)`, ...
    private var startupNames: Set<String> = []

    init(path: String, index: PythonModuleIndex, stream: PythonTokenStream, mentionsBotAPI: Bool) {
        self.path = path
        self.index = index
        self.resolver = PythonValueResolver(index: index, stream: stream)
        self.conditions = PythonConditionBuilder(resolver: resolver)
        self.catalog = PythonTelegramCatalog(resolver: resolver)
        self.mentionsBotAPI = mentionsBotAPI
        self.summary = CodeSummary(path: path, language: .python)
        self.stack = [PythonBlockFrame(role: .module, bodyDepth: 0)]
    }

    mutating func walk(_ statements: [PythonStatement]) -> CodeSummary {
        for statement in statements { visit(statement) }
        while stack.count > 1 { popFrame() }
        finish()
        return summary
    }

    // MARK: Statements

    private mutating func visit(_ statement: PythonStatement) {
        while stack.count > 1, stack[stack.count - 1].bodyDepth > statement.depth { popFrame() }
        switch statement.kind {
        case .elifHeader, .elseHeader: break
        default: settleChain()
        }
        scope = currentScope()
        var terminates = false
        switch statement.kind {
        case .ifHeader(let test): openIf(test, depth: statement.depth)
        case .elifHeader(let test): openElif(test, depth: statement.depth)
        case .elseHeader: openElse(depth: statement.depth)
        case .whileHeader(let test), .forHeader(let test):
            walk(test, context)
            push(PythonBlockFrame(role: .loop, bodyDepth: statement.depth + 1))
        case .plainHeader:
            push(PythonBlockFrame(role: .plain, bodyDepth: statement.depth + 1))
        case .withHeader(let items): openWith(items, depth: statement.depth)
        case .defHeader(let header): openFunction(header, depth: statement.depth)
        case .classHeader(let name, _):
            top.decorators = []
            push(PythonBlockFrame(role: .classBody(name), bodyDepth: statement.depth + 1))
        case .decorator(let expr): top.decorators.append(expr)
        case .assignment(let targets, let value):
            walk(value, context)
            targets.forEach { bindLocal($0, value) }
        case .annotated(let target, _, let value):
            if let value { walk(value, context); bindLocal(target, value) }
        case .expression(let expr):
            walk(expr, context)
            terminates = Self.isExitCall(expr)
        case .exit(let expr):
            if let expr { walk(expr, context) }
            terminates = true
        case .imports, .other: break
        }
        if !statement.isHeader { top.lastTerminates = terminates }
    }

    /// In-place access: frames hold dictionaries, and copying them per statement dominates.
    private var top: PythonBlockFrame {
        get { stack[stack.count - 1] }
        _modify { yield &stack[stack.count - 1] }
    }

    private mutating func push(_ frame: PythonBlockFrame) {
        top.lastTerminates = false
        stack.append(frame)
    }

    /// Early exits of a finished if/elif/else chain now guard the rest of the block.
    private mutating func settleChain() {
        guard !top.pendingExits.isEmpty || !top.ifChain.isEmpty else { return }
        top.exits += top.pendingExits
        top.pendingExits = []
        top.ifChain = []
    }

    private mutating func openIf(_ test: PyExpr, depth: Int) {
        walk(test, context)
        if Self.isMainCheck(test) {
            top.ifChain = [.opaque("__name__ == \"__main__\"")]
            push(PythonBlockFrame(role: .mainGuard, bodyDepth: depth + 1))
            return
        }
        let guardCondition = conditions.condition(test, in: scope)
        top.ifChain = [guardCondition]
        push(PythonBlockFrame(role: .branch, bodyDepth: depth + 1, condition: guardCondition))
    }

    private mutating func openElif(_ test: PyExpr, depth: Int) {
        walk(test, context)
        let test = conditions.condition(test, in: scope)
        let earlier = top.ifChain.map(\.negated)
        top.ifChain.append(test)
        push(PythonBlockFrame(role: .branch, bodyDepth: depth + 1, condition: .all(earlier + [test])))
    }

    private mutating func openElse(depth: Int) {
        guard !top.ifChain.isEmpty else {
            push(PythonBlockFrame(role: .plain, bodyDepth: depth + 1))
            return
        }
        let earlier = top.ifChain.map(\.negated)
        top.ifChain = []
        push(PythonBlockFrame(role: .branch, bodyDepth: depth + 1, condition: .all(earlier)))
    }

    private mutating func openWith(_ items: [PyWithItem], depth: Int) {
        for item in items {
            walk(item.context, context)
            if let alias = item.alias {
                bindLocal(PyExpr(node: .name(alias), start: item.context.start, end: item.context.end,
                                 line: item.context.line, column: item.context.column), item.context)
            }
        }
        push(PythonBlockFrame(role: .plain, bodyDepth: depth + 1))
    }

    private mutating func openFunction(_ header: PyFunctionHeader, depth: Int) {
        let decorators = top.decorators
        top.decorators = []
        let qualified = stack.compactMap(\.qualifier).map { $0 + "." }.joined() + header.name
        let info = FunctionInfo(name: qualified, hook: hook(for: header.name, decorators: decorators),
                                location: SourceLocation(path: path, line: header.line, column: header.column))
        summary.functions.append(info)
        var frame = PythonBlockFrame(role: .function(qualified), bodyDepth: depth + 1)
        frame.functionIndex = summary.functions.count - 1
        for parameter in header.parameters {
            // A default that names a module value (`token=TELEGRAM_TOKEN`) is what a bare call gets;
            // call sites that pass another value are not followed, so only names count, not literals.
            if let value = header.defaults[parameter], value.dottedName != nil {
                frame.locals[parameter] = .value(value)
            } else {
                frame.locals[parameter] = .parameter
            }
        }
        push(frame)
    }

    private mutating func popFrame() {
        let frame = stack.removeLast()
        if frame.role == .branch, frame.lastTerminates { top.pendingExits.append(frame.condition.negated) }
        if let functionIndex = frame.functionIndex, frame.buildsWebApp, stack.count == 1,
           Self.factoryNames.contains(summary.functions[functionIndex].name) {
            summary.functions[functionIndex].hook = .appFactory
        }
    }

    private mutating func bindLocal(_ target: PyExpr, _ value: PyExpr) {
        guard case .name(let name) = target.node,
              let functionIndex = stack.lastIndex(where: \.isFunction) else { return }
        stack[functionIndex].locals[name] = .value(value)
    }

    // MARK: Context

    private var functionFrameIndex: Int? { stack.lastIndex(where: \.isFunction) }

    /// Recomputed once per statement: locals only change between statements.
    private var scope = PythonScope()

    private func currentScope() -> PythonScope {
        var scope = PythonScope()
        scope.frames = stack.filter(\.isFunction).map(\.locals)
        if let functionIndex = functionFrameIndex, functionIndex > 0 {
            scope.className = stack[functionIndex - 1].className
        }
        return scope
    }

    private struct WalkContext {
        var condition: Condition
        var background = false
    }

    private var context: WalkContext {
        let start = functionFrameIndex ?? 0
        let parts = stack[start...].flatMap { [$0.condition] + $0.exits }
        return WalkContext(condition: .all(parts))
    }

    private var currentFunction: String? { functionFrameIndex.flatMap { stack[$0].functionName } }

    private var isMainGuarded: Bool { stack.contains { $0.role == .mainGuard } }

    private var isInLoop: Bool { stack[(functionFrameIndex ?? 0)...].contains { $0.role == .loop } }

    private func location(_ expr: PyExpr) -> SourceLocation {
        SourceLocation(path: path, line: expr.line, column: expr.column)
    }

    // MARK: Expressions

    private mutating func walk(_ expr: PyExpr, _ context: WalkContext) {
        switch expr.node {
        case .call(let callee, let arguments):
            visitCall(expr, callee: callee, context)
            var inner = context
            inner.background = context.background || Self.isBackgroundLauncher(callee)
            walk(callee, context)
            for argument in arguments {
                if inner.background, !Self.isCall(argument.value) { recordPassedMethod(argument.value, inner) }
                walk(argument.value, inner)
            }
        case .ternary(let body, let test, let orElse):
            walk(test, context)
            let guardCondition = conditions.condition(test, in: scope)
            walk(body, WalkContext(condition: .all([context.condition, guardCondition]), background: context.background))
            walk(orElse, WalkContext(condition: .all([context.condition, guardCondition.negated]),
                                     background: context.background))
        default:
            expr.forEachChild { walk($0, context) }
        }
    }

    private mutating func visitCall(_ call: PyExpr, callee: PyExpr, _ context: WalkContext) {
        if isInLoop, let name = callee.terminalName { namesCalledInLoops.insert(name) }
        if Self.webAppConstructors.contains(callee.terminalName ?? ""), let index = functionFrameIndex {
            stack[index].buildsWebApp = true
        }
        let drafts = catalog.drafts(for: call, in: scope)
        for draft in drafts { record(draft, at: call, context) }
        if mentionsBotAPI { recordRawCall(call, callee: callee, context) }
        recordDotenv(call, callee: callee)
        recordStartupRegistration(call, callee: callee, context)
        if drafts.isEmpty { recordCalleeReference(callee, context) }
        for argument in call.arguments { recordPassedFunction(argument, context) }
    }

    /// `Thread(target=bot.polling)`, `executor.submit(bot.infinity_polling)`: the method runs
    /// in the background without a visible call.
    private mutating func recordPassedMethod(_ value: PyExpr, _ context: WalkContext) {
        guard case .attribute = value.node else { return }
        let call = PyExpr(node: .call(value, []), start: value.start, end: value.end, line: value.line, column: value.column)
        for draft in catalog.drafts(for: call, in: scope) { record(draft, at: call, context) }
        if let name = value.terminalName, case .attribute(let base, _) = value.node, base.dottedName == "self" {
            reference(name, at: value, context)
        }
    }

    private mutating func record(_ draft: PythonFactDraft, at call: PyExpr, _ context: WalkContext) {
        let background = context.background || draft.runsInBackground
        summary.facts.append(CodeFact(kind: draft.kind, library: draft.library, api: draft.api, token: draft.token,
                                      condition: context.condition, function: currentFunction,
                                      mainGuarded: isMainGuarded, concurrency: background ? .background : .blocking,
                                      webhookURL: draft.webhookURL, location: location(call)))
    }

    // MARK: Raw Bot API

    private static let loggingCallees: Set<String> = ["print", "debug", "info", "warning", "error", "exception", "critical", "log"]

    private mutating func recordRawCall(_ call: PyExpr, callee: PyExpr, _ context: WalkContext) {
        guard !Self.loggingCallees.contains(callee.terminalName ?? "") else { return }
        let candidates = [call.argument("url", position: 0)].compactMap { $0 }
        for candidate in candidates {
            guard let raw = PythonRawBotAPI.parse(resolver.value(candidate, in: scope)) else { continue }
            var webhookURL = raw.webhookURL
            if raw.kind == .setWebhook, webhookURL == nil { webhookURL = payloadURL(call) }
            let fact = CodeFact(kind: raw.kind, library: .botAPI, api: raw.method, token: raw.token,
                                condition: context.condition, function: currentFunction, mainGuarded: isMainGuarded,
                                concurrency: context.background ? .background : .blocking,
                                webhookURL: webhookURL, location: location(call))
            if raw.kind == .poll, !isInLoop {
                pendingRawPolls.append(fact)
            } else {
                summary.facts.append(fact)
            }
        }
    }

    /// `requests.post(url, json={"url": WEBHOOK})` / `data=` / `params=`.
    private func payloadURL(_ call: PyExpr) -> ValueExpr? {
        for keyword in ["json", "data", "params"] {
            guard let payload = call.argument(keyword), case .dict(let entries) = payload.node else { continue }
            if let entry = entries.first(where: { $0.key?.stringValue == "url" }) { return resolver.value(entry.value, in: scope) }
        }
        return nil
    }

    // MARK: Dotenv, hooks, references

    private mutating func recordDotenv(_ call: PyExpr, callee: PyExpr) {
        guard let name = callee.terminalName, ["load_dotenv", "read_dotenv", "read_env"].contains(name) else { return }
        let argument = call.argument("dotenv_path") ?? call.argument("path") ?? call.argument(nil, position: 0)
        summary.dotenvLoads.append(argument.flatMap(Self.literalPath) ?? "")
    }

    /// The file a path expression names: a literal, the last literal of `os.path.join(...)` or
    /// of `BASE_DIR / ".env"`; `find_dotenv()` and anything else mean the default lookup.
    private static func literalPath(_ expr: PyExpr) -> String? {
        if let literal = expr.stringValue { return literal }
        switch expr.node {
        case .binary("/", _, let rhs): return literalPath(rhs)
        case .call(let callee, let arguments) where callee.terminalName == "join":
            return arguments.last.flatMap { literalPath($0.value) }
        default: return nil
        }
    }

    /// `app.on_startup.append(f)`, `dp.startup.register(f)`, `app.add_event_handler("startup", f)`.
    private mutating func recordStartupRegistration(_ call: PyExpr, callee: PyExpr, _ context: WalkContext) {
        guard case .attribute(let base, let method) = callee.node else { return }
        let registers = (method == "append" && base.terminalName == "on_startup")
            || (method == "register" && base.terminalName == "startup")
            || (method == "add_event_handler" && call.argument(nil, position: 0)?.stringValue == "startup")
        guard registers, let handler = call.positionalArguments.last, case .name(let name) = handler.node else { return }
        startupNames.insert(name)
    }

    private static let builtins: Set<String> = [
        "print", "len", "str", "int", "float", "bool", "list", "dict", "set", "tuple", "range", "enumerate", "zip",
        "map", "filter", "isinstance", "issubclass", "getattr", "setattr", "hasattr", "open", "super", "type", "min",
        "max", "sum", "sorted", "reversed", "any", "all", "repr", "format", "id", "iter", "next", "abs", "round",
        "vars", "input", "exit", "quit", "callable", "hash", "bytes", "frozenset", "object", "globals", "locals",
        "load_dotenv", "find_dotenv", "getenv",
    ]
    private static let functionKeywords: Set<String> = ["target", "on_startup", "on_shutdown", "lifespan", "callback", "func"]
    private static let startupKeywords: Set<String> = ["on_startup", "lifespan"]

    private mutating func recordCalleeReference(_ callee: PyExpr, _ context: WalkContext) {
        switch callee.node {
        case .name(let name):
            if index.functionNames.contains(name) || (name.first?.isLowercase == true && !isLibraryFunction(name)) {
                reference(name, at: callee, context)
            }
        case .attribute(let base, let method):
            if index.functionNames.contains(method) || isImportedModule(base) { reference(method, at: callee, context) }
        default:
            break
        }
    }

    /// Builtins and functions imported from well-known libraries (`sleep`, `getenv`).
    private func isLibraryFunction(_ name: String) -> Bool {
        if Self.builtins.contains(name) { return true }
        guard let imported = index.importedName(name) else { return false }
        return PythonKnownModules.isLibrary(imported.module)
    }

    private func isImportedModule(_ base: PyExpr) -> Bool {
        guard case .name(let name) = base.node, let imported = index.importedName(name) else { return false }
        return !PythonKnownModules.isLibrary(imported.module)
    }

    /// `target=run_bot`, `on_startup=[a, b]`, `executor.submit(job)`: functions passed by name.
    private mutating func recordPassedFunction(_ argument: PyArgument, _ context: WalkContext) {
        let values: [PyExpr] = if case .collection(let items) = argument.value.node { items } else { [argument.value] }
        let byKeyword = argument.keyword.map(Self.functionKeywords.contains) ?? false
        for value in values {
            let name: String?
            switch value.node {
            case .name(let bare): name = bare
            case .attribute(let base, let member) where base.dottedName == "self" && byKeyword: name = member
            default: name = nil
            }
            guard let name, byKeyword || index.functionNames.contains(name) else { continue }
            reference(name, at: value, context)
            if let keyword = argument.keyword, Self.startupKeywords.contains(keyword) { startupNames.insert(name) }
        }
    }

    private mutating func reference(_ name: String, at expr: PyExpr, _ context: WalkContext) {
        summary.references.append(FunctionReference(name: name, condition: context.condition, function: currentFunction,
                                                    mainGuarded: isMainGuarded, location: location(expr)))
    }

    // MARK: Hooks

    private static let factoryNames: Set<String> = ["create_app", "make_app", "get_app"]
    private static let webAppConstructors: Set<String> = ["Flask", "FastAPI", "Quart", "Starlette", "Sanic", "Application"]
    private static let startupDecorators: Set<String> = ["before_serving", "before_first_request", "on_startup", "startup"]

    private func hook(for name: String, decorators: [PyExpr]) -> FrameworkHook? {
        if name == "ready", let owner = top.className,
           index.classBases[owner]?.contains(where: { $0.hasSuffix("AppConfig") }) == true {
            return .djangoReady
        }
        for decorator in decorators {
            let target = decorator.callee ?? decorator
            let member = target.terminalName ?? ""
            if member == "on_event", decorator.argument(nil, position: 0)?.stringValue == "startup" { return .startup }
            if Self.startupDecorators.contains(member) { return .startup }
            if member.hasSuffix("contextmanager"), name.contains("lifespan") { return .startup }
        }
        return decorators.isEmpty ? nil : .decorated
    }

    // MARK: Finish

    private mutating func finish() {
        summary.facts += pendingRawPolls.filter { fact in
            fact.function.map { namesCalledInLoops.contains(FunctionInfo(name: $0, location: fact.location).shortName) } ?? false
        }
        summary.facts.sort { $0.location < $1.location }
        for i in summary.functions.indices where startupNames.contains(summary.functions[i].shortName) {
            if summary.functions[i].hook == nil || summary.functions[i].hook == .decorated {
                summary.functions[i].hook = .startup
            }
        }
    }

    // MARK: Classification

    private static func isMainCheck(_ test: PyExpr) -> Bool {
        guard case .compare(let lhs, let rest) = test.node, rest.count == 1, rest[0].op == "==" else { return false }
        let values = [lhs.dottedName, rest[0].operand.dottedName, lhs.stringValue, rest[0].operand.stringValue]
        return values.contains("__name__") && values.contains("__main__")
    }

    private static let exitCallees: Set<String> = ["sys.exit", "exit", "quit", "os._exit"]

    private static func isExitCall(_ expr: PyExpr) -> Bool {
        guard case .call(let callee, _) = expr.node, let name = callee.dottedName else { return false }
        return exitCallees.contains(name)
    }

    private static let backgroundLaunchers: Set<String> = [
        "create_task", "ensure_future", "gather", "Thread", "Process", "submit", "run_in_executor",
        "start_new_thread", "to_thread", "run_coroutine_threadsafe",
    ]

    private static func isBackgroundLauncher(_ callee: PyExpr) -> Bool {
        backgroundLaunchers.contains(callee.terminalName ?? "")
    }

    private static func isCall(_ expr: PyExpr) -> Bool {
        if case .call = expr.node { return true }
        return false
    }
}
