/// What a piece of code does with Telegram updates.
public enum ReceiveKind: String, Sendable, Codable, CaseIterable {
    /// Long-polls getUpdates (a loop, or a library call that starts one).
    case poll
    /// Serves a webhook endpoint: receives POSTed updates (a server or a handler).
    case serveWebhook
    /// Calls setWebhook (directly or through a library that does it on start).
    case setWebhook
    /// Calls deleteWebhook.
    case deleteWebhook
}

/// Telegram client libraries botlint knows, with the behaviour rules need to explain a conflict.
public enum Library: String, Sendable, Codable, CaseIterable {
    case pythonTelegramBot = "python-telegram-bot"
    case aiogram2 = "aiogram 2"
    case aiogram3 = "aiogram 3"
    case pyTelegramBotAPI = "pyTelegramBotAPI"
    case nodeTelegramBotAPI = "node-telegram-bot-api"
    case telegraf = "Telegraf"
    case grammy = "grammY"
    case grammyRunner = "grammY runner"
    /// Direct HTTP calls to api.telegram.org (`/getUpdates`, `/setWebhook`, ...), any language.
    case botAPI = "Bot API (HTTP)"
    /// Go: github.com/go-telegram-bot-api/telegram-bot-api v4/v5. Its update loop logs a 409 and
    /// retries every few seconds, so a conflict never stops the process.
    case goTelegramBotAPI = "go-telegram-bot-api"
    /// Go: gopkg.in/telebot v3/v4 (`tele.LongPoller`, `tele.Webhook`). Retries on 409 too.
    case telebot = "telebot (Go)"
    /// Go: github.com/go-telegram/bot. Retries on 409 too.
    case goTelegramBot = "go-telegram/bot"
    /// Rust: teloxide. Its polling listener deletes the webhook first; its axum webhook listener
    /// sets the webhook on start and deletes it on shutdown.
    case teloxide = "teloxide"
    /// Java/Kotlin: TelegramBots 6 (`TelegramBotsApi.registerBot` clears the webhook first).
    case telegramBots6 = "TelegramBots 6"
    /// Java/Kotlin: TelegramBots 7+ (`TelegramBotsLongPollingApplication`, Spring Boot starter).
    case telegramBots7 = "TelegramBots 7"
    /// C#: Telegram.Bot (`StartReceiving`, `ReceiveAsync`).
    case telegramBotDotNet = "Telegram.Bot"
    /// PHP: irazasyed/telegram-bot-sdk. One `getUpdates` per call: a loop or a schedule polls.
    case telegramBotSDK = "telegram-bot-sdk (PHP)"
    /// PHP: php-telegram-bot/core. One `getUpdates` per `handleGetUpdates()` call.
    case phpTelegramBot = "php-telegram-bot"
    /// Ruby: telegram-bot-ruby (`Telegram::Bot::Client.run`, `bot.listen`).
    case telegramBotRuby = "telegram-bot-ruby"
    /// Ruby: the telegram-bot gem (Rails `telegram:bot:poller`, `telegram_webhook` routes).
    case telegramBotGem = "telegram-bot (Ruby)"
    /// Swift: swift-telegram-sdk (`TGBot` with `.longpolling` or `.webhook`).
    case swiftTelegramSDK = "swift-telegram-sdk"

    /// Whether starting to poll calls deleteWebhook first. Then a poller silently removes
    /// another service's webhook; otherwise it fails with 409 while the webhook is set.
    /// For the libraries of Go, Rust, Java, C#, PHP, Ruby and Swift this is from their published
    /// sources as of 2024 (not re-read here: Go modules, crates, Maven, NuGet and Composer
    /// packages cannot be fetched offline): teloxide's `polling_default` and TelegramBots 6's
    /// `registerBot` delete the webhook, swift-telegram-sdk's long polling connection does too.
    public var pollingDeletesWebhook: Bool {
        switch self {
        case .pythonTelegramBot, .aiogram2, .telegraf, .grammy, .teloxide, .telegramBots6, .swiftTelegramSDK: true
        case .aiogram3, .pyTelegramBotAPI, .nodeTelegramBotAPI, .grammyRunner, .botAPI, .goTelegramBotAPI, .telebot,
             .goTelegramBot, .telegramBots7, .telegramBotDotNet, .telegramBotSDK, .phpTelegramBot, .telegramBotRuby,
             .telegramBotGem: false
        }
    }

    /// Whether a webhook server of this library calls deleteWebhook when it shuts down. Then
    /// an old instance stopping after a new one started (an overlapping deploy) leaves the bot
    /// without a webhook: teloxide's axum webhook listener and the TelegramBots webhook
    /// application do; the others leave the webhook set when they stop.
    public var deletesWebhookOnShutdown: Bool {
        switch self {
        case .teloxide, .telegramBots7: true
        case .pythonTelegramBot, .aiogram2, .aiogram3, .pyTelegramBotAPI, .nodeTelegramBotAPI, .telegraf,
             .grammy, .grammyRunner, .botAPI, .goTelegramBotAPI, .telebot, .goTelegramBot, .telegramBots6,
             .telegramBotDotNet, .telegramBotSDK, .phpTelegramBot, .telegramBotRuby, .telegramBotGem, .swiftTelegramSDK: false
        }
    }
}

/// Whether code after the call still runs while it receives.
public enum Concurrency: String, Sendable, Codable {
    /// The call blocks until the bot stops (`run_polling()`, `infinity_polling()`).
    case blocking
    /// The call returns and receiving goes on in the background (JS libraries, threads, tasks).
    case background
}

