import Testing
@testable import BotLintKit

private func analyze(_ source: String, path: String = "bot.py") -> FileAnalysis {
    var analysis = FileAnalysis(path: path)
    PythonScanner().extract(SourceFile(path: path, bytes: Array(source.utf8)), into: &analysis)
    return analysis
}

private func scan(_ source: String, path: String = "bot.py") -> CodeSummary {
    analyze(source, path: path).code ?? CodeSummary(path: path, language: .python)
}

private func kinds(_ summary: CodeSummary) -> [ReceiveKind] { summary.facts.map(\.kind) }

@Suite struct PythonScannerAcceptanceTests {
    @Test func acceptsPythonFilesOnly() {
        let scanner = PythonScanner()
        #expect(scanner.accepts(path: "bot.py", name: "bot.py", isExecutable: false))
        #expect(scanner.accepts(path: "gui.pyw", name: "gui.pyw", isExecutable: false))
        #expect(!scanner.accepts(path: "bot.pyc", name: "bot.pyc", isExecutable: false))
        #expect(!scanner.accepts(path: "index.js", name: "index.js", isExecutable: false))
    }

    /// Files are scanned while the repository is read only when a Telegram marker sits in code
    /// or a string value; docstrings and comments that mention polling leave them for the linker.
    @Test(arguments: [
        ("def load():\n    \"\"\"Unlike bot.py, never calls run_polling().\"\"\"\n    return 1\n", false),
        ("# the webhook lives in web.py\nx = 1\n", false),
        ("class A:\n    '''Talks to Telegram.'''\n    pass\n", false),
        ("app.run_polling()\n", true),
        ("import telegram\n", true),
        ("URL = \"https://api.telegram.org/bot%s/getUpdates\"\n", true),
        ("print(\"polling\")\n", true),
        ("class BotConfig(AppConfig):\n    name = 'bot'\n", true),
    ])
    func scansEagerlyOnlyForMarkersInCode(_ source: String, _ eager: Bool) {
        let file = SourceFile(path: "m.py", bytes: Array(source.utf8))
        #expect(PythonScanner().scansEagerly(file) == eager, "\(source)")
        // The eager path reuses the tokens its test lexed: the summary must be the plain scan's.
        var handedOver = FileAnalysis(path: file.path)
        #expect(PythonScanner().extractIfEager(file, into: &handedOver) == eager, "\(source)")
        var plain = FileAnalysis(path: file.path)
        if eager { PythonScanner().extract(file, into: &plain) }
        #expect(handedOver.code == plain.code, "\(source)")
        #expect(handedOver.notes.map(\.message) == plain.notes.map(\.message))
    }
}

@Suite struct PythonLexerOperatorTests {
    /// Each operator is one token, the longest that matches, as in Python's tokenizer.
    @Test func lexesEveryOperatorWhole() {
        let operators = ["**=", "//=", ">>=", "<<=", "...", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "->", ":=",
                         "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "=", "!", "~", "<", ">", "-", "*", "@"]
        let source = "a " + operators.joined(separator: " a ") + " a .. a **"
        let bytes = Array(source.utf8)
        let lexed = PythonLexer.tokenize(bytes).tokens.filter { $0.kind == .op }
            .map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(lexed == operators + [".", ".", "**"])
    }
}

@Suite struct PythonTelegramBotTests {
    @Test func ptb20PollingWithBuilderAndEnvToken() {
        let summary = scan("""
        import os
        from telegram.ext import Application, CommandHandler

        TOKEN = os.getenv("BOT_TOKEN")

        async def start(update, context):
            await update.message.reply_text("hi")

        def main() -> None:
            application = Application.builder().token(TOKEN).build()
            application.add_handler(CommandHandler("start", start))
            application.run_polling(allowed_updates=["message"])

        if __name__ == "__main__":
            main()
        """)
        #expect(summary.facts.count == 1)
        let fact = summary.facts[0]
        #expect(fact.kind == .poll)
        #expect(fact.library == .pythonTelegramBot)
        #expect(fact.api == "run_polling")
        #expect(fact.token == .env("BOT_TOKEN", default: nil))
        #expect(fact.function == "main")
        #expect(fact.concurrency == .blocking)
        #expect(fact.location.line == 12)
        #expect(!fact.mainGuarded)
        let mainCall = summary.references.first { $0.name == "main" }
        #expect(mainCall?.mainGuarded == true)
        #expect(mainCall?.function == nil)
        #expect(summary.assignments["TOKEN"] == .env("BOT_TOKEN", default: nil))
    }

