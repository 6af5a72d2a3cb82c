/// A function-local name: assigned in the body, or a parameter (whose value is unknown).
enum PyLocalBinding: Sendable {
    case value(PyExpr)
    case parameter
}

/// Names visible at a point: enclosing functions' locals (innermost last), then the module.
struct PythonScope: Sendable {
    var frames: [[String: PyLocalBinding]] = []
    /// The class whose method we are in, for `self.x`.
    var className: String?

    func local(_ name: String) -> PyLocalBinding? {
        for frame in frames.reversed() { if let binding = frame[name] { return binding } }
        return nil
    }
}

/// A bot, dispatcher, application or updater built in this file, with the token it carries.
struct TelegramObject: Sendable {
    enum Role: Sendable { case bot, dispatcher, application, updater, teleBot }
    var role: Role
    var library: Library
    /// nil for an aiogram 3 `Dispatcher()`: the bots are given to `start_polling`.
    var token: ValueExpr?
}

/// Resolves expressions to `ValueExpr`s and Telegram objects within one file. Names defined in
/// other files stay `.symbol`/`.attribute` for the linker.
struct PythonValueResolver: Sendable {
    let index: PythonModuleIndex
    let stream: PythonTokenStream
    private static let maxDepth = 12

    // MARK: Source text

    /// Trimmed source of an expression, whitespace collapsed, bounded for messages.
    func text(_ expr: PyExpr) -> String {
        let raw = stream.text(from: expr.start, to: expr.end)
        let collapsed = raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        return collapsed.count > 80 ? String(collapsed.prefix(77)) + "..." : collapsed
    }

    // MARK: Bindings

    enum Binding {
        case value(PyExpr)
        case parameter
        case imported(PyImport)
        case unbound
    }

    func binding(of name: String, in scope: PythonScope) -> Binding {
        switch scope.local(name) {
        case .value(let expr): return .value(expr)
        case .parameter: return .parameter
        case nil: break
        }
        if let expr = index.bindings[name] { return .value(expr) }
        if let imported = index.importedName(name) { return .imported(imported) }
        return .unbound
    }

    /// `self.x` in a method of a class that assigns it, or `Class.x` for a class of this file.
    func attributeBinding(_ base: PyExpr, _ member: String, in scope: PythonScope) -> PyExpr? {
        guard case .name(let baseName) = base.node else { return nil }
        if baseName == "self", let owner = scope.className { return index.classAttributes[owner]?[member] }
        if case .unbound = binding(of: baseName, in: scope), index.classBases[baseName] != nil {
            return index.classAttributes[baseName]?[member]
        }
        return nil
    }

    // MARK: Values

    func value(_ expr: PyExpr, in scope: PythonScope, depth: Int = 0) -> ValueExpr {
        guard depth < Self.maxDepth else { return .unknown(text(expr)) }
        let next = depth + 1
        switch expr.node {
        case .string(let literal, let pieces):
            guard !pieces.isEmpty else { return .literal(literal.value) }
            return concat(pieces.map { piece in
                switch piece {
                case .text(let text): .literal(text)
                case .expression(let inner): value(inner, in: scope, depth: next)
                }
            })
        case .number(let digits):
            return .literal(digits)
        case .name(let name):
            return nameValue(name, expr, in: scope, depth: next)
        case .attribute(let base, let member):
            return attributeValue(base, member, expr, in: scope, depth: next)
        case .subscripted(let base, let key):
            if let envName = key.stringValue, Self.isEnvironMapping(base) { return .env(envName, default: nil) }
            return .unknown(text(expr))
        case .call:
            return callValue(expr, in: scope, depth: next)
        case .binary(let op, let lhs, let rhs):
            return binaryValue(op, lhs, rhs, expr, in: scope, depth: next)
        case .boolean(isAnd: false, let operands):
            return fallbackValue(operands, in: scope, depth: next)
        case .await(let inner):
            return value(inner, in: scope, depth: next)
        default:
            return .unknown(text(expr))
        }
    }

