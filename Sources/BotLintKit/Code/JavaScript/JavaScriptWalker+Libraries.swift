/// Turns library calls into facts: which receive mode, under which option-derived condition.
extension JSWalker {
    /// A call whose callee may be a library function or a bot object's method.
    func libraryCall(_ segments: [String], args: [Range<Int>], start: Int, _ context: JSContext) {
        if let export = bindings.libraryExport(segments) {
            freeFunction(export, args: args, start: start, context)
        } else if segments.count == 2, bindings.libraryExport([segments[0]]) == .dotenvModule, segments[1] == "config" {
            summary.dotenvLoads.append(dotenvPath(args))
        } else if let (bot, method) = receiver(segments), let action = JavaScriptLibraryCatalog.action(for: bot.kind, method: method) {
            perform(action, bot: bot, method: method, args: args, at: location(start), context)
        }
    }

    private func freeFunction(_ export: JSLibraryExport, args: [Range<Int>], start: Int, _ context: JSContext) {
        let botToken = args.first.map { values.value($0, in: file) } ?? .unknown("")
        switch export {
        case .grammyRun:
            emitFact(.poll, .grammyRunner, api: "run", token: botToken, at: location(start), context)
        case .grammyWebhookCallback:
            emitFact(.serveWebhook, .grammy, api: "webhookCallback", token: botToken, at: location(start), context)
        case .dotenvConfig:
            summary.dotenvLoads.append(dotenvPath(args))
        default:
            break
        }
    }

    private func dotenvPath(_ args: [Range<Int>]) -> String {
        guard let options = args.first, file.isOp(options.lowerBound, JSOp.openBrace),
              let path = property("path", inObject: file.inner(of: options.lowerBound, limit: options.upperBound)),
              path.count == 1 else { return "" }
        return file.stringValue(path.lowerBound) ?? ""
    }

    /// The bot object a call is made on and the method path after it: the longest prefix bound
    /// in this file, else a bot imported from another file when the call shape proves its library.
    private func receiver(_ segments: [String]) -> (JSBotObject, String)? {
        guard segments.count >= 2 else { return nil }
        let root = segments[0]
        if bindings.botRoots.contains(root) {
            for length in stride(from: segments.count - 1, through: 1, by: -1) {
                let prefix = segments[..<length].joined(separator: ".")
                if let bot = bindings.bots[prefix] { return (bot, segments[length...].joined(separator: ".")) }
            }
        }
        guard bindings.relativeImports.contains(root) else { return nil }
        let method = segments.dropFirst().joined(separator: ".")
        guard let kind = JavaScriptLibraryCatalog.kind(provenByMethod: method, importedFamilies: bindings.importedFamilies, root: root) else { return nil }
        return (JSBotObject(kind: kind, token: .symbol(root)), method)
    }

    private func perform(_ action: JSMethodAction, bot: JSBotObject, method: String, args: [Range<Int>],
                         at location: SourceLocation, _ context: JSContext) {
        let library = bot.kind.library
        switch action {
        case .receive(let kind):
            emitFact(kind, library, api: method, token: bot.token, at: location, context)
        case .setWebhook:
            let url = args.first.map { values.value($0, in: file) }
            emitFact(.setWebhook, library, api: method, token: bot.token, url: url, at: location, context)
        case .launch:
            let options = args.first
            let webhook = options.map { propertyCondition("webhook", in: $0, truthy: truthy) } ?? .never
            let url = options.flatMap { propertyRange("webhook", in: $0) }.flatMap(webhookURL(inOptions:))
            emitFact(.serveWebhook, library, api: "launch({ webhook })", token: bot.token, url: url, at: location, context, when: webhook)
            emitFact(.setWebhook, library, api: "launch({ webhook })", token: bot.token, url: url, at: location, context, when: webhook)
            emitFact(.poll, library, api: "launch()", token: bot.token, at: location, context, when: webhook.negated)
        case .createWebhook:
            let url = args.first.flatMap(webhookURL(inOptions:))
            emitFact(.setWebhook, library, api: method, token: bot.token, url: url, at: location, context)
            emitFact(.serveWebhook, library, api: method, token: bot.token, url: url, at: location, context)
        }
    }