    @Test func ptb20RunWebhookServesAndSets() {
        let summary = scan("""
        from telegram.ext import ApplicationBuilder
        from config import settings

        app = ApplicationBuilder().token(settings.BOT_TOKEN).build()
        app.run_webhook(listen="0.0.0.0", port=8443, url_path="tg",
                        webhook_url="https://example.com/tg", secret_token="s")
        """)
        #expect(kinds(summary) == [.serveWebhook, .setWebhook])
        #expect(summary.facts.allSatisfy { $0.token == .attribute(base: "settings", name: "BOT_TOKEN") })
        #expect(summary.facts[1].webhookURL == .literal("https://example.com/tg"))
        #expect(summary.assignments["app"] == .attribute(base: "settings", name: "BOT_TOKEN"))
    }

    @Test func ptb13UpdaterPollsInBackground() {
        let summary = scan("""
        from telegram.ext import Updater, CommandHandler
        from decouple import config

        def main():
            updater = Updater(config("TELEGRAM_TOKEN"), use_context=True)
            dp = updater.dispatcher
            dp.add_handler(CommandHandler("start", start))
            updater.start_polling()
            updater.idle()
        """)
        #expect(summary.facts.count == 1)
        #expect(summary.facts[0].api == "updater.start_polling")
        #expect(summary.facts[0].concurrency == .background)
        #expect(summary.facts[0].token == .env("TELEGRAM_TOKEN", default: nil))
    }

    @Test func ptb13StartWebhookWithBotSetWebhook() {
        let summary = scan("""
        import os
        from telegram.ext import Updater
        PORT = int(os.environ.get("PORT", "8443"))
        updater = Updater(token=os.environ["TOKEN"], use_context=True)
        updater.start_webhook(listen="0.0.0.0", port=PORT, url_path="hook")
        updater.bot.set_webhook("https://myapp.herokuapp.com/hook")
        updater.idle()
        """)
        #expect(kinds(summary) == [.serveWebhook, .setWebhook, .setWebhook])
        #expect(summary.facts.allSatisfy { $0.token == .env("TOKEN", default: nil) })
        #expect(summary.facts[2].webhookURL == .literal("https://myapp.herokuapp.com/hook"))
    }

    @Test func ptbUpdaterInsideAsyncContextAndDeleteWebhook() {
        let summary = scan("""
        from telegram.ext import Application
        async def run(application: Application):
            await application.bot.delete_webhook()
            await application.updater.start_polling()
        """)
        #expect(kinds(summary) == [.deleteWebhook, .poll])
        #expect(summary.facts[1].concurrency == .background)
        #expect(summary.facts[1].library == .pythonTelegramBot)
    }

    @Test func webFrameworkViewFeedingUpdates() {
        let summary = scan("""
        from flask import Flask, request
        from telegram import Update
        from bot import application

        app = Flask(__name__)

        @app.post("/webhook")
        async def webhook():
            update = Update.de_json(request.get_json(force=True), application.bot)
            await application.update_queue.put(update)
            return "ok"
        """)
        #expect(summary.facts.count == 1)
        #expect(summary.facts[0].kind == .serveWebhook)
        #expect(summary.facts[0].api == "update_queue.put")
        #expect(summary.facts[0].token == .symbol("application"))
        #expect(summary.functions.first?.hook == .decorated)
    }
}

@Suite struct AiogramTests {
    @Test func aiogram2ExecutorPollingResolvesThroughDispatcher() {
        let summary = scan("""
        import logging
        from aiogram import Bot, Dispatcher, executor, types
        from config import API_TOKEN

        bot = Bot(token=API_TOKEN)
        dp = Dispatcher(bot)

        @dp.message_handler(commands=["start"])
        async def send_welcome(message: types.Message):
            await message.reply("Hi!")

        if __name__ == "__main__":
            executor.start_polling(dp, skip_updates=True)
        """)
        #expect(summary.facts.count == 1)
        let fact = summary.facts[0]
        #expect(fact.library == .aiogram2)
        #expect(fact.api == "executor.start_polling")
        #expect(fact.token == .symbol("API_TOKEN"))
        #expect(fact.mainGuarded)
        #expect(summary.assignments["dp"] == .symbol("API_TOKEN"))
        #expect(summary.functions.first?.hook == .decorated)
    }

