/// What the first pass learns about a whole module before facts are built: module-level
/// bindings (so a function can use a constant defined below it), class attributes, function
/// names, imports, argparse flags, pydantic settings fields and which Telegram library it uses.
struct PythonModuleIndex: Sendable {
    var bindings: [String: PyExpr] = [:]
    /// `Class` → attribute → value, from class bodies and `self.x = ...` in its methods.
    var classAttributes: [String: [String: PyExpr]] = [:]
    var classBases: [String: [String]] = [:]
    var functionNames: Set<String> = []
    private(set) var imports: [PyImport] = []
    /// The last import binding each local name.
    private var importsByName: [String: PyImport] = [:]
    /// argparse destination (`webhook`) → the flag as typed (`--webhook`).
    var argparseFlags: [String: String] = [:]
    /// `Settings.bot_token` → env var name, for pydantic `BaseSettings` classes.
    var settingsFields: [String: String] = [:]
    /// `env_file` of settings classes: pydantic reads those files for its fields.
    var settingsEnvFiles: [String] = []
    var libraries = PythonLibraryHints()

    var settingsClasses: Set<String> {
        Set(classBases.compactMap { name, _ in isSettingsClass(name) ? name : nil })
    }

    func isSettingsClass(_ name: String, depth: Int = 0) -> Bool {
        guard depth < 8, let bases = classBases[name] else { return false }
        return bases.contains { base in
            base.hasSuffix("BaseSettings") || isSettingsClass(base, depth: depth + 1)
        }
    }

    func importedName(_ local: String) -> PyImport? { importsByName[local] }

    mutating func add(_ newImports: [PyImport]) {
        imports += newImports
        for imported in newImports {
            if let name = imported.localName { importsByName[name] = imported }
            libraries.note(imported)
        }
    }

    static func build(_ statements: [PythonStatement]) -> PythonModuleIndex {
        var builder = PythonModuleIndexBuilder()
        for statement in statements { builder.visit(statement) }
        return builder.finish()
    }
}

/// Which Telegram libraries a module uses, from its imports and constructor shapes.
struct PythonLibraryHints: Sendable {
    var pythonTelegramBot = false
    var pyTelegramBotAPI = false
    var aiogram = false
    var aiogram2Evidence = 0
    var aiogram3Evidence = 0

    var aiogramLibrary: Library { aiogram3Evidence > aiogram2Evidence ? .aiogram3 : .aiogram2 }
    var hasAny: Bool { pythonTelegramBot || pyTelegramBotAPI || aiogram }

    private static let aiogram2Modules = ["aiogram.utils.executor", "aiogram.contrib", "aiogram.dispatcher.filters",
                                          "aiogram.dispatcher.webhook", "aiogram.dispatcher.storage",
                                          "aiogram.dispatcher.handler", "aiogram.utils.callback_data"]
    private static let aiogram3Modules = ["aiogram.filters", "aiogram.client", "aiogram.enums", "aiogram.webhook",
                                          "aiogram.fsm", "aiogram.utils.keyboard", "aiogram.methods"]
    private static let aiogram3Names: Set<String> = ["Router", "F", "DefaultBotProperties"]

    mutating func note(_ imported: PyImport) {
        let module = imported.module
        if module == "telegram" || module.hasPrefix("telegram.") { pythonTelegramBot = true }
        if module == "telebot" || module.hasPrefix("telebot.") { pyTelegramBotAPI = true }
        guard module == "aiogram" || module.hasPrefix("aiogram.") else { return }
        aiogram = true
        if Self.aiogram2Modules.contains(where: { module.hasPrefix($0) }) || module == "aiogram.dispatcher"
            || imported.importedName == "executor" {
            aiogram2Evidence += 1
        }
        if Self.aiogram3Modules.contains(where: { module.hasPrefix($0) })
            || Self.aiogram3Names.contains(imported.importedName ?? "") {
            aiogram3Evidence += 1
        }
    }

    /// `Dispatcher(bot)` is aiogram 2; `Dispatcher()` / `Dispatcher(storage=...)` is aiogram 3.
    mutating func noteDispatcher(_ call: PyExpr) {
        let takesBot = call.argument("bot", position: 0) != nil
        if takesBot { aiogram2Evidence += 2 } else { aiogram3Evidence += 2 }
    }
}

private struct PythonModuleIndexBuilder {
    private struct Frame {
        enum Role { case function, classBody(String), other }
        var role: Role
        var bodyDepth: Int
    }

    private var index = PythonModuleIndex()
    private var stack: [Frame] = []