    /// `new TelegramBot(token, { polling: ..., webHook: ... })`: polling and the webhook server
    /// start with the object unless `autoStart`/`autoOpen` is false.
    func ntbaConstructorFacts(_ bot: JSBotObject, options: Range<Int>?, at i: Int, _ context: JSContext) {
        guard let options else { return }
        let polling = propertyCondition("polling", in: options) { self.startingOption($0, deferredBy: "autoStart") }
        let webHook = propertyCondition("webHook", in: options) { self.startingOption($0, deferredBy: "autoOpen") }
        emitFact(.poll, .nodeTelegramBotAPI, api: "{polling: true}", token: bot.token, at: location(i), context, when: polling)
        emitFact(.serveWebhook, .nodeTelegramBotAPI, api: "{webHook}", token: bot.token, at: location(i), context, when: webHook)
    }

    private func startingOption(_ value: Range<Int>, deferredBy flag: String) -> Condition {
        let value = file.trimmed(value)
        if file.isOp(value.lowerBound, JSOp.openBrace),
           let deferred = property(flag, inObject: file.inner(of: value.lowerBound, limit: value.upperBound)),
           deferred.count == 1, file.isWord(deferred.lowerBound, "false") {
            return .never
        }
        return truthy(value)
    }

    private func truthy(_ value: Range<Int>) -> Condition { conditions.condition(value) }

    // MARK: - Options objects

    private static let maxOptionDepth = 6

    /// When `key` of an options expression is truthy: through ternaries (`isProd ? {...} : {}`)
    /// and constants (`const options = { polling: true }`).
    func propertyCondition(_ key: String, in options: Range<Int>, depth: Int = 0, truthy: (Range<Int>) -> Condition) -> Condition {
        let options = file.trimmed(options)
        guard !options.isEmpty, depth < Self.maxOptionDepth else { return .opaque(file.sourceText(options)) }
        if let question = file.firstTopLevel(options, where: { file.isOp($0, JSOp.question) }),
           let colon = file.ternaryColon(after: question, limit: options.upperBound) {
            let test = conditions.condition(options.lowerBound..<question)
            let whenTrue = propertyCondition(key, in: (question + 1)..<colon, depth: depth + 1, truthy: truthy)
            let whenFalse = propertyCondition(key, in: (colon + 1)..<options.upperBound, depth: depth + 1, truthy: truthy)
            return .any([.all([test, whenTrue]), .all([test.negated, whenFalse])])
        }
        if file.isOp(options.lowerBound, JSOp.openBrace) {
            guard let value = property(key, inObject: file.inner(of: options.lowerBound, limit: options.upperBound)) else { return .never }
            return truthy(value)
        }
        if options.count == 1, case .expression(let bound)? = bindings.names[file.text(options.lowerBound)] {
            return propertyCondition(key, in: bound, depth: depth + 1, truthy: truthy)
        }
        if options.count == 1, file.isWord(options.lowerBound, "undefined") || file.isWord(options.lowerBound, "null") { return .never }
        // A callback (`launch(() => ...)`) carries no options.
        if isFunctionValue(options) { return .never }
        return .opaque("\(file.sourceText(options)).\(key)")
    }

    /// The range of `key`'s value in an options object literal (or a constant holding one).
    private func propertyRange(_ key: String, in options: Range<Int>) -> Range<Int>? {
        let options = file.trimmed(options)
        if file.isOp(options.lowerBound, JSOp.openBrace) {
            return property(key, inObject: file.inner(of: options.lowerBound, limit: options.upperBound))
        }
        if options.count == 1, case .expression(let bound)? = bindings.names[file.text(options.lowerBound)] {
            let bound = file.trimmed(bound)
            guard file.isOp(bound.lowerBound, JSOp.openBrace) else { return nil }
            return property(key, inObject: file.inner(of: bound.lowerBound, limit: bound.upperBound))
        }
        return nil
    }

    /// Telegraf `{ domain, hookPath }` / `{ domain, path }`: the URL it registers.
    private func webhookURL(inOptions options: Range<Int>) -> ValueExpr? {
        guard let domain = propertyRange("domain", in: options) else { return nil }
        let domainValue = values.value(domain, in: file)
        guard let path = propertyRange("hookPath", in: options) ?? propertyRange("path", in: options) else { return domainValue }
        return .concat([domainValue, values.value(path, in: file)])
    }
}