    @Test func aiogram2WebhookWithStartupHook() {
        let summary = scan("""
        from aiogram import Bot, Dispatcher
        from aiogram.utils.executor import start_webhook
        from aiogram.utils import executor
        import os

        bot = Bot(token=os.getenv("BOT_TOKEN"))
        dp = Dispatcher(bot)
        WEBHOOK_URL = f"https://{os.getenv('HOST')}/webhook"

        async def on_startup(dp):
            await bot.set_webhook(WEBHOOK_URL)

        executor.start_webhook(dispatcher=dp, webhook_path="/webhook", on_startup=on_startup,
                               host="0.0.0.0", port=int(os.getenv("PORT", 5000)))
        """)
        #expect(kinds(summary) == [.setWebhook, .serveWebhook])
        #expect(summary.facts.allSatisfy { $0.token == .env("BOT_TOKEN", default: nil) })
        #expect(summary.facts[0].library == .aiogram2)
        #expect(summary.facts[0].function == "on_startup")
        #expect(summary.facts[0].webhookURL == .concat([.literal("https://"), .env("HOST", default: nil), .literal("/webhook")]))
        #expect(summary.functions.first { $0.name == "on_startup" }?.hook == .startup)
        #expect(summary.references.contains { $0.name == "on_startup" })
    }

    @Test func aiogram3PollingTakesTokenFromBotArgument() {
        let summary = scan("""
        import asyncio
        from os import getenv
        from aiogram import Bot, Dispatcher, Router
        from aiogram.client.default import DefaultBotProperties
        from aiogram.filters import CommandStart

        TOKEN = getenv("BOT_TOKEN")
        dp = Dispatcher()

        async def main() -> None:
            bot = Bot(token=TOKEN, default=DefaultBotProperties(parse_mode="HTML"))
            await dp.start_polling(bot)

        if __name__ == "__main__":
            asyncio.run(main())
        """)
        #expect(summary.facts.count == 1)
        #expect(summary.facts[0].library == .aiogram3)
        #expect(summary.facts[0].token == .env("BOT_TOKEN", default: nil))
        #expect(summary.facts[0].function == "main")
        #expect(summary.references.contains { $0.name == "main" && $0.mainGuarded })
        #expect(summary.assignments["dp"] == nil)
    }

    @Test func aiogram3MultipleBotsGiveOneFactPerToken() {
        let summary = scan("""
        from aiogram import Dispatcher
        from loader import bot1, bot2
        dp = Dispatcher()
        dp.run_polling(bot1, bot2)
        """)
        #expect(summary.facts.map(\.token) == [.symbol("bot1"), .symbol("bot2")])
        #expect(summary.facts.allSatisfy { $0.library == .aiogram3 && $0.kind == .poll })
    }

    @Test func aiogram3WebhookHandlerAndFeedUpdate() {
        let summary = scan("""
        from aiohttp import web
        from aiogram import Bot, Dispatcher
        from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
        from settings import settings

        bot = Bot(settings.bot_token.get_secret_value())
        dp = Dispatcher()

        async def on_startup(bot: Bot) -> None:
            await bot.set_webhook(f"{settings.base_url}/webhook", secret_token=settings.secret)

        def main():
            dp.startup.register(on_startup)
            app = web.Application()
            SimpleRequestHandler(dispatcher=dp, bot=bot).register(app, path="/webhook")
            setup_application(app, dp, bot=bot)
            web.run_app(app, host="0.0.0.0", port=8080)

        async def handle(request):
            await dp.feed_update(bot, await request.json())
        """)
        #expect(kinds(summary) == [.setWebhook, .serveWebhook, .serveWebhook])
        #expect(summary.facts[1].api == "SimpleRequestHandler")
        #expect(summary.facts[1].token == .attribute(base: "settings", name: "bot_token"))
        #expect(summary.facts[2].api == "feed_update")
        #expect(summary.facts[0].library == .aiogram3)
        #expect(summary.functions.first { $0.name == "on_startup" }?.hook == .startup)
    }

