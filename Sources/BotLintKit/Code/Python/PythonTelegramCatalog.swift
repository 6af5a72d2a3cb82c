/// A receiving call recognised by the catalog, before the walker adds where and when it runs.
struct PythonFactDraft: Sendable {
    var kind: ReceiveKind
    var library: Library
    var api: String
    var token: ValueExpr
    var webhookURL: ValueExpr?
    /// The library call returns while receiving goes on (PTB `updater.start_polling()`).
    var runsInBackground = false
}

/// Knows how python-telegram-bot, aiogram 2/3 and pyTelegramBotAPI receive updates. Verified
/// against python-telegram-bot 13.15 and 21.6, aiogram 2.25.2 and 3.13.1, pyTelegramBotAPI 4.23.
struct PythonTelegramCatalog: Sendable {
    let resolver: PythonValueResolver
    private var hints: PythonLibraryHints { resolver.index.libraries }

    /// The facts one call expression makes (several for `dp.start_polling(bot1, bot2)`).
    func drafts(for call: PyExpr, in scope: PythonScope) -> [PythonFactDraft] {
        guard case .call(let callee, _) = call.node, let method = callee.terminalName else { return [] }
        let receiver: PyExpr? = if case .attribute(let base, _) = callee.node { base } else { nil }
        switch method {
        case "run_polling":
            return runPolling(call, receiver: receiver, in: scope)
        case "run_webhook":
            // PTB `Updater._start_webhook` always bootstraps set_webhook (with a generated URL
            // when `webhook_url` is absent), so serving implies setting.
            return serveAndSet(.pythonTelegramBot, api: "run_webhook", call: call, receiver: receiver,
                               url: call.argument("webhook_url"), in: scope)
        case "start_polling":
            return startPolling(call, receiver: receiver, in: scope)
        case "start_webhook":
            return startWebhook(call, receiver: receiver, in: scope)
        case "set_webhook", "setWebhook":
            return setWebhook(call, method: method, receiver: receiver, in: scope)
        case "delete_webhook", "remove_webhook", "deleteWebhook":
            guard let receiver, !isExecutor(receiver) else { return [] }
            return [draft(.deleteWebhook, library(of: receiver, in: scope), method, receiver, in: scope)]
        case "polling", "infinity_polling":
            guard let receiver, isTeleBot(receiver, in: scope) else { return [] }
            return [draft(.poll, .pyTelegramBotAPI, method, receiver, in: scope)]
        case "run_webhooks":
            return serveAndSet(.pyTelegramBotAPI, api: method, call: call, receiver: receiver,
                               url: call.argument("webhook_url"), in: scope)
        case "process_new_updates":
            guard let receiver else { return [] }
            return [draft(.serveWebhook, .pyTelegramBotAPI, method, receiver, in: scope)]
        case "process_update":
            return processUpdate(receiver: receiver, in: scope)
        case "put":
            guard let receiver, receiver.terminalName == "update_queue", case .attribute(let owner, _) = receiver.node else { return [] }
            return [draft(.serveWebhook, .pythonTelegramBot, "update_queue.put", owner, in: scope)]
        case "feed_update", "feed_webhook_update", "feed_raw_update":
            guard let bot = call.argument("bot", position: 0) else { return [] }
            return [PythonFactDraft(kind: .serveWebhook, library: .aiogram3, api: method,
                                    token: resolver.token(of: bot, in: scope))]
        case "SimpleRequestHandler", "TokenBasedRequestHandler":
            let token = call.argument("bot").map { resolver.token(of: $0, in: scope) } ?? .unknown(method)
            return [PythonFactDraft(kind: .serveWebhook, library: .aiogram3, api: method, token: token)]
        default:
            return []
        }
    }

    // MARK: Polling

    private func runPolling(_ call: PyExpr, receiver: PyExpr?, in scope: PythonScope) -> [PythonFactDraft] {
        guard let receiver else { return [] }
        let object = resolver.object(receiver, in: scope)
        let isAiogram = object.map { $0.library == .aiogram3 || $0.library == .aiogram2 }
            ?? (!call.positionalArguments.isEmpty || (hints.aiogram && !hints.pythonTelegramBot))
        guard isAiogram else { return [draft(.poll, .pythonTelegramBot, "run_polling", receiver, in: scope)] }
        return aiogram3Polling(call, api: "run_polling", receiver: receiver, in: scope)
    }

    private func startPolling(_ call: PyExpr, receiver: PyExpr?, in scope: PythonScope) -> [PythonFactDraft] {
        guard let receiver else { return [] }
        if isExecutor(receiver) {
            let dispatcher = call.argument("dispatcher", position: 0)
            let token = dispatcher.map { resolver.token(of: $0, in: scope) } ?? .unknown("executor")
            return [PythonFactDraft(kind: .poll, library: .aiogram2, api: "executor.start_polling", token: token)]
        }
        let object = resolver.object(receiver, in: scope)
        let isUpdater = object.map { $0.role == .updater }
            ?? (receiver.terminalName == "updater" || (hints.pythonTelegramBot && !hints.aiogram))
        if isUpdater {
            var fact = draft(.poll, .pythonTelegramBot, "updater.start_polling", receiver, in: scope)
            fact.runsInBackground = true
            return [fact]
        }
        if !call.positionalArguments.isEmpty || object?.library == .aiogram3 {
            return aiogram3Polling(call, api: "start_polling", receiver: receiver, in: scope)
        }
        return [draft(.poll, .aiogram2, "start_polling", receiver, in: scope)]
    }