    private func nameValue(_ name: String, _ expr: PyExpr, in scope: PythonScope, depth: Int) -> ValueExpr {
        switch binding(of: name, in: scope) {
        case .value(let bound): value(bound, in: scope, depth: depth)
        case .parameter: .unknown(name)
        case .imported, .unbound: .symbol(name)
        }
    }

    private func attributeValue(_ base: PyExpr, _ member: String, _ expr: PyExpr, in scope: PythonScope,
                                depth: Int) -> ValueExpr {
        if let bound = attributeBinding(base, member, in: scope) { return value(bound, in: scope, depth: depth) }
        if let settingsClass = settingsClass(of: base, in: scope, depth: depth),
           let envName = index.settingsFields["\(settingsClass).\(member)"] {
            return .env(envName, default: nil)
        }
        guard let dotted = base.dottedName, dotted != "self" else { return .unknown(text(expr)) }
        return .attribute(base: dotted, name: member)
    }

    /// The pydantic settings class an expression is an instance of (`settings = Settings()`).
    private func settingsClass(of expr: PyExpr, in scope: PythonScope, depth: Int) -> String? {
        guard depth < Self.maxDepth else { return nil }
        switch expr.node {
        case .call(let callee, _):
            guard let name = callee.dottedName, index.isSettingsClass(name) else { return nil }
            return name
        case .name(let name):
            guard case .value(let bound) = binding(of: name, in: scope) else { return nil }
            return settingsClass(of: bound, in: scope, depth: depth + 1)
        default:
            return nil
        }
    }

    private static let transparentMethods: Set<String> = ["strip", "get_secret_value", "rstrip", "lstrip"]
    private static let transparentFunctions: Set<String> = ["str", "int", "SecretStr"]

    private func callValue(_ call: PyExpr, in scope: PythonScope, depth: Int) -> ValueExpr {
        guard case .call(let callee, _) = call.node else { return .unknown(text(call)) }
        if let read = envRead(call) { return read }
        if case .attribute(let base, let method) = callee.node {
            if Self.transparentMethods.contains(method) { return value(base, in: scope, depth: depth) }
            if method == "format", case .string = base.node {
                return formatted(base, arguments: call.positionalArguments, marker: "{", in: scope, depth: depth)
            }
        }
        if let name = callee.dottedName, Self.transparentFunctions.contains(name), let inner = call.argument(nil, position: 0) {
            return value(inner, in: scope, depth: depth)
        }
        return .unknown(text(call))
    }

    private func binaryValue(_ op: String, _ lhs: PyExpr, _ rhs: PyExpr, _ expr: PyExpr, in scope: PythonScope,
                             depth: Int) -> ValueExpr {
        switch op {
        case "+":
            return concat([value(lhs, in: scope, depth: depth), value(rhs, in: scope, depth: depth)])
        case "%":
            guard case .string = lhs.node else { return .unknown(text(expr)) }
            let arguments: [PyExpr] = if case .collection(let items) = rhs.node { items } else { [rhs] }
            return formatted(lhs, arguments: arguments, marker: "%", in: scope, depth: depth)
        default:
            return .unknown(text(expr))
        }
    }

    /// `os.getenv("A") or "fallback"` reads A with a default.
    private func fallbackValue(_ operands: [PyExpr], in scope: PythonScope, depth: Int) -> ValueExpr {
        let first = value(operands[0], in: scope, depth: depth)
        if case .env(let name, nil) = first, operands.count == 2, let fallback = operands[1].stringValue {
            return .env(name, default: fallback)
        }
        return first
    }