    @Test func aiogramVersionFromImportsWithoutConstructors() {
        let v2 = scan("""
        from aiogram.dispatcher import Dispatcher
        from loader import dp
        async def main():
            await dp.start_polling()
        """)
        #expect(v2.facts.first?.library == .aiogram2)
        #expect(v2.facts.first?.token == .symbol("dp"))
        let v3 = scan("""
        from aiogram import F, Router
        from loader import dp, bot
        async def main():
            await dp.start_polling(bot, allowed_updates=[])
        """)
        #expect(v3.facts.first?.library == .aiogram3)
        #expect(v3.facts.first?.token == .symbol("bot"))
    }

    @Test func createTaskMakesPollingBackground() {
        let summary = scan("""
        import asyncio
        from aiogram import Bot, Dispatcher
        from fastapi import FastAPI
        bot = Bot("123")
        dp = Dispatcher()
        app = FastAPI()

        @app.on_event("startup")
        async def startup():
            asyncio.create_task(dp.start_polling(bot))
        """)
        #expect(summary.facts.count == 1)
        #expect(summary.facts[0].concurrency == .background)
        #expect(summary.facts[0].function == "startup")
        #expect(summary.facts[0].token == .literal("123"))
        #expect(summary.functions.first?.hook == .startup)
    }
}

@Suite struct PyTelegramBotAPITests {
    @Test func teleBotInfinityPolling() {
        let summary = scan("""
        import telebot
        import os
        bot = telebot.TeleBot(os.environ.get("TOKEN", ""))

        @bot.message_handler(commands=["start"])
        def start(message):
            bot.reply_to(message, "hi")

        bot.remove_webhook()
        bot.infinity_polling(timeout=10, long_polling_timeout=5)
        """)
        #expect(kinds(summary) == [.deleteWebhook, .poll])
        #expect(summary.facts.allSatisfy { $0.library == .pyTelegramBotAPI })
        #expect(summary.facts[1].token == .env("TOKEN", default: ""))
    }

    @Test func threadTargetPollingIsBackground() {
        let summary = scan("""
        import threading
        from telebot import TeleBot
        from flask import Flask
        bot = TeleBot("TOKEN_HERE")
        server = Flask(__name__)

        def run_bot():
            bot.polling(none_stop=True)

        threading.Thread(target=bot.infinity_polling, daemon=True).start()
        threading.Thread(target=run_bot).start()
        """)
        let background = summary.facts.filter { $0.concurrency == .background }
        #expect(background.count == 1)
        #expect(background.first?.api == "infinity_polling")
        #expect(summary.facts.count == 2)
        #expect(summary.references.contains { $0.name == "run_bot" })
    }

    @Test func asyncTeleBotAndWebhookProcessing() {
        let summary = scan("""
        import asyncio
        from telebot.async_telebot import AsyncTeleBot
        from telebot import types
        bot = AsyncTeleBot(TOKEN)

        def webhook(request):
            update = types.Update.de_json(request.body)
            bot.process_new_updates([update])

        asyncio.run(bot.polling())
        """)
        #expect(kinds(summary) == [.serveWebhook, .poll])
        #expect(summary.facts.allSatisfy { $0.token == .symbol("TOKEN") })
    }

    @Test func runWebhooksServesAndSets() {
        let summary = scan("""
        import telebot
        bot = telebot.TeleBot(token)
        bot.run_webhooks(listen="0.0.0.0", port=443, webhook_url="https://bot.example.com")
        """)
        #expect(kinds(summary) == [.serveWebhook, .setWebhook])
        #expect(summary.facts[0].webhookURL == .literal("https://bot.example.com"))
    }

