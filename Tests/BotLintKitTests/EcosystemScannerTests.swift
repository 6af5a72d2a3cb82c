import Testing
@testable import BotLintKit

/// Go, Rust, Java/Kotlin, C#, PHP, Ruby and Swift scanners: one summary per snippet.
private func scan(_ extractor: some Extractor, _ path: String, _ source: String) -> CodeSummary {
    analyze(extractor, path, source).code ?? CodeSummary(path: path, language: .other)
}

private func facts(_ summary: CodeSummary) -> [String] {
    summary.facts.map { "\($0.kind.rawValue) \($0.api) \($0.token.displayName) \($0.condition.display)" }
}

// MARK: - Lexer

@Test func cFamilyLexerSkipsCommentsAndKeepsStrings() {
    let tokens = CFamilyLexer.tokens(Array("a := `raw // x` // b.GetUpdatesChan(u)\n/* c */ d(\"s\\\"q\")".utf8), syntax: .go)
    #expect(tokens.map(\.text) == ["a", ":=", "raw // x", "d", "(", "s\"q", ")"])
    #expect(tokens[3].line == 2 && tokens[3].newlineBefore)
    let rust = CFamilyLexer.tokens(Array("fn f<'a>(x: &'a str) { r#\"q\"# /* /* nested */ */ }".utf8), syntax: .rust)
    #expect(rust.contains { $0.kind == .string && $0.text == "q" })
    #expect(!rust.contains { $0.text == "nested" })
    let php = CFamilyLexer.tokens(Array("<?php # note\n$t = 'it\\'s'; $x = <<<EOT\nhandle()\nEOT;\n".utf8), syntax: .php)
    #expect(php.contains { $0.kind == .identifier && $0.text == "$t" })
    #expect(php.contains { $0.kind == .string && $0.text == "it's" })
    #expect(!php.contains { $0.kind == .identifier && $0.text == "handle" })
}

@Test func unterminatedInputNeverCrashes() {
    for text in ["\"abc", "/* open", "`raw", "r#\"x", "<<<EOT\nx", "'", "@\"x", "\"\"\"x"] {
        for syntax in [CFamilySyntax.go, .rust, .java, .kotlin, .csharp, .swift, .php] {
            _ = CFamilyLexer.tokens(Array(text.utf8), syntax: syntax)
        }
        _ = RubyLexer.tokens(Array(text.utf8))
    }
}

// MARK: - Go

@Test func goBotAPIPollerWithEnvToken() {
    let summary = scan(GoScanner(), "main.go", """
    package main

    import (
        "os"
        tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
        "github.com/acme/bot/internal/handlers"
    )

    func main() {
        bot, _ := tgbotapi.NewBotAPI(os.Getenv("BOT_TOKEN"))
        // bot.ListenForWebhook("/") is commented out
        for update := range bot.GetUpdatesChan(tgbotapi.NewUpdate(0)) {
            handlers.Handle(update, "bot.GetUpdatesChan(u) in a string")
        }
    }
    """)
    #expect(facts(summary) == ["poll GetUpdatesChan BOT_TOKEN always"])
    #expect(summary.imports.map(\.module) == ["os", "github.com/go-telegram-bot-api/telegram-bot-api/v5", "github.com/acme/bot/internal/handlers"])
}

@Test func goModeSwitchThroughFunctions() {
    let summary = scan(GoScanner(), "main.go", """
    package main

    import (
        "os"
        "github.com/go-telegram/bot"
    )

    func main() {
        b, _ := bot.New(os.Getenv("TOKEN"))
        if os.Getenv("WEBHOOK_URL") != "" {
            serve(b)
        } else {
            b.Start(ctx)
        }
    }

    func serve(b *bot.Bot) {
        b.SetWebhook(ctx, &bot.SetWebhookParams{URL: os.Getenv("WEBHOOK_URL")})
        go b.StartWebhook(ctx)
    }
    """)
    #expect(facts(summary) == [
        "poll Start TOKEN WEBHOOK_URL is not set",
        "setWebhook SetWebhook TOKEN WEBHOOK_URL is set",
        "serveWebhook StartWebhook TOKEN WEBHOOK_URL is set",
    ])
}

@Test func telebotWebhookWithoutSetup() {
    let summary = scan(GoScanner(), "main.go", """
    package main
    import tele "gopkg.in/telebot.v3"
    func main() {
        b, _ := tele.NewBot(tele.Settings{Token: "123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            Poller: &tele.Webhook{Listen: ":8080", IgnoreSetWebhook: true}})
        b.Start()
    }
    """)
    #expect(summary.facts.map(\.kind) == [.serveWebhook])
}