    /// aiogram 3 takes the bots as arguments: one fact per bot (each token polls).
    private func aiogram3Polling(_ call: PyExpr, api: String, receiver: PyExpr, in scope: PythonScope) -> [PythonFactDraft] {
        let bots = call.positionalArguments
        guard !bots.isEmpty else { return [draft(.poll, .aiogram3, api, receiver, in: scope)] }
        return bots.map { bot in
            PythonFactDraft(kind: .poll, library: .aiogram3, api: api, token: resolver.token(of: bot, in: scope))
        }
    }

    // MARK: Webhooks

    private func startWebhook(_ call: PyExpr, receiver: PyExpr?, in scope: PythonScope) -> [PythonFactDraft] {
        guard let receiver else { return [] }
        if isExecutor(receiver) {
            // aiogram 2's executor only serves; users call bot.set_webhook in on_startup.
            let dispatcher = call.argument("dispatcher", position: 0)
            let token = dispatcher.map { resolver.token(of: $0, in: scope) } ?? .unknown("executor")
            return [PythonFactDraft(kind: .serveWebhook, library: .aiogram2, api: "executor.start_webhook", token: token)]
        }
        var facts = serveAndSet(.pythonTelegramBot, api: "updater.start_webhook", call: call, receiver: receiver,
                                url: call.argument("webhook_url"), in: scope)
        for i in facts.indices { facts[i].runsInBackground = true }
        return facts
    }

    private func setWebhook(_ call: PyExpr, method: String, receiver: PyExpr?, in scope: PythonScope) -> [PythonFactDraft] {
        guard let receiver else { return [] }
        if isExecutor(receiver) {
            let dispatcher = call.argument("dispatcher", position: 0)
            let token = dispatcher.map { resolver.token(of: $0, in: scope) } ?? .unknown("executor")
            return [PythonFactDraft(kind: .serveWebhook, library: .aiogram2, api: "executor.set_webhook", token: token)]
        }
        var fact = draft(.setWebhook, library(of: receiver, in: scope), method, receiver, in: scope)
        fact.webhookURL = call.argument("url", position: 0).map { resolver.value($0, in: scope) }
        return [fact]
    }

    private func serveAndSet(_ library: Library, api: String, call: PyExpr, receiver: PyExpr?, url: PyExpr?,
                             in scope: PythonScope) -> [PythonFactDraft] {
        guard let receiver else { return [] }
        var serve = draft(.serveWebhook, library, api, receiver, in: scope)
        serve.webhookURL = url.map { resolver.value($0, in: scope) }
        var set = serve
        set.kind = .setWebhook
        return [serve, set]
    }

    private func processUpdate(receiver: PyExpr?, in scope: PythonScope) -> [PythonFactDraft] {
        guard let receiver else { return [] }
        let object = resolver.object(receiver, in: scope)
        guard object != nil || hints.hasAny else { return [] }
        let library = object?.library ?? (hints.pythonTelegramBot || !hints.aiogram ? .pythonTelegramBot : hints.aiogramLibrary)
        return [draft(.serveWebhook, library, "process_update", receiver, in: scope)]
    }

    // MARK: Helpers

    private func draft(_ kind: ReceiveKind, _ library: Library, _ api: String, _ receiver: PyExpr,
                       in scope: PythonScope) -> PythonFactDraft {
        PythonFactDraft(kind: kind, library: library, api: api, token: resolver.token(of: receiver, in: scope))
    }

    private func isExecutor(_ receiver: PyExpr) -> Bool {
        receiver.dottedName == "executor" || receiver.dottedName?.hasSuffix(".executor") == true
    }

    /// `.polling()` is a common method name: only a TeleBot, or a `bot`-like name in a file that
    /// uses pyTelegramBotAPI or no other Telegram library.
    private func isTeleBot(_ receiver: PyExpr, in scope: PythonScope) -> Bool {
        if let object = resolver.object(receiver, in: scope) { return object.role == .teleBot }
        if hints.pyTelegramBotAPI { return true }
        guard !hints.hasAny, let name = receiver.terminalName?.lowercased() else { return false }
        return name.contains("bot")
    }

    private func library(of receiver: PyExpr, in scope: PythonScope) -> Library {
        if let object = resolver.object(receiver, in: scope) { return object.library }
        if hints.pyTelegramBotAPI { return .pyTelegramBotAPI }
        if hints.aiogram { return hints.aiogramLibrary }
        return .pythonTelegramBot
    }
}