    @Test func genericPollingMethodIgnoredInOtherLibraries() {
        let summary = scan("""
        from telegram.ext import Application
        class Worker:
            def polling(self): pass
        w = Worker()
        w.polling()
        """)
        #expect(summary.facts.isEmpty)
    }
}

@Suite struct PythonConditionTests {
    @Test func ifElseModeSwitch() {
        let summary = scan("""
        import os
        from telegram.ext import Application
        MODE = os.getenv("MODE", "polling")
        app = Application.builder().token(os.getenv("TOKEN")).build()
        if MODE == "webhook":
            app.run_webhook(listen="0.0.0.0", port=8080)
        else:
            app.run_polling()
        """)
        let webhook = Condition.envEquals("MODE", "webhook", caseInsensitive: false)
        #expect(summary.facts.map(\.condition) == [webhook, webhook, .not(webhook)])
    }

    @Test func elifImpliesNegationOfEarlierBranches() {
        let summary = scan("""
        import os, sys
        from telegram.ext import Application
        app = Application.builder().token("x").build()
        if "--webhook" in sys.argv:
            app.run_webhook()
        elif os.environ.get("POLL"):
            app.run_polling()
        """)
        #expect(summary.facts.last?.condition == .and([.not(.argument("--webhook")), .envSet("POLL")]))
    }

    @Test func earlyReturnGuardsTheRestOfTheFunction() {
        let summary = scan("""
        import os
        import telebot
        def main():
            token = os.getenv("BOT_TOKEN")
            if not token:
                print("no token")
                return
            bot = telebot.TeleBot(token)
            bot.infinity_polling()
        main()
        """)
        #expect(summary.facts.first?.condition == .envSet("BOT_TOKEN"))
        #expect(summary.facts.first?.token == .env("BOT_TOKEN", default: nil))
        #expect(summary.references.first { $0.name == "main" }?.condition == .always)
    }

    @Test func earlyExitWithSysExitAtModuleLevel() {
        let summary = scan("""
        import os, sys
        from aiogram import Bot, Dispatcher, executor
        if os.getenv("DISABLED") == "1":
            sys.exit(0)
        dp = Dispatcher(Bot(os.environ["T"]))
        executor.start_polling(dp)
        """)
        #expect(summary.facts.first?.condition == .not(.envEquals("DISABLED", "1", caseInsensitive: false)))
    }

    @Test func ternaryPicksTheBranchCondition() {
        let summary = scan("""
        from telegram.ext import Application
        from os import environ
        app = Application.builder().token(environ["TOKEN"]).build()
        WEBHOOK = environ.get("WEBHOOK_URL")
        app.run_webhook(webhook_url=WEBHOOK) if WEBHOOK else app.run_polling()
        """)
        #expect(summary.facts.map(\.condition) == [.envSet("WEBHOOK_URL"), .envSet("WEBHOOK_URL"), .not(.envSet("WEBHOOK_URL"))])
        #expect(summary.facts[0].webhookURL == .env("WEBHOOK_URL", default: nil))
    }

    @Test func moduleFlagWithLowerAndMembership() {
        let summary = scan("""
        import os
        from telegram.ext import Application
        USE_WEBHOOK = os.getenv("USE_WEBHOOK", "false").lower() == "true"
        DEBUG = os.getenv("DEBUG", "0").lower() in ("1", "yes")
        def main(app):
            if USE_WEBHOOK and not DEBUG:
                app.run_webhook()
        """)
        let expected = Condition.and([
            .envEquals("USE_WEBHOOK", "true", caseInsensitive: true),
            .not(.or([.envEquals("DEBUG", "1", caseInsensitive: true), .envEquals("DEBUG", "yes", caseInsensitive: true)])),
        ])
        #expect(summary.facts.first?.condition == expected)
        #expect(summary.facts.first?.token == .unknown("app"))
    }

    @Test func argparseFlagAndOpaqueSettings() {
        let summary = scan("""
        import argparse
        from telegram.ext import Application
        from config import settings
        parser = argparse.ArgumentParser()
        parser.add_argument("--webhook", action="store_true")
        args = parser.parse_args()
        app = Application.builder().token(settings.TOKEN).build()
        if args.webhook:
            app.run_webhook()
        if settings.USE_POLLING:
            app.run_polling()
        if TOKEN is not None:
            app.bot.delete_webhook()
        """)
        #expect(summary.facts[0].condition == .argument("--webhook"))
        #expect(summary.facts.last(where: { $0.kind == .poll })?.condition == .opaque("settings.USE_POLLING"))
        #expect(summary.facts.last?.condition == .opaque("TOKEN is not None"))
    }