    /// `"...{}...".format(x)` and `"...%s..." % x`: placeholders replaced by argument values.
    private func formatted(_ template: PyExpr, arguments: [PyExpr], marker: Character, in scope: PythonScope,
                           depth: Int) -> ValueExpr {
        guard let pattern = template.stringValue else { return .unknown(text(template)) }
        var parts: [ValueExpr] = []
        var literal = ""
        var remaining = arguments.makeIterator()
        var chars = pattern.makeIterator()
        while let c = chars.next() {
            if c == marker {
                var placeholder = String(c)
                if c == "{" { while let p = chars.next() { placeholder.append(p); if p == "}" { break } } }
                else if let p = chars.next() { placeholder.append(p) }
                if placeholder == "{{" || placeholder == "%%" { literal.append(c); continue }
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                parts.append(remaining.next().map { value($0, in: scope, depth: depth) } ?? .unknown(placeholder))
            } else {
                literal.append(c)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return concat(parts)
    }

    /// Flattens nested concats and merges adjacent literals; one part stays itself.
    func concat(_ parts: [ValueExpr]) -> ValueExpr {
        var flat: [ValueExpr] = []
        for part in parts {
            let pieces: [ValueExpr] = if case .concat(let inner) = part { inner } else { [part] }
            for piece in pieces {
                if case .literal(let next) = piece, case .literal(let previous)? = flat.last {
                    flat[flat.count - 1] = .literal(previous + next)
                } else {
                    flat.append(piece)
                }
            }
        }
        return flat.count == 1 ? flat[0] : .concat(flat)
    }

    // MARK: Environment reads

    private static let getenvCallees: Set<String> = [
        "os.getenv", "getenv", "os.environ.get", "environ.get", "os.environ.setdefault", "env", "config",
        "decouple.config", "env.str", "env.int", "env.bool", "env.list",
    ]

    /// `os.getenv("X", d)`, `os.environ.get`, decouple `config("X")`, environs `env.str("X")`.
    func envRead(_ call: PyExpr) -> ValueExpr? {
        guard case .call(let callee, _) = call.node, let name = callee.dottedName,
              Self.getenvCallees.contains(name), let key = call.argument(nil, position: 0)?.stringValue,
              !key.isEmpty else { return nil }
        let fallbackExpr = call.argument("default") ?? call.argument(nil, position: 1)
        // `os.getenv("WEB_CONCURRENCY", 2)`: a number default is as good as its text.
        let fallback: String? = if case .number(let digits)? = fallbackExpr?.node { digits } else { fallbackExpr?.stringValue }
        return .env(key, default: fallback)
    }

    static func isEnvironMapping(_ expr: PyExpr) -> Bool {
        let name = expr.dottedName
        return name == "os.environ" || name == "environ"
    }

    // MARK: Objects

    func object(_ expr: PyExpr, in scope: PythonScope, depth: Int = 0) -> TelegramObject? {
        guard depth < Self.maxDepth else { return nil }
        let next = depth + 1
        switch expr.node {
        case .await(let inner):
            return object(inner, in: scope, depth: next)
        case .name(let name):
            guard case .value(let bound) = binding(of: name, in: scope) else { return nil }
            return object(bound, in: scope, depth: next)
        case .attribute(let base, let member):
            if let bound = attributeBinding(base, member, in: scope) { return object(bound, in: scope, depth: next) }
            return memberObject(base, member, in: scope, depth: next)
        case .call(let callee, _):
            if let built = applicationBuilder(expr, in: scope, depth: next) { return built }
            if let built = constructed(expr, callee: callee, in: scope, depth: next) { return built }
            // A set-up helper that takes the object and returns it configured:
            // `dispatcher = setup_dispatcher(Dispatcher(bot, ...))`, `app = add_handlers(app)`.
            guard let first = expr.argument(nil, position: 0) else { return nil }
            return object(first, in: scope, depth: next)
        default:
            return nil
        }
    }

    /// `app.bot`, `updater.bot`, `dp.bot`, `app.updater`, `updater.dispatcher`.
    private func memberObject(_ base: PyExpr, _ member: String, in scope: PythonScope, depth: Int) -> TelegramObject? {
        guard var owner = object(base, in: scope, depth: depth) else { return nil }
        switch member {
        case "bot": owner.role = owner.library == .pyTelegramBotAPI ? .teleBot : .bot
        case "updater": owner.role = .updater
        case "dispatcher": owner.role = .dispatcher
        default: return nil
        }
        return owner
    }

    private func constructed(_ call: PyExpr, callee: PyExpr, in scope: PythonScope, depth: Int) -> TelegramObject? {
        guard let name = callee.terminalName else { return nil }
        let tokenArgument = call.argument("token", position: 0)
        let token = tokenArgument.map { value($0, in: scope, depth: depth) }
        switch name {
        case "Bot":
            return TelegramObject(role: .bot, library: botLibrary(callee), token: token)
        case "TeleBot", "AsyncTeleBot":
            return TelegramObject(role: .teleBot, library: .pyTelegramBotAPI, token: token)
        case "Updater":
            if let bot = call.argument("bot") { return TelegramObject(role: .updater, library: .pythonTelegramBot, token: self.token(of: bot, in: scope, depth: depth)) }
            return TelegramObject(role: .updater, library: .pythonTelegramBot, token: token)
        case "Dispatcher":
            guard let bot = call.argument("bot", position: 0) else {
                return TelegramObject(role: .dispatcher, library: .aiogram3, token: nil)
            }
            let library: Library = index.libraries.pythonTelegramBot && !index.libraries.aiogram ? .pythonTelegramBot : .aiogram2
            return TelegramObject(role: .dispatcher, library: library, token: self.token(of: bot, in: scope, depth: depth))
        default:
            return nil
        }
    }

    /// aiogram or python-telegram-bot, from where `Bot` was imported.
    private func botLibrary(_ callee: PyExpr) -> Library {
        let module = callee.dottedName.flatMap { dotted -> String? in
            let root = String(dotted.split(separator: ".").first ?? "")
            return index.importedName(root)?.module ?? root
        } ?? ""
        if module.hasPrefix("aiogram") { return index.libraries.aiogramLibrary }
        if module.hasPrefix("telegram") { return .pythonTelegramBot }
        if module.hasPrefix("telebot") { return .pyTelegramBotAPI }
        return index.libraries.aiogram && !index.libraries.pythonTelegramBot ? index.libraries.aiogramLibrary : .pythonTelegramBot
    }

    /// `Application.builder().token(T)...build()` / `ApplicationBuilder().token(T)`.
    private func applicationBuilder(_ expr: PyExpr, in scope: PythonScope, depth: Int) -> TelegramObject? {
        var token: ValueExpr?
        var current = expr
        while case .call(let callee, _) = current.node {
            switch callee.node {
            case .attribute(let base, let method):
                if method == "token", token == nil, let argument = current.argument(nil, position: 0) {
                    token = value(argument, in: scope, depth: depth)
                } else if method == "bot", token == nil, let argument = current.argument(nil, position: 0) {
                    token = self.token(of: argument, in: scope, depth: depth)
                } else if method == "builder", base.terminalName == "Application" {
                    return TelegramObject(role: .application, library: .pythonTelegramBot, token: token)
                }
                current = base
            case .name("ApplicationBuilder"):
                return TelegramObject(role: .application, library: .pythonTelegramBot, token: token)
            default:
                return nil
            }
        }
        return nil
    }

    /// The token behind a bot-like expression: a resolved object's token, else the name for the
    /// linker to follow (`.symbol("dp")`, `.attribute(base: "loader", name: "dp")`).
    func token(of expr: PyExpr, in scope: PythonScope, depth: Int = 0) -> ValueExpr {
        if let object = object(expr, in: scope, depth: depth), let token = object.token { return token }
        switch expr.node {
        case .await(let inner):
            return token(of: inner, in: scope, depth: depth + 1)
        case .name(let name):
            switch binding(of: name, in: scope) {
            case .imported, .unbound: return .symbol(name)
            case .value, .parameter: return .unknown(name)
            }
        case .attribute(let base, let member):
            if ["bot", "updater", "application", "dispatcher"].contains(member), depth < Self.maxDepth,
               case .name = base.node {
                return token(of: base, in: scope, depth: depth + 1)
            }
            if let dotted = base.dottedName, dotted != "self", case .name = base.node,
               case .imported = binding(of: dotted, in: scope) {
                return .attribute(base: dotted, name: member)
            }
            return .unknown(text(expr))
        default:
            return .unknown(text(expr))
        }
    }
}