@Test func telebotLongPollerWithSettingsToken() {
    let summary = scan(GoScanner(), "main.go", """
    package main
    import tele "gopkg.in/telebot.v3"
    func main() {
        pref := tele.Settings{Token: os.Getenv("TOKEN"), Poller: &tele.LongPoller{Timeout: 10 * time.Second}}
        b, _ := tele.NewBot(pref)
        b.Start()
    }
    """)
    #expect(facts(summary) == ["poll tele.LongPoller TOKEN always"])
}

// MARK: - Rust

@Test func teloxideDispatcher() {
    let summary = scan(RustScanner(), "src/main.rs", """
    async fn main() {
        let bot = Bot::new(std::env::var("BOT_TOKEN").unwrap());
        Dispatcher::builder(bot, schema()).enable_ctrlc_handler().build().dispatch().await;
    }
    """)
    #expect(facts(summary) == ["poll Dispatcher::dispatch BOT_TOKEN always"])
}

@Test func teloxidePollingAndWebhookArms() {
    let summary = scan(RustScanner(), "src/main.rs", """
    use teloxide::prelude::*;
    #[tokio::main]
    async fn main() {
        let bot = Bot::from_env();
        match std::env::var("MODE").as_deref() {
            Ok("webhook") => {
                let listener = webhooks::axum_no_setup(bot.clone(), options).await;
            }
            _ => teloxide::repl(bot, handler).await,
        }
    }
    """)
    #expect(facts(summary) == [
        "serveWebhook webhooks::axum_no_setup TELOXIDE_TOKEN MODE == \"webhook\"",
        "poll teloxide::repl TELOXIDE_TOKEN MODE != \"webhook\"",
    ])
}

// MARK: - JVM

@Test func telegramBotsSixClassWithGetter() {
    let summary = scan(JVMScanner(), "src/main/java/a/Bot.java", """
    @Component
    @ConditionalOnProperty(prefix = "bot", name = "enabled", havingValue = "true")
    public class Bot extends TelegramLongPollingBot {
        @Override
        public String getBotToken() { return System.getenv("BOT_TOKEN"); }
        @Override
        public void onUpdateReceived(Update update) { }
    }
    """)
    #expect(facts(summary) == ["poll extends TelegramLongPollingBot BOT_TOKEN BOT_ENABLED == \"true\""])
}

@Test func telegramBotsSevenApplication() {
    let summary = scan(JVMScanner(), "src/main/kotlin/Main.kt", """
    fun main() {
        val token = System.getenv("TOKEN")
        TelegramBotsLongPollingApplication().use { app ->
            app.registerBot(token, EchoConsumer(OkHttpTelegramClient(token)))
        }
    }
    """)
    #expect(facts(summary) == ["poll TelegramBotsLongPollingApplication.registerBot TOKEN always"])
}

@Test func springSettingsFileResolvesPlaceholders() {
    let yaml = analyze(AppSettingsExtractor(), "src/main/resources/application.yml", "telegram:\n  bot:\n    token: ${BOT_TOKEN}\n    name: demo\n").code
    #expect(yaml?.language == .settings)
    #expect(yaml?.assignments["telegram.bot.token"] == .env("BOT_TOKEN", default: nil))
    #expect(yaml?.assignments["telegram.bot.name"] == .env("TELEGRAM_BOT_NAME", default: "demo"))
    let json = analyze(AppSettingsExtractor(), "appsettings.json", "{\"Telegram\": {\"Token\": \"\"}}").code
    #expect(json?.assignments["Telegram:Token"] == .env("Telegram__Token", default: ""))
}

// MARK: - C#

@Test func telegramBotDotNetSwitchedByEnv() {
    let summary = scan(CSharpScanner(), "Program.cs", """
    var bot = new TelegramBotClient(builder.Configuration["Bot:Token"]!);
    if (Environment.GetEnvironmentVariable("USE_WEBHOOK") == "true")
    {
        await bot.SetWebhookAsync(url);
    }
    else
    {
        bot.StartReceiving(HandleUpdate, HandleError);
    }
    """)
    #expect(facts(summary) == [
        "setWebhook SetWebhookAsync @settings.Bot:Token USE_WEBHOOK == \"true\"",
        "poll StartReceiving @settings.Bot:Token USE_WEBHOOK != \"true\"",
    ])
}

