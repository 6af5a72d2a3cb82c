import Foundation

/// A name imported from a Telegram library or from dotenv.
enum JSLibraryExport: Equatable, Sendable {
    case ntbaClass
    case telegrafClass
    /// Telegraf's `Telegram` API client (`new Telegram(token).setWebhook(url)`).
    case telegrafClient
    case grammyBot
    /// grammY's `Api` client.
    case grammyClient
    case grammyWebhookCallback
    case grammyRun
    case dotenvModule
    case dotenvConfig
}

/// The kind of bot object a constructor call produced.
enum JSBotKind: Sendable {
    case ntba, telegraf, telegrafClient, grammyBot, grammyClient

    var library: Library {
        switch self {
        case .ntba: .nodeTelegramBotAPI
        case .telegraf, .telegrafClient: .telegraf
        case .grammyBot, .grammyClient: .grammy
        }
    }
}

/// What a method call on a bot object does.
enum JSMethodAction: Equatable, Sendable {
    case receive(ReceiveKind)
    /// setWebhook with the URL as first argument.
    case setWebhook
    /// Telegraf `launch(options)`: polls, or serves and sets a webhook with `{ webhook: ... }`.
    case launch
    /// Telegraf `createWebhook({ domain, path })`: sets the webhook and returns its handler.
    case createWebhook
}

/// The libraries' real behaviour, as one table per library.
enum JavaScriptLibraryCatalog {
    /// What `importedName` of `module` is; nil importedName is the module object itself
    /// (`require("x")`, `import * as x`), which for node-telegram-bot-api and Telegraf 3 is the class.
    static func export(module: String, importedName: String?) -> JSLibraryExport? {
        switch family(of: module) {
        case .ntba:
            return importedName == nil || importedName == "default" ? .ntbaClass : nil
        case .telegraf:
            switch importedName {
            case nil, "default", "Telegraf": return .telegrafClass
            case "Telegram": return .telegrafClient
            default: return nil
            }
        case .grammy:
            switch importedName {
            case "Bot": return .grammyBot
            case "Api": return .grammyClient
            case "webhookCallback": return .grammyWebhookCallback
            default: return nil
            }
        case .grammyRunner:
            return importedName == "run" ? .grammyRun : nil
        case .dotenv:
            switch importedName {
            case nil, "default": return .dotenvModule
            case "config": return .dotenvConfig
            default: return nil
            }
        case nil:
            return nil
        }
    }

    enum Family {
        case ntba, telegraf, grammy, grammyRunner, dotenv
    }

    /// Package specifiers as written, Deno URLs included (`https://deno.land/x/grammy@v1/mod.ts`).
    static func family(of module: String) -> Family? {
        switch module {
        case "node-telegram-bot-api": return .ntba
        case "telegraf": return .telegraf
        case "grammy", "grammy/web": return .grammy
        case "@grammyjs/runner": return .grammyRunner
        case "dotenv": return .dotenv
        default: break
        }
        return denoOrNpmFamily(of: module)
    }

    /// `npm:grammy@1`, `https://deno.land/x/grammy@v1.20.3/mod.ts`, `https://deno.land/x/grammy_runner/mod.ts`.
    private static func denoOrNpmFamily(of module: String) -> Family? {
        if module.hasPrefix("npm:telegraf") { return .telegraf }
        if module.hasPrefix("npm:@grammyjs/runner") { return .grammyRunner }
        if module.hasPrefix("npm:grammy") { return .grammy }
        guard let start = module.firstRange(of: "deno.land/x/")?.upperBound else { return nil }
        let name = module[start...].prefix { $0 != "/" && $0 != "@" }
        switch name {
        case "grammy": return .grammy
        case "grammy_runner": return .grammyRunner
        default: return nil
        }
    }

    /// `import "dotenv/config"` and `node -r dotenv/config`-style side-effect imports.
    static func loadsDotenv(sideEffectModule module: String) -> Bool {
        module == "dotenv/config" || module == "dotenv-flow/config"
    }

    static func kind(constructedFrom export: JSLibraryExport) -> JSBotKind? {
        switch export {
        case .ntbaClass: .ntba
        case .telegrafClass: .telegraf
        case .telegrafClient: .telegrafClient
        case .grammyBot: .grammyBot
        case .grammyClient: .grammyClient
        default: nil
        }
    }

    /// `method` is the member path after the object (`launch`, `telegram.setWebhook`).
    static func action(for kind: JSBotKind, method: String) -> JSMethodAction? {
        switch kind {
        case .ntba:
            switch method {
            case "startPolling": return .receive(.poll)
            case "setWebHook", "setWebhook": return .setWebhook
            case "deleteWebHook", "deleteWebhook": return .receive(.deleteWebhook)
            case "processUpdate", "openWebHook": return .receive(.serveWebhook)
            default: return nil
            }
        case .telegraf:
            switch method {
            case "launch": return .launch
            case "createWebhook": return .createWebhook
            // startPolling/startWebhook are Telegraf 3's names for the same loops.
            case "startPolling": return .receive(.poll)
            case "webhookCallback", "handleUpdate", "startWebhook": return .receive(.serveWebhook)
            case "telegram.setWebhook": return .setWebhook
            case "telegram.deleteWebhook": return .receive(.deleteWebhook)
            default: return nil
            }
        case .grammyBot:
            switch method {
            case "start": return .receive(.poll)
            case "handleUpdate": return .receive(.serveWebhook)
            case "api.setWebhook": return .setWebhook
            case "api.deleteWebhook": return .receive(.deleteWebhook)
            default: return nil
            }
        case .telegrafClient, .grammyClient:
            switch method {
            case "setWebhook": return .setWebhook
            case "deleteWebhook": return .receive(.deleteWebhook)
            default: return nil
            }
        }
    }

    /// For a bot imported from another file of the repository: the kind a call shape proves.
    /// `launch`/`start` prove nothing alone (puppeteer, servers), so they count only when this
    /// file itself imports that library.
    static func kind(provenByMethod method: String, importedFamilies: Set<Family>, root: String = "") -> JSBotKind? {
        switch method {
        case "telegram.setWebhook", "telegram.deleteWebhook", "createWebhook", "webhookCallback": return .telegraf
        case "api.setWebhook", "api.deleteWebhook": return .grammyBot
        case "setWebHook", "deleteWebHook", "processUpdate", "openWebHook": return .ntba
        case "launch":
            // `import { bot } from "./bot"; bot.launch()` is the usual Telegraf split; a file that
            // imports no bot library but launches a bot-named object from this repository is that.
            if importedFamilies.contains(.telegraf) { return .telegraf }
            return importedFamilies.isEmpty && root.lowercased().contains("bot") ? .telegraf : nil
        case "start": return importedFamilies.contains(.grammy) ? .grammyBot : nil
        case "startPolling":
            if importedFamilies.contains(.ntba) { return .ntba }
            return importedFamilies.contains(.telegraf) ? .telegraf : nil
        default: return nil
        }
    }
}