    @Test func isNoneOnEnvBackedName() {
        let summary = scan("""
        import os
        from telegram.ext import Application
        URL = os.getenv("WEBHOOK_URL")
        app = Application.builder().token("t").build()
        if URL is None:
            app.run_polling()
        """)
        #expect(summary.facts.first?.condition == .not(.envSet("WEBHOOK_URL")))
    }

    @Test func loopsAndTryDoNotChangeTheCondition() {
        let summary = scan("""
        import telebot
        bot = telebot.TeleBot("t")
        while True:
            try:
                bot.polling(none_stop=True)
            except Exception:
                pass
        """)
        #expect(summary.facts.first?.condition == .always)
    }
}

@Suite struct PythonTokenResolutionTests {
    @Test func pydanticSettingsWithPrefix() {
        let summary = scan("""
        from pydantic import SecretStr
        from pydantic_settings import BaseSettings, SettingsConfigDict
        from telegram.ext import Application

        class Settings(BaseSettings):
            model_config = SettingsConfigDict(env_prefix="TG_", env_file=".env")
            bot_token: SecretStr
            admin_id: int = 0

        settings = Settings()
        app = Application.builder().token(settings.bot_token.get_secret_value()).build()
        app.run_polling()
        """)
        #expect(summary.settingsFields["Settings.bot_token"] == .env("TG_BOT_TOKEN", default: nil))
        #expect(summary.settingsFields["Settings.admin_id"] == .env("TG_ADMIN_ID", default: nil))
        #expect(summary.assignments["settings"] == .symbol("Settings"))
        #expect(summary.facts.first?.token == .env("TG_BOT_TOKEN", default: nil))
        #expect(summary.dotenvLoads == [".env"])
    }

    @Test func pydanticV1ConfigClassAndFieldEnv() {
        let summary = scan("""
        from pydantic import BaseSettings, Field
        class Config(BaseSettings):
            token: str = Field(..., env="TELEGRAM_TOKEN")
            webhook: str
            class Config:
                env_prefix = "app_"
        """)
        #expect(summary.settingsFields["Config.token"] == .env("TELEGRAM_TOKEN", default: nil))
        #expect(summary.settingsFields["Config.webhook"] == .env("APP_WEBHOOK", default: nil))
    }

    @Test func environsAndLiteralAndSymbols() {
        let summary = scan("""
        from environs import Env
        from .config import BOT_TOKEN as IMPORTED
        env = Env()
        env.read_env()
        A = env.str("BOT_TOKEN")
        B = "123456:literal"
        C = IMPORTED
        D = config.BOT_TOKEN
        E = "prefix-" + A
        """)
        #expect(summary.assignments["A"] == .env("BOT_TOKEN", default: nil))
        #expect(summary.assignments["B"] == .literal("123456:literal"))
        #expect(summary.assignments["C"] == .symbol("IMPORTED"))
        #expect(summary.assignments["D"] == .attribute(base: "config", name: "BOT_TOKEN"))
        #expect(summary.assignments["E"] == .concat([.literal("prefix-"), .env("BOT_TOKEN", default: nil)]))
        #expect(summary.dotenvLoads == [""])
    }

    @Test func annotatedAssignmentAndOrDefault() {
        let summary = scan("""
        import os
        TOKEN: str = os.getenv("TOKEN") or "fallback"
        PORT: int
        """)
        #expect(summary.assignments["TOKEN"] == .env("TOKEN", default: "fallback"))
        #expect(summary.assignments["PORT"] == nil)
    }

    @Test func instanceAttributeFlowInClass() {
        let summary = scan("""
        from telegram.ext import Application
        from config import BOT_TOKEN

        class MyBot:
            def __init__(self):
                self.app = Application.builder().token(BOT_TOKEN).build()

            def run(self):
                self.app.run_polling()
        """)
        #expect(summary.facts.first?.function == "MyBot.run")
        #expect(summary.facts.first?.token == .symbol("BOT_TOKEN"))
        #expect(summary.functions.map(\.name) == ["MyBot.__init__", "MyBot.run"])
    }