    mutating func visit(_ statement: PythonStatement) {
        while let top = stack.last, top.bodyDepth > statement.depth { stack.removeLast() }
        switch statement.kind {
        case .defHeader(let header):
            index.functionNames.insert(header.name)
            stack.append(Frame(role: .function, bodyDepth: statement.depth + 1))
        case .classHeader(let name, let bases):
            // Nested classes (pydantic's `class Config:`) must not shadow a module-level class.
            if enclosingClass == nil {
                index.classBases[name] = bases.compactMap { $0.keyword == nil ? $0.value.dottedName : nil }
            }
            stack.append(Frame(role: .classBody(name), bodyDepth: statement.depth + 1))
        case .withHeader(let items):
            if isModuleLevel { for item in items { if let alias = item.alias { index.bindings[alias] = item.context } } }
            stack.append(Frame(role: .other, bodyDepth: statement.depth + 1))
        case .ifHeader, .elifHeader, .elseHeader, .whileHeader, .forHeader, .plainHeader:
            stack.append(Frame(role: .other, bodyDepth: statement.depth + 1))
        case .imports(let imports):
            index.add(imports)
        case .assignment(let targets, let value):
            targets.forEach { bind($0, value) }
            noteCalls(in: value)
        case .annotated(let target, _, let value):
            if let value { bind(target, value) }
            noteSettingsField(target, value: value)
        case .expression(let expr):
            noteCalls(in: expr)
        default:
            break
        }
    }

    private var isModuleLevel: Bool {
        !stack.contains { if case .other = $0.role { false } else { true } }
    }

    /// The class whose body (or whose method) we are in, and whether directly in its body.
    private var enclosingClass: (name: String, direct: Bool)? {
        for (offset, frame) in stack.enumerated().reversed() {
            if case .classBody(let name) = frame.role {
                let direct = stack[(offset + 1)...].allSatisfy { if case .other = $0.role { true } else { false } }
                return (name, direct)
            }
        }
        return nil
    }

    private mutating func bind(_ target: PyExpr, _ value: PyExpr) {
        switch target.node {
        case .name(let name):
            if isModuleLevel {
                index.bindings[name] = value
            } else if let owner = enclosingClass, owner.direct {
                index.classAttributes[owner.name, default: [:]][name] = value
                let configured = owner.name == "Config" ? outerClass(of: owner.name) ?? owner.name : owner.name
                noteSettingsConfig(configured, attribute: name, value: value)
            }
        case .attribute(let base, let name):
            if case .name("self") = base.node, let owner = enclosingClass {
                index.classAttributes[owner.name, default: [:]][name] = value
            }
        default:
            break
        }
    }

    /// The class enclosing a nested `class Config:`.
    private func outerClass(of inner: String) -> String? {
        let classes = stack.compactMap { frame -> String? in
            if case .classBody(let name) = frame.role { return name }
            return nil
        }
        guard classes.count >= 2, classes.last == inner else { return nil }
        return classes[classes.count - 2]
    }

    private var configPrefixes: [String: String] = [:]
    private var pendingFields: [(owner: String, field: String, alias: String?)] = []

    /// `model_config = SettingsConfigDict(env_prefix=...)` or `class Config: env_prefix = ...`.
    private mutating func noteSettingsConfig(_ owner: String, attribute: String, value: PyExpr) {
        switch attribute {
        case "env_prefix":
            if let prefix = value.stringValue { configPrefixes[owner] = prefix }
        case "env_file":
            noteEnvFiles(value)
        case "model_config":
            if let prefix = value.argument("env_prefix")?.stringValue { configPrefixes[owner] = prefix }
            if let file = value.argument("env_file") { noteEnvFiles(file) }
        default:
            break
        }
    }

    private mutating func noteEnvFiles(_ value: PyExpr) {
        if let file = value.stringValue { index.settingsEnvFiles.append(file) }
        if case .collection(let items) = value.node { index.settingsEnvFiles += items.compactMap(\.stringValue) }
    }

    private mutating func noteSettingsField(_ target: PyExpr, value: PyExpr?) {
        guard case .name(let field) = target.node, let owner = enclosingClass, owner.direct else { return }
        if field == "model_config" { if let value { noteSettingsConfig(owner.name, attribute: field, value: value) }; return }
        let alias = value.flatMap { value -> String? in
            guard value.callee?.terminalName == "Field" else { return nil }
            return (value.argument("validation_alias") ?? value.argument("alias") ?? value.argument("env"))?.stringValue
        }
        pendingFields.append((owner.name, field, alias))
    }

    private mutating func noteCalls(in expr: PyExpr) {
        if case .call(let callee, _) = expr.node {
            if callee.terminalName == "add_argument" { noteArgparse(expr) }
            if callee.terminalName == "Dispatcher" { index.libraries.noteDispatcher(expr) }
        }
        expr.forEachChild { noteCalls(in: $0) }
    }

    private mutating func noteArgparse(_ call: PyExpr) {
        guard let flag = call.positionalArguments.compactMap(\.stringValue).first(where: { $0.hasPrefix("--") })
            ?? call.positionalArguments.first?.stringValue else { return }
        let trimmed = flag.drop { $0 == "-" }
        let destination = call.argument("dest")?.stringValue ?? String(trimmed.map { $0 == "-" ? "_" : $0 })
        index.argparseFlags[destination] = flag
    }

    /// Env names are resolved once every class body (and its nested `Config`) has been seen.
    mutating func finish() -> PythonModuleIndex {
        let settings = index.settingsClasses
        for field in pendingFields where settings.contains(field.owner) {
            let name = field.alias ?? (configPrefixes[field.owner] ?? "") + field.field
            index.settingsFields["\(field.owner).\(field.field)"] = name.uppercased()
        }
        return index
    }
}