/// One receiving call found in source. Comments and string contents never produce one.
public struct CodeFact: Hashable, Sendable, Codable {
    public var kind: ReceiveKind
    public var library: Library
    /// The call as users know it, e.g. `run_polling`, `executor.start_polling`, `{polling: true}`.
    public var api: String
    /// The token the call uses, resolved as far as this file allows.
    public var token: ValueExpr
    /// When it runs, relative to the start of its enclosing function (or the module).
    public var condition: Condition
    /// Enclosing function, qualified as `Class.method` or `outer.inner`; nil at module level.
    public var function: String?
    /// Inside `if __name__ == "__main__":` (runs only when this file is the entry point).
    public var mainGuarded: Bool
    public var concurrency: Concurrency
    /// For setWebhook/serveWebhook: the URL it registers, when visible.
    public var webhookURL: ValueExpr?
    /// One getUpdates request per call, outside any loop (PHP's `handleGetUpdates()`): it
    /// polls only when a scheduler runs it again and again, so only scheduled runners count it.
    public var singleRequest: Bool
    public var location: SourceLocation

    public init(kind: ReceiveKind, library: Library, api: String, token: ValueExpr,
                condition: Condition = .always, function: String? = nil, mainGuarded: Bool = false,
                concurrency: Concurrency = .blocking, webhookURL: ValueExpr? = nil, singleRequest: Bool = false,
                location: SourceLocation) {
        self.singleRequest = singleRequest
        self.kind = kind
        self.library = library
        self.api = api
        self.token = token
        self.condition = condition
        self.function = function
        self.mainGuarded = mainGuarded
        self.concurrency = concurrency
        self.webhookURL = webhookURL
        self.location = location
    }
}

public enum SourceLanguage: String, Sendable, Codable {
    case python, javascript, typescript, go, rust, java, kotlin, csharp, php, ruby, swift
    /// Application settings read by a framework: Spring `application.yml`/`.properties`, .NET
    /// `appsettings.json`. Their `assignments` map property paths to values.
    case settings
    case other
}

/// `from app.loader import dp` / `import config` / `const { bot } = require("./bot")`.
public struct ImportBinding: Hashable, Sendable, Codable {
    /// The name bound in this file (`dp`, `config`); nil for side-effect imports (`import "./x"`).
    public var localName: String?
    /// The module as written: Python dotted (`app.loader`, `.config`, `..x`), JS specifier (`./bot`).
    public var module: String
    /// The imported member (`dp`); nil when the whole module is bound; `default` for JS defaults.
    public var importedName: String?
    public var location: SourceLocation

    public init(localName: String?, module: String, importedName: String?, location: SourceLocation) {
        self.localName = localName
        self.module = module
        self.importedName = importedName
        self.location = location
    }
}

/// Code that a framework calls without a visible call site.
public enum FrameworkHook: String, Sendable, Codable {
    /// Django `AppConfig.ready()`: runs in every process that loads Django (workers, manage.py).
    case djangoReady
    /// A Flask/FastAPI app factory (`create_app`) that a server calls on load.
    case appFactory
    /// A startup/lifespan hook (`@app.on_event("startup")`, `lifespan`, `on_startup=`), per worker.
    case startup
    /// Any other decorated function (a route, a handler): called by the framework on events.
    case decorated
}

public struct FunctionInfo: Hashable, Sendable, Codable {
    /// Qualified as in `CodeFact.function`.
    public var name: String
    public var hook: FrameworkHook?
    public var location: SourceLocation

    public init(name: String, hook: FrameworkHook? = nil, location: SourceLocation) {
        self.name = name
        self.hook = hook
        self.location = location
    }

    /// The last component: what call sites use (`main` for `Bot.main`).
    public var shortName: String { name.split(separator: ".").last.map(String.init) ?? name }
}

/// A place that calls or passes a function by name (`main()`, `target=run_bot`, `asyncio.run(main())`).
public struct FunctionReference: Hashable, Sendable, Codable {
    public var name: String
    public var condition: Condition
    /// Enclosing function of the reference; nil at module level.
    public var function: String?
    public var mainGuarded: Bool
    public var location: SourceLocation

    public init(name: String, condition: Condition = .always, function: String? = nil,
                mainGuarded: Bool = false, location: SourceLocation) {
        self.name = name
        self.condition = condition
        self.function = function
        self.mainGuarded = mainGuarded
        self.location = location
    }
}

/// Everything a code scanner learns from one source file.
public struct CodeSummary: Hashable, Sendable, Codable {
    public var path: String
    public var language: SourceLanguage
    public var facts: [CodeFact] = []
    public var imports: [ImportBinding] = []
    public var functions: [FunctionInfo] = []
    public var references: [FunctionReference] = []
    /// Module-level names and what they hold. A bot/application/dispatcher object maps to the
    /// token it was built with, so `executor.start_polling(dp)` resolves through `dp`.
    public var assignments: [String: ValueExpr] = [:]
    /// Line of each Python module-level name in `assignments`, so a finding can point at a setting
    /// read from a Python config file (gunicorn's `workers = 3`).
    public var assignmentLines: [String: Int] = [:]
    /// pydantic `BaseSettings` and similar: `ClassName.field` → the env var it reads.
    public var settingsFields: [String: ValueExpr] = [:]
    /// `load_dotenv()` / `require("dotenv").config()`: the files it loads ("" = the default `.env`).
    public var dotenvLoads: [String] = []
    /// The file passes or checks a webhook secret (`secret_token`, `secretToken`, the
    /// `X-Telegram-Bot-Api-Secret-Token` header). A mention is enough: BL302 prefers silence.
    public var mentionsWebhookSecret = false

    public init(path: String, language: SourceLanguage) {
        self.path = path
        self.language = language
    }
}