    @Test func constantDefinedBelowTheFunction() {
        let summary = scan("""
        import telebot
        def main():
            bot.infinity_polling()
        bot = telebot.TeleBot(os.environ["LATE"])
        """)
        #expect(summary.facts.first?.token == .env("LATE", default: nil))
    }
}

@Suite struct PythonStructureTests {
    @Test func importsOfEveryShape() {
        let summary = scan("""
        import os
        import app.loader as loader
        from . import handlers
        from .config import TOKEN, WEBHOOK as HOOK
        from ..utils import (
            helper,
            other,
        )
        from x import *
        def lazy():
            import bot.runner
        """)
        let shapes = summary.imports.map { "\($0.localName ?? "-")|\($0.module)|\($0.importedName ?? "-")" }
        #expect(shapes == [
            "os|os|-", "loader|app.loader|-", "handlers|.|handlers", "TOKEN|.config|TOKEN", "HOOK|.config|WEBHOOK",
            "helper|..utils|helper", "other|..utils|other", "*|x|*", "bot|bot.runner|-",
        ])
    }

    @Test func djangoReadyWithLazyImport() {
        let summary = scan("""
        from django.apps import AppConfig

        class BotConfig(AppConfig):
            name = "bot"

            def ready(self):
                from . import bot
                bot.start()
        """, path: "bot/apps.py")
        #expect(summary.functions.first?.name == "BotConfig.ready")
        #expect(summary.functions.first?.hook == .djangoReady)
        #expect(summary.imports.contains { $0.module == "." && $0.importedName == "bot" })
        #expect(summary.references.contains { $0.name == "start" && $0.function == "BotConfig.ready" })
    }

    @Test func appFactoryLifespanAndNestedNames() {
        let summary = scan("""
        from contextlib import asynccontextmanager
        from fastapi import FastAPI
        from flask import Flask

        @asynccontextmanager
        async def lifespan(app):
            yield

        def create_app():
            app = Flask(__name__)
            def inner():
                pass
            return app

        api = FastAPI(lifespan=lifespan)

        @app.before_serving
        async def boot():
            pass
        """)
        let hooks = Dictionary(uniqueKeysWithValues: summary.functions.map { ($0.name, $0.hook) })
        #expect(hooks["lifespan"] == .startup)
        #expect(hooks["create_app"] == .appFactory)
        #expect(hooks["create_app.inner"] == .some(nil))
        #expect(hooks["boot"] == .startup)
    }

    @Test func referencesSkipBuiltinsAndLibraries() {
        let summary = scan("""
        import os, logging, asyncio
        from time import sleep
        import runner
        def job(): pass
        logging.info("x")
        print(len(os.getenv("A", "")))
        sleep(1)
        runner.main()
        asyncio.run(job())
        schedule.every(1).do(job)
        """)
        #expect(summary.references.map(\.name).sorted() == ["job", "job", "main"])
    }

    @Test func dotenvVariants() {
        let summary = scan("""
        from dotenv import load_dotenv, find_dotenv
        import dotenv
        load_dotenv()
        load_dotenv(".env.prod")
        load_dotenv(dotenv_path=BASE_DIR / ".env.local")
        dotenv.load_dotenv(find_dotenv())
        load_dotenv(os.path.join(BASE_DIR, "config.env"))
        """)
        #expect(summary.dotenvLoads == ["", ".env.prod", ".env.local", "", "config.env"])
    }
}

@Suite struct PythonRawAPITests {
    @Test func setWebhookWithFString() {
        let summary = scan("""
        import requests, os
        TOKEN = os.getenv("TOKEN")
        requests.post(f"https://api.telegram.org/bot{TOKEN}/setWebhook", json={"url": "https://x.dev/hook"})
        """)
        #expect(summary.facts.count == 1)
        #expect(summary.facts[0].kind == .setWebhook)
        #expect(summary.facts[0].library == .botAPI)
        #expect(summary.facts[0].token == .env("TOKEN", default: nil))
        #expect(summary.facts[0].webhookURL == .literal("https://x.dev/hook"))
    }

