/// From an entry file to the receiving calls a process executes: follows local imports, then
/// decides for each fact whether (and under which condition) it runs, through call sites by
/// function name, framework hooks and `__main__` guards.
struct CodeReach {
    let index: RepositoryIndex
    let entry: Entry
    let importer: ImportResolver
    let values: ValueResolver

    /// Most files a process may load; a monorepo's shared code should not make one entry reach
    /// the whole tree.
    static let maxReachable = 2_000

    init(index: RepositoryIndex, entry: Entry, importer: ImportResolver) {
        self.index = index
        self.entry = entry
        self.importer = importer
        self.values = ValueResolver(index: index, importer: importer)
    }

    /// Files loaded by a process whose entry is `start` (plus framework roots such as Django apps).
    static func reachable(from roots: [String], index: RepositoryIndex, importer: ImportResolver) -> [String] {
        var seen = Set<String>()
        var order: [String] = []
        var queue = roots
        while !queue.isEmpty, order.count < maxReachable {
            let path = queue.removeFirst()
            guard seen.insert(path).inserted, let code = index.code(path) else { continue }
            order.append(path)
            for binding in code.imports {
                for file in importer.files(for: binding, from: path) where !seen.contains(file) {
                    queue.append(file)
                }
            }
        }
        return order
    }

    struct Execution {
        var condition: Condition
        var importTime: Bool
        var perWorker: Bool
        var via: [SourceLocation]
    }

    func receivers(env: EnvScope, argv: [String], tokenIdentity: (ValueExpr, String) -> (TokenIdentity, String?)) -> [Receiver] {
        var memo: [String: Execution?] = [:]
        var result: [Receiver] = []
        let secretChecked = entry.reachable.contains { index.code($0)?.mentionsWebhookSecret ?? false }
        for path in entry.reachable {
            guard let code = index.code(path) else { continue }
            for fact in code.facts {
                guard let exec = execution(of: fact.function, in: path, mainGuarded: fact.mainGuarded, memo: &memo, stack: []) else { continue }
                let (identity, tokenVariable) = tokenIdentity(fact.token, path)
                var local = resolveFlags(fact.condition, in: path)
                // A webhook handler's own checks (`if request.method != "POST"`) are per request:
                // they decide what one update does, not whether the process serves the webhook.
                if fact.kind == .serveWebhook { local = local.assumingOpaqueHolds }
                let condition = Condition.all([exec.condition, local])
                var assumed = Set<String>()
                if let v = tokenVariable { assumed.insert(v) }
                let evaluator = ConditionEvaluator(env: env, argv: argv, assumedSet: assumed)
                let active = evaluator.evaluate(condition)
                guard active != .no else { continue }
                var receiver = Receiver(fact: fact, token: identity, condition: condition, active: active,
                                        importTime: exec.importTime, perWorker: exec.perWorker, via: exec.via)
                receiver.webhookURL = fact.webhookURL.map { values.resolve($0, in: path) }
                receiver.secretChecked = secretChecked
                result.append(receiver)
            }
        }
        return result
    }

    /// When code at module level (`function == nil`) or in `function` runs in this process.
    private func execution(of function: String?, in path: String, mainGuarded: Bool,
                           memo: inout [String: Execution?], stack: Set<String>) -> Execution? {
        let isEntryFile = path == entry.path
        let runsAsMain = isEntryFile && entry.kind == .script
        if mainGuarded && !runsAsMain { return nil }
        guard let function else {
            // Module level runs when the module is loaded; for a web app that is import time.
            return Execution(condition: .always, importTime: entry.kind == .webApp, perWorker: false, via: [])
        }
        let key = path + "#" + function
        if let cached = memo[key] { return cached }
        if stack.contains(key) { return nil }
        memo[key] = nil
        let result = computeExecution(of: function, in: path, memo: &memo, stack: stack.union([key]))
        memo[key] = result
        return result
    }

