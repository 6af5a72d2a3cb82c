/// Where a statement or expression sits: the facts and references found there inherit it.
struct JSContext {
    /// Relative to the start of the enclosing named function (or the module).
    var condition: Condition = .always
    /// Enclosing named function, qualified (`BotService.start`); anonymous callbacks keep it.
    var function: String?
    var className: String?
    /// Inside `while`/`for`/`do` or a `setInterval` callback.
    var inLoop = false
    var mainGuarded = false
    /// Directly in the module body (not in any function, named or not).
    var isModuleScope = true
    /// Nesting, bounded so hostile input cannot exhaust the stack.
    var depth = 0

    func adding(_ extra: Condition) -> JSContext {
        if case .always = extra { return self }
        var copy = self
        if case .always = condition { copy.condition = extra } else { copy.condition = .all([condition, extra]) }
        return copy
    }

    /// The context inside a named function's body.
    func entering(function name: String) -> JSContext {
        JSContext(function: name, className: className, isModuleScope: false, depth: depth + 1)
    }

    /// The context inside an inline callback: it runs where it is written.
    func enteringCallback() -> JSContext {
        var copy = self
        copy.isModuleScope = false
        copy.depth += 1
        return copy
    }
}

/// One pass over a lexed file that fills a `CodeSummary`. The statement, expression, module
/// and class parts live in extensions; this file holds the state and what is emitted.
final class JSWalker {
    static let maxDepth = 120

    let file: JSTokens
    private let path: String
    private let lines: LineIndex
    var summary: CodeSummary
    var bindings = JSBindings()
    /// Raw `getUpdates` calls outside a visible loop: kept only if their function recurses.
    private var pendingPolls: [CodeFact] = []
    /// Plain calls and by-name passes (token index for the location); only names this file
    /// declares or imports are kept.
    private var candidateReferences: [(reference: FunctionReference, index: Int)] = []
    /// Functions passed by name to `app.listen(...)`/`server.listen(...)`.
    var listenCallbacks: Set<String> = []

    init(file: JSTokens, path: String, language: SourceLanguage) {
        self.file = file
        self.path = path
        self.lines = LineIndex(bytes: file.bytes)
        self.summary = CodeSummary(path: path, language: language)
    }

    var values: JSValueReader { JSValueReader(file: file, bindings: bindings) }
    var conditions: JSConditionReader { JSConditionReader(values: values) }

    func run() -> CodeSummary {
        statements(0..<file.count, JSContext())
        return finished()
    }

    func location(_ index: Int) -> SourceLocation {
        guard index >= 0, index < file.count else { return SourceLocation(path: path) }
        let position = lines.position(ofUTF8Offset: file[index].start)
        return SourceLocation(path: path, line: position.line, column: position.column)
    }

    // MARK: - Emitting

    func emitFact(_ kind: ReceiveKind, _ library: Library, api: String, token: ValueExpr,
                  url: ValueExpr? = nil, at location: SourceLocation, _ context: JSContext,
                  when extra: Condition = .always) {
        let condition = Condition.all([context.condition, extra])
        guard condition != .never else { return }
        summary.facts.append(CodeFact(kind: kind, library: library, api: api, token: token, condition: condition,
                                      function: context.function, mainGuarded: context.mainGuarded,
                                      concurrency: .background, webhookURL: url, location: location))
    }

    /// A raw `getUpdates` request: a poll only when something repeats it.
    func emitRawPoll(token: ValueExpr, at location: SourceLocation, _ context: JSContext) {
        guard context.condition != .never else { return }
        let fact = CodeFact(kind: .poll, library: .botAPI, api: "getUpdates", token: token,
                            condition: context.condition, function: context.function,
                            mainGuarded: context.mainGuarded, concurrency: .background, location: location)
        if context.inLoop { summary.facts.append(fact) } else { pendingPolls.append(fact) }
    }

    func declareFunction(_ name: String, hook: FrameworkHook? = nil, at index: Int) {
        summary.functions.append(FunctionInfo(name: name, hook: hook, location: location(index)))
    }

    func qualified(_ name: String, in context: JSContext) -> String {
        context.function.map { "\($0).\(name)" } ?? name
    }

    func reference(_ name: String, at index: Int, _ context: JSContext) {
        guard context.condition != .never else { return }
        let reference = FunctionReference(name: name, condition: context.condition, function: context.function,
                                          mainGuarded: context.mainGuarded, location: SourceLocation(path: path))
        candidateReferences.append((reference, index))
    }

    // MARK: - Finishing

    private func finished() -> CodeSummary {
        var result = summary
        result.facts.append(contentsOf: pendingPolls.filter(isRepeated))
        result.facts.sort { ($0.location, $0.kind.rawValue, $0.api) < ($1.location, $1.kind.rawValue, $1.api) }
        result.functions = functionsWithListenHooks()
        result.references = keptReferences()
        var seenLoads: Set<String> = []
        result.dotenvLoads = result.dotenvLoads.filter { seenLoads.insert($0).inserted }
        return result
    }

    /// `async function poll() { await fetch(".../getUpdates"); setTimeout(poll, 1000) }`.
    private func isRepeated(_ fact: CodeFact) -> Bool {
        guard let function = fact.function else { return false }
        let shortName = function.split(separator: ".").last.map(String.init) ?? function
        return candidateReferences.contains { $0.reference.function == function && ($0.reference.name == shortName || $0.reference.name == function) }
    }

    /// A call site walked twice (a condition and its branch) is one reference.
    private struct ReferenceKey: Hashable {
        var name: String
        var index: Int
    }

    private func functionsWithListenHooks() -> [FunctionInfo] {
        summary.functions.map { info in
            var info = info
            if info.hook == nil, listenCallbacks.contains(info.name) { info.hook = .startup }
            return info
        }
    }

    private func keptReferences() -> [FunctionReference] {
        let declared = Set(summary.functions.flatMap { [$0.name, $0.shortName] })
        let imported = bindings.relativeImports
        var seen: Set<ReferenceKey> = []
        return candidateReferences.compactMap { candidate in
            var reference = candidate.reference
            let root = reference.name.split(separator: ".").first.map(String.init) ?? reference.name
            guard declared.contains(reference.name) || imported.contains(root),
                  seen.insert(ReferenceKey(name: reference.name, index: candidate.index)).inserted else { return nil }
            reference.location = location(candidate.index)
            return reference
        }
    }
}