    @Test func getUpdatesOnlyCountsInALoop() {
        let once = scan("""
        import requests
        r = requests.get("https://api.telegram.org/bot" + TOKEN + "/getUpdates")
        """)
        #expect(once.facts.isEmpty)
        let looped = scan("""
        import requests, time
        URL = "https://api.telegram.org/bot{}/".format(TOKEN)
        def get_updates(offset):
            return requests.get(URL + "getUpdates", params={"offset": offset}).json()
        while True:
            get_updates(0)
            time.sleep(1)
        """)
        #expect(looped.facts.count == 1)
        #expect(looped.facts.first?.kind == .poll)
        #expect(looped.facts.first?.token == .symbol("TOKEN"))
        #expect(looped.facts.first?.function == "get_updates")
    }

    @Test func deleteWebhookPercentFormat() {
        let summary = scan("""
        import urllib.request
        urllib.request.urlopen("https://api.telegram.org/bot%s/deleteWebhook" % token)
        """)
        #expect(summary.facts.first?.kind == .deleteWebhook)
        #expect(summary.facts.first?.token == .symbol("token"))
    }

    @Test func unusedUrlStringsAndPrintsProduceNothing() {
        let summary = scan("""
        URL = f"https://api.telegram.org/bot{TOKEN}/setWebhook"
        print(f"https://api.telegram.org/bot{TOKEN}/setWebhook")
        \"\"\"requests.get("https://api.telegram.org/botX/setWebhook")\"\"\"
        """)
        #expect(summary.facts.isEmpty)
    }
}

@Suite struct PythonNoiseTests {
    @Test func commentsDocstringsAndStringsProduceNothing() {
        let summary = scan("""
        \"\"\"Run with app.run_polling() or bot.infinity_polling().\"\"\"
        from telegram.ext import Application
        # app.run_polling()
        HELP = "app.run_polling()"
        text = f"call {'app.run_polling()'}"
        def doc():
            '''updater.start_polling() would be wrong here'''
        """)
        #expect(summary.facts.isEmpty)
    }

    @Test func crlfTabsAndContinuations() {
        let source = "import telebot\r\nbot = telebot.TeleBot(\r\n    'T')\r\nif True:\r\n\tbot.polling(\\\r\n  none_stop=True)\r\n"
        let summary = scan(source)
        #expect(summary.facts.count == 1)
        #expect(summary.facts.first?.location.line == 5)
        #expect(summary.facts.first?.location.column == 2)
    }

    @Test func unterminatedStringAndUnbalancedBracketAreNotedAndScanningContinues() {
        let analysis = analyze("""
        from telegram.ext import Application
        x = foo(1, 2
        s = "unterminated
        def main():
            app = Application.builder().token("t").build()
            app.run_polling()
        """)
        #expect(analysis.code?.facts.count == 1)
        #expect(analysis.notes.count == 1)
        #expect(analysis.code?.functions.map(\.name) == ["main"])
    }

    @Test func invalidUTF8DoesNotCrash() {
        var bytes = Array("import telebot\nbot = telebot.TeleBot('t')\n# \u{00e9}".utf8)
        bytes += [0xFF, 0xFE, 0xC3, 0x0A]
        bytes += Array("bot.polling()\n".utf8)
        var analysis = FileAnalysis(path: "x.py")
        PythonScanner().extract(SourceFile(path: "x.py", bytes: bytes), into: &analysis)
        #expect(analysis.code?.facts.count == 1)
    }

    @Test func fuzzedBytesNeverCrash() {
        var generator = SeededGenerator(seed: 0xB07)
        let alphabet = Array("app.run_polling()bot(token=TOKEN)\"'f{}[]#\\\n\r\t :=ifelse\u{00e9}".utf8) + [0xFF, 0x00]
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            var analysis = FileAnalysis(path: "f.py")
            PythonScanner().extract(SourceFile(path: "f.py", bytes: bytes), into: &analysis)
            #expect(analysis.code != nil)
        }
    }

    @Test func deeplyNestedExpressionsDoNotOverflow() {
        let source = "x = " + String(repeating: "(", count: 5000) + String(repeating: "-", count: 5000) + "1\n"
        #expect(scan(source).facts.isEmpty)
    }
}

/// SplitMix64: deterministic random bytes for the fuzz test.