    private func computeExecution(of function: String, in path: String,
                                  memo: inout [String: Execution?], stack: Set<String>) -> Execution? {
        guard let code = index.code(path) else { return nil }
        // A fact inside a nested function or method belongs to its outermost named owner too.
        let info = code.functions.first { $0.name == function }
        switch info?.hook {
        case .djangoReady?:
            guard isDjangoProcess else { return nil }
            return Execution(condition: .always, importTime: true, perWorker: false, via: [info!.location])
        case .appFactory?:
            guard entry.kind == .webApp else { break }
            return Execution(condition: .always, importTime: true, perWorker: false, via: [info!.location])
        case .startup?:
            return Execution(condition: .always, importTime: false, perWorker: entry.kind == .webApp, via: [info!.location])
        case .decorated?:
            return Execution(condition: .always, importTime: false, perWorker: false, via: [info!.location])
        case nil:
            break
        }
        if entry.kind == .djangoCommand, path == entry.path, function.hasSuffix(".handle") {
            return Execution(condition: .always, importTime: false, perWorker: false, via: [])
        }
        let shortName = function.split(separator: ".").last.map(String.init) ?? function
        var alternatives: [Execution] = []
        for caller in entry.reachable {
            guard let callerCode = index.code(caller) else { continue }
            guard refersTo(shortName, definedIn: path, from: caller, code: callerCode) else { continue }
            for ref in callerCode.references where ref.name == shortName {
                // A method calling itself or a sibling is not a way in.
                if ref.function == function && caller == path { continue }
                guard let outer = execution(of: ref.function, in: caller, mainGuarded: ref.mainGuarded,
                                            memo: &memo, stack: stack) else { continue }
                alternatives.append(Execution(condition: .all([outer.condition, resolveFlags(ref.condition, in: caller)]),
                                              importTime: outer.importTime, perWorker: outer.perWorker,
                                              via: outer.via + [ref.location]))
            }
        }
        // Owner of a nested function: `outer.inner` runs when `outer` runs and calls it.
        if alternatives.isEmpty, function.contains("."), info == nil || code.functions.contains(where: { function.hasPrefix($0.name + ".") }) {
            let owner = String(function[..<function.lastIndex(of: ".")!])
            if code.functions.contains(where: { $0.name == owner }) {
                return execution(of: owner, in: path, mainGuarded: false, memo: &memo, stack: stack)
            }
        }
        guard let first = alternatives.first else { return nil }
        if alternatives.count == 1 { return first }
        return Execution(condition: .any(alternatives.map(\.condition)),
                         importTime: alternatives.contains(where: \.importTime),
                         perWorker: alternatives.allSatisfy(\.perWorker),
                         via: first.via)
    }

    /// Whether `caller` can mean the function `name` of `definingPath` when it says `name`.
    private func refersTo(_ name: String, definedIn definingPath: String, from caller: String, code: CodeSummary) -> Bool {
        if caller == definingPath { return true }
        if let binding = code.imports.first(where: { $0.localName == name }) {
            return importer.files(for: binding, from: caller).contains(definingPath)
        }
        // Called through a module (`bot.main()`), or a name we cannot bind: accept when the caller
        // imports the defining file at all and does not define the name itself.
        if code.functions.contains(where: { $0.shortName == name }) { return false }
        return code.imports.contains { importer.files(for: $0, from: caller).contains(definingPath) }
    }

    /// Flags the scanner could not read inside one file (`settings.USE_WEBHOOK`, an imported
    /// `WEBHOOK_URL`): resolved across files, they become conditions on env variables.
    func resolveFlags(_ condition: Condition, in path: String) -> Condition {
        switch condition {
        case .opaque(let text):
            var name = text.trimmingWhitespace()
            var negate = false
            if name.hasPrefix("not ") { negate = true; name = String(name.dropFirst(4)) }
            if name.hasPrefix("!") { negate = true; name = String(name.dropFirst()) }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return condition }
            let parts = name.split(separator: ".").map(String.init)
            let expr: ValueExpr = parts.count == 1 ? .symbol(name)
                : .attribute(base: parts.dropLast().joined(separator: "."), name: parts.last!)
            let resolved: Condition
            switch values.resolve(expr, in: path) {
            case .env(let variable, _): resolved = .envSet(variable)
            case .literal(let value): resolved = ["", "0", "false", "False", "None"].contains(value) ? .never : .always
            default: return condition
            }
            return negate ? resolved.negated : resolved
        case .not(let inner): return resolveFlags(inner, in: path).negated
        case .and(let parts): return .all(parts.map { resolveFlags($0, in: path) })
        case .or(let parts): return .any(parts.map { resolveFlags($0, in: path) })
        default: return condition
        }
    }

    private var isDjangoProcess: Bool {
        if entry.kind == .djangoCommand { return true }
        guard entry.kind == .webApp else { return false }
        return entry.server?.hasPrefix("django") == true || entry.reachable.contains { path in
            index.code(path)?.imports.contains { $0.module.hasPrefix("django") } ?? false
        }
    }
}