// MARK: - PHP

@Test func phpSingleRequestOutsideLoops() {
    let summary = scan(PHPScanner(), "poll.php", """
    <?php
    use Longman\\TelegramBot\\Telegram;
    $telegram = new Telegram(getenv('TOKEN'), 'demo_bot');
    $telegram->handleGetUpdates();
    while (true) {
        $telegram->handleGetUpdates();
        sleep(1);
    }
    """)
    #expect(summary.facts.map(\.singleRequest) == [true, false])
    #expect(summary.facts.allSatisfy { $0.token == .env("TOKEN", default: nil) })
}

@Test func laravelConfigAndArtisanSignature() {
    let config = scan(PHPScanner(), "config/telegram.php", """
    <?php
    return ['bots' => ['mybot' => ['token' => env('TELEGRAM_BOT_TOKEN', 'YOUR-BOT-TOKEN')]]];
    """)
    #expect(config.settingsFields["telegram.bots.mybot.token"] == .env("TELEGRAM_BOT_TOKEN", default: "YOUR-BOT-TOKEN"))
    let command = scan(PHPScanner(), "app/Console/Commands/Poll.php", """
    <?php
    class Poll extends Command {
        protected $signature = 'telegram:poll {--once}';
        public function handle() { Telegram::commandsHandler(false); }
    }
    """)
    #expect(command.assignments["$signature"] == .literal("telegram:poll {--once}"))
    #expect(facts(command) == ["poll commandsHandler(false) @settings.telegram.bots.mybot.token always"])
}

// MARK: - Ruby

@Test func rubyBlocksBecomeConditions() {
    let summary = scan(RubyScanner(), "bot.rb", """
    require_relative "lib/handlers"
    # Telegram::Bot::Client.run("commented") { |bot| bot.listen }
    token = ENV.fetch("BOT_TOKEN")
    unless ENV["WEBHOOK_URL"]
      Telegram::Bot::Client.run(token) do |bot|
        bot.listen do |message|
          puts message.text if message
        end
      end
    else
      puts <<~TEXT
        bot.listen is not called here
      TEXT
    end
    """)
    #expect(facts(summary) == ["poll bot.listen BOT_TOKEN WEBHOOK_URL is not set"])
    #expect(summary.imports.map(\.module) == ["./lib/handlers"])
}

@Test func railsGemPollerNeedsItsRakeTask() {
    let summary = scan(RubyScanner(), "config/initializers/telegram.rb", "Telegram.bots_config = { default: ENV['TOKEN'] }\n")
    #expect(summary.facts.map(\.condition) == [.argument("telegram:bot:poller"), .argument("telegram:bot:set_webhook")])
}

// MARK: - Swift

@Test func swiftTelegramSDKConnectionType() {
    let summary = scan(SwiftScanner(), "Sources/App/configure.swift", """
    let token = Environment.get("TOKEN")!
    let bot = try await TGBot(connectionType: .longpolling(limit: nil, timeout: nil, allowedUpdates: nil),
                              dispatcher: nil, tgClient: client, botId: token, log: app.logger)
    """)
    #expect(facts(summary) == ["poll .longpolling TOKEN always"])
}

@Test func markersDecideEagerScanning() {
    #expect(!GoScanner().scansEagerly(SourceFile(path: "util.go", bytes: Array("package util".utf8))))
    #expect(GoScanner().scansEagerly(SourceFile(path: "bot.go", bytes: Array("import \"gopkg.in/telebot.v3\"".utf8))))
    #expect(!GoScanner().accepts(path: "bot_test.go", name: "bot_test.go", isExecutable: false))
}

@Test func fragmentsAtTheStartOfAFileNeverCrash() {
    let fragments = ["=", "->handle()", ".listen", "::from_env()", "= x", ": y", "} else {", "case 'a':", "=> x", "@Value(",
                     "end end end", "elsif x", "when 'a'", "<<~EOS", "%q(", "$x = [", "[FromBody]", "fn", "func (", "registerBot(a, b)"]
    let scanners: [any Extractor] = [GoScanner(), RustScanner(), JVMScanner(), CSharpScanner(), PHPScanner(), RubyScanner(), SwiftScanner()]
    let paths = ["a.go", "src/a.rs", "A.java", "A.kt", "A.cs", "a.php", "a.rb", "A.swift"]
    for fragment in fragments {
        for scanner in scanners {
            for path in paths where accepts(scanner, path) { _ = analyze(scanner, path, fragment) }
        }
    }
}
