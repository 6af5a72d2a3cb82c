import Testing
@testable import BotLintKit

private func scan(_ source: String, path: String = "src/index.js") -> CodeSummary {
    var analysis = FileAnalysis(path: path)
    JavaScriptScanner().extract(SourceFile(path: path, bytes: Array(source.utf8)), into: &analysis)
    return analysis.code ?? CodeSummary(path: path, language: .other)
}

private func kinds(_ summary: CodeSummary) -> [ReceiveKind] { summary.facts.map(\.kind) }

// MARK: - Accepted files

@Test func acceptsSourcesButNotDeclarationsOrBundles() {
    let scanner = JavaScriptScanner()
    for name in ["a.js", "a.mjs", "a.cjs", "a.jsx", "a.ts", "a.mts", "a.cts", "a.tsx"] {
        #expect(scanner.accepts(path: "src/\(name)", name: name, isExecutable: false))
    }
    for name in ["types.d.ts", "vendor.min.js", "README.md", "bot.py", "a.json"] {
        #expect(!scanner.accepts(path: name, name: name, isExecutable: false))
    }
}

@Test func typeScriptFilesAreMarkedTypeScript() {
    #expect(scan("import x from './x'", path: "src/a.ts").language == .typescript)
    #expect(scan("import x from './x'", path: "src/a.mjs").language == .javascript)
}

// MARK: - node-telegram-bot-api

@Test func runbookNodeServiceWithKillSwitch() {
    let summary = scan("""
    const TelegramBot = require('node-telegram-bot-api');
    const token = process.env.TELEGRAM_BOT_TOKEN;
    if (process.env.DISABLE_TELEGRAM_BOT === 'true') {
      console.log('disabled')
    } else {
      const bot = new TelegramBot(token, { polling: true });
      bot.on('message', (msg) => bot.sendMessage(msg.chat.id, 'hi'));
    }
    """)
    #expect(summary.facts.count == 1)
    let fact = summary.facts[0]
    #expect(fact.kind == .poll)
    #expect(fact.library == .nodeTelegramBotAPI)
    #expect(fact.token == .env("TELEGRAM_BOT_TOKEN", default: nil))
    #expect(fact.condition == .not(.envEquals("DISABLE_TELEGRAM_BOT", "true", caseInsensitive: false)))
    #expect(fact.concurrency == .background)
    #expect(fact.location.line == 6)
    #expect(summary.imports.first?.module == "node-telegram-bot-api")
}

@Test func killSwitchAroundTheConstructor() {
    let summary = scan("""
    const TelegramBot = require("node-telegram-bot-api");
    if (process.env.DISABLE_TELEGRAM_BOT !== "true") {
      new TelegramBot(process.env.TELEGRAM_BOT_TOKEN, { polling: true });
    }
    """)
    #expect(summary.facts.map(\.condition) == [.not(.envEquals("DISABLE_TELEGRAM_BOT", "true", caseInsensitive: false))])
}

@Test func killSwitchWithEarlyReturnInsideFunction() {
    let summary = scan("""
    import TelegramBot from "node-telegram-bot-api";
    export function startBot() {
      if (process.env.DISABLE_TELEGRAM_BOT === "true") {
        console.log("bot disabled");
        return;
      }
      new TelegramBot(process.env.TELEGRAM_BOT_TOKEN, { polling: true });
    }
    """)
    #expect(summary.facts.count == 1)
    #expect(summary.facts.first?.function == "startBot")
    #expect(summary.facts.first?.condition == .not(.envEquals("DISABLE_TELEGRAM_BOT", "true", caseInsensitive: false)))
    #expect(summary.functions.map(\.name) == ["startBot"])
}

@Test func ntbaWithoutPollingDoesNothing() {
    let summary = scan("""
    const TelegramBot = require("node-telegram-bot-api");
    const a = new TelegramBot(process.env.TOKEN);
    const b = new TelegramBot(process.env.TOKEN, { polling: false });
    a.sendMessage(1, "x");
    """)
    #expect(summary.facts.isEmpty)
}

@Test func ntbaDeferredPollingStartsWithStartPolling() {
    let deferred = scan("""
    const TelegramBot = require("node-telegram-bot-api");
    const bot = new TelegramBot(process.env.TOKEN, { polling: { interval: 300, autoStart: false } });
    """)
    #expect(deferred.facts.isEmpty)
    let started = scan("""
    const TelegramBot = require("node-telegram-bot-api");
    const bot = new TelegramBot(process.env.TOKEN, { polling: { interval: 300, autoStart: false } });
    bot.startPolling();
    """)
    #expect(kinds(started) == [.poll])
    #expect(started.facts.first?.api == "startPolling")
    #expect(started.facts.first?.location.line == 3)
}

@Test func ntbaPollingUnderAnEnvCondition() {
    let summary = scan("""
    const TelegramBot = require("node-telegram-bot-api");
    const bot = new TelegramBot(process.env.TOKEN, { polling: process.env.USE_POLLING === "true" });
    """)
    #expect(summary.facts.first?.condition == .envEquals("USE_POLLING", "true", caseInsensitive: false))
}

@Test func ntbaWebhookServerAndWebhookCalls() {
    let summary = scan("""
    const TelegramBot = require("node-telegram-bot-api");
    const url = process.env.APP_URL;
    const bot = new TelegramBot(process.env.TOKEN, { webHook: { port: process.env.PORT } });
    bot.setWebHook(`${url}/bot${process.env.TOKEN}`);
    bot.deleteWebHook();
    app.post("/hook", (req, res) => { bot.processUpdate(req.body); res.sendStatus(200); });
    """)
    #expect(kinds(summary) == [.serveWebhook, .setWebhook, .deleteWebhook, .serveWebhook])
    #expect(summary.facts[1].webhookURL == .concat([.env("APP_URL", default: nil), .literal("/bot"), .env("TOKEN", default: nil)]))
    #expect(summary.facts.allSatisfy { $0.token == .env("TOKEN", default: nil) })
}

@Test func ntbaOptionsFromAConstantAndATernary() {
    let summary = scan("""
    const TelegramBot = require("node-telegram-bot-api");
    const isProd = process.env.NODE_ENV === "production";
    const options = isProd ? { webHook: { port: 8443 } } : { polling: true };
    const bot = new TelegramBot(process.env.TOKEN, options);
    """)
    let production = Condition.envEquals("NODE_ENV", "production", caseInsensitive: false)
    #expect(summary.facts.map(\.kind) == [.poll, .serveWebhook])
    #expect(summary.facts[0].condition == .not(production))
    #expect(summary.facts[1].condition == production)
}

// MARK: - Telegraf

@Test func telegrafLaunchPolls() {
    let summary = scan("""
    import { Telegraf } from "telegraf";
    const bot = new Telegraf(process.env.BOT_TOKEN!);
    bot.start((ctx) => ctx.reply("Welcome"));
    bot.launch();
    process.once("SIGINT", () => bot.stop("SIGINT"));
    """, path: "src/bot.ts")
    #expect(kinds(summary) == [.poll])
    #expect(summary.facts[0].library == .telegraf)
    #expect(summary.facts[0].token == .env("BOT_TOKEN", default: nil))
    #expect(summary.assignments["bot"] == .env("BOT_TOKEN", default: nil))
}

@Test func telegrafLaunchWithWebhookServesAndSets() {
    let summary = scan("""
    const { Telegraf } = require("telegraf");
    const bot = new Telegraf(process.env.BOT_TOKEN);
    bot.launch({ webhook: { domain: process.env.DOMAIN, port: 3000, hookPath: "/tg", secretToken: "s" } });
    """)
    #expect(Set(kinds(summary)) == [.serveWebhook, .setWebhook])
    #expect(summary.facts.first?.webhookURL == .concat([.env("DOMAIN", default: nil), .literal("/tg")]))
}

@Test func telegrafLaunchSwitchedByTernary() {
    let summary = scan("""
    const { Telegraf } = require("telegraf");
    const bot = new Telegraf(process.env.BOT_TOKEN);
    process.env.WEBHOOK_DOMAIN
      ? bot.launch({ webhook: { domain: process.env.WEBHOOK_DOMAIN, port: 8080 } })
      : bot.launch();
    """)
    let poll = summary.facts.filter { $0.kind == .poll }
    #expect(poll.count == 1)
    #expect(poll.first?.condition == .not(.envSet("WEBHOOK_DOMAIN")))
    #expect(summary.facts.filter { $0.kind == .setWebhook }.first?.condition == .envSet("WEBHOOK_DOMAIN"))
}

@Test func telegrafWebhookHelpers() {
    let summary = scan("""
    import { Telegraf } from "telegraf";
    import express from "express";
    const bot = new Telegraf(process.env.BOT_TOKEN);
    const app = express();
    app.use(await bot.createWebhook({ domain: "example.com" }));
    app.use(bot.webhookCallback("/secret"));
    bot.telegram.setWebhook("https://example.com/secret");
    bot.telegram.deleteWebhook();
    app.post("/x", (req, res) => bot.handleUpdate(req.body, res));
    """)
    #expect(kinds(summary) == [.serveWebhook, .setWebhook, .serveWebhook, .setWebhook, .deleteWebhook, .serveWebhook])
    #expect(summary.facts.first { $0.api == "telegram.setWebhook" }?.webhookURL == .literal("https://example.com/secret"))
}

@Test func unattributedLaunchIsNotAFact() {
    let summary = scan("""
    import puppeteer from "puppeteer";
    const browser = await puppeteer.launch();
    const server = createServer();
    server.start();
    browser.launch();
    """)
    #expect(summary.facts.isEmpty)
}

@Test func importedBotIsAttributedOnlyByAProvingShape() {
    let withLibrary = scan("""
    import { Telegraf } from "telegraf";
    import { bot } from "./bot";
    bot.launch();
    """)
    #expect(withLibrary.facts.first?.token == .symbol("bot"))
    #expect(withLibrary.facts.first?.library == .telegraf)
    // A bot-named object from this repository launched in a file that imports no bot library
    // is the usual Telegraf split (bot.ts builds it, index.ts launches it).
    let withoutLibrary = scan("""
    import { bot } from "./bot";
    bot.launch();
    bot.telegram.deleteWebhook();
    """)
    #expect(kinds(withoutLibrary) == [.poll, .deleteWebhook])
    let notABot = scan("""
    import { server } from "./server";
    server.launch();
    """)
    #expect(notABot.facts.isEmpty)
}

@Test func commentsAndStringsProduceNothing() {
    let summary = scan("""
    const { Telegraf } = require("telegraf");
    const bot = new Telegraf(process.env.BOT_TOKEN);
    // bot.launch();
    /* bot.launch(); */
    const help = "call bot.launch() to start";
    const doc = `bot.launch()`;
    """)
    #expect(summary.facts.isEmpty)
}

// MARK: - grammY

@Test func grammyStartRunnerAndWebhook() {
    let summary = scan("""
    import { Bot, webhookCallback } from "grammy";
    import { run } from "@grammyjs/runner";
    const bot = new Bot(process.env.BOT_TOKEN ?? "");
    if (process.env.MODE === "runner") {
      run(bot);
    } else if (process.env.MODE === "webhook") {
      app.use(webhookCallback(bot, "express"));
      await bot.api.setWebhook(process.env.URL);
    } else {
      bot.start();
    }
    bot.api.deleteWebhook();
    """, path: "main.ts")
    #expect(summary.facts.map(\.library) == [.grammyRunner, .grammy, .grammy, .grammy, .grammy])
    #expect(kinds(summary) == [.poll, .serveWebhook, .setWebhook, .poll, .deleteWebhook])
    let runner = Condition.envEquals("MODE", "runner", caseInsensitive: false)
    let webhook = Condition.envEquals("MODE", "webhook", caseInsensitive: false)
    #expect(summary.facts[0].condition == runner)
    #expect(summary.facts[1].condition == .and([.not(runner), webhook]))
    #expect(summary.facts[3].condition == .and([.not(runner), .not(webhook)]))
    #expect(summary.facts[0].token == .env("BOT_TOKEN", default: ""))
    #expect(summary.facts[2].webhookURL == .env("URL", default: nil))
}

@Test func grammyFromDenoURL() {
    let summary = scan("""
    import { Bot } from "https://deno.land/x/grammy@v1.20.3/mod.ts";
    const bot = new Bot(Deno.env.get("BOT_TOKEN")!);
    bot.start();
    """, path: "bot.ts")
    #expect(summary.facts.first?.token == .env("BOT_TOKEN", default: nil))
}

// MARK: - Raw Bot API

@Test func rawGetUpdatesPollsOnlyInALoop() {
    let loop = scan("""
    const TOKEN = process.env.BOT_TOKEN;
    async function main() {
      let offset = 0;
      while (true) {
        const res = await fetch(`https://api.telegram.org/bot${TOKEN}/getUpdates?offset=${offset}`);
      }
    }
    main();
    """)
    #expect(kinds(loop) == [.poll])
    #expect(loop.facts.first?.library == .botAPI)
    #expect(loop.facts.first?.token == .env("BOT_TOKEN", default: nil))
    let once = scan("""
    const TOKEN = process.env.BOT_TOKEN;
    const res = await fetch(`https://api.telegram.org/bot${TOKEN}/getUpdates`);
    """)
    #expect(once.facts.isEmpty)
}

@Test func rawGetUpdatesInARecursiveFunctionOrInterval() {
    let recursive = scan("""
    const API = `https://api.telegram.org/bot${process.env.TOKEN}`;
    async function poll() {
      const r = await axios.get(`${API}/getUpdates`);
      setTimeout(poll, 1000);
    }
    poll();
    """)
    #expect(kinds(recursive) == [.poll])
    #expect(recursive.facts.first?.token == .env("TOKEN", default: nil))
    let interval = scan("""
    setInterval(async () => {
      await fetch("https://api.telegram.org/bot" + process.env.TOKEN + "/getUpdates");
    }, 1000);
    """)
    #expect(kinds(interval) == [.poll])
}

@Test func rawSetAndDeleteWebhook() {
    let summary = scan("""
    const token = process.env.BOT_TOKEN;
    await fetch(`https://api.telegram.org/bot${token}/setWebhook?url=${process.env.PUBLIC_URL}/hook`);
    await axios.post("https://api.telegram.org/bot" + token + "/deleteWebhook");
    """)
    #expect(kinds(summary) == [.setWebhook, .deleteWebhook])
    #expect(summary.facts[0].webhookURL == .env("PUBLIC_URL", default: nil))
    #expect(summary.facts[1].token == .env("BOT_TOKEN", default: nil))
}

// MARK: - Tokens

@Test func tokenForms() {
    let cases: [(String, ValueExpr)] = [
        ("process.env.BOT_TOKEN", .env("BOT_TOKEN", default: nil)),
        ("process.env['BOT_TOKEN']", .env("BOT_TOKEN", default: nil)),
        ("process.env.BOT_TOKEN || 'fallback'", .env("BOT_TOKEN", default: "fallback")),
        ("import.meta.env.VITE_TOKEN", .env("VITE_TOKEN", default: nil)),
        ("Bun.env.TOKEN", .env("TOKEN", default: nil)),
        ("process.env.BOT_TOKEN as string", .env("BOT_TOKEN", default: nil)),
        ("String(process.env.BOT_TOKEN)", .env("BOT_TOKEN", default: nil)),
        ("'123456:abc'", .literal("123456:abc")),
        ("config.token", .attribute(base: "config", name: "token")),
        ("TOKEN", .env("BOT_TOKEN", default: nil)),
        ("renamed", .env("BOT_TOKEN", default: nil)),
        ("imported", .symbol("imported")),
        ("this.configService.get<string>('TELEGRAM_TOKEN')", .env("TELEGRAM_TOKEN", default: nil)),
    ]
    for (expression, expected) in cases {
        let summary = scan("""
        const { Telegraf } = require("telegraf");
        const { BOT_TOKEN: renamed } = process.env;
        const TOKEN = process.env.BOT_TOKEN;
        import { imported } from "./config";
        const bot = new Telegraf(\(expression));
        bot.launch();
        """, path: "a.ts")
        #expect(summary.facts.first?.token == expected, "\(expression)")
    }
}

@Test func configGetIsUnknown() {
    let summary = scan("""
    const { Telegraf } = require("telegraf");
    const config = require("config");
    const bot = new Telegraf(config.get("telegram.token"));
    bot.launch();
    """)
    guard case .unknown? = summary.facts.first?.token else {
        Issue.record("expected an unknown token, got \(String(describing: summary.facts.first?.token))")
        return
    }
}

// MARK: - Imports, exports, dotenv

@Test func importForms() {
    let summary = scan("""
    import bot from "./bot";
    import { a, b as c, type T } from "./m";
    import type { Only } from "./types";
    import * as ns from "./ns";
    import "./side";
    const x = require("./x");
    const { y, z: w } = require("./yz");
    require("./bare");
    const dyn = await import("./dyn");
    """)
    let rows = summary.imports.map { [$0.localName ?? "-", $0.module, $0.importedName ?? "-"] }
    #expect(rows == [
        ["bot", "./bot", "default"], ["a", "./m", "a"], ["c", "./m", "b"], ["ns", "./ns", "-"],
        ["-", "./side", "-"], ["x", "./x", "-"], ["y", "./yz", "y"], ["w", "./yz", "z"],
        ["-", "./bare", "-"], ["dyn", "./dyn", "-"],
    ])
}

@Test func exportsBecomeAssignments() {
    let cjs = scan("""
    const { Telegraf } = require("telegraf");
    const bot = new Telegraf(process.env.BOT_TOKEN);
    module.exports = bot;
    """)
    #expect(cjs.assignments["default"] == .env("BOT_TOKEN", default: nil))
    let esm = scan("""
    import { Telegraf } from "telegraf";
    export const bot = new Telegraf(process.env.BOT_TOKEN);
    export const PORT = 3000;
    export { bot as telegrafBot };
    export default bot;
    """)
    #expect(esm.assignments["bot"] == .env("BOT_TOKEN", default: nil))
    #expect(esm.assignments["telegrafBot"] == .env("BOT_TOKEN", default: nil))
    #expect(esm.assignments["default"] == .env("BOT_TOKEN", default: nil))
    #expect(esm.assignments["PORT"] == .literal("3000"))
}

@Test func dotenvLoads() {
    #expect(scan("require('dotenv').config()").dotenvLoads == [""])
    #expect(scan("import 'dotenv/config'").dotenvLoads == [""])
    #expect(scan("import * as dotenv from 'dotenv'; dotenv.config({ path: '.env.local' })").dotenvLoads == [".env.local"])
    #expect(scan("const dotenv = require('dotenv'); dotenv.config();").dotenvLoads == [""])
    #expect(scan("import { config } from 'dotenv'; config({ path: `.env.prod` })").dotenvLoads == [".env.prod"])
}

// MARK: - Functions and references

@Test func functionsAndReferences() {
    let summary = scan("""
    import { Telegraf } from "telegraf";
    import { startServer } from "./server";
    const bot = new Telegraf(process.env.BOT_TOKEN);
    async function main() {
      await bot.launch();
    }
    const start = async () => { startServer(); };
    const onListen = function () {};
    main().catch(console.error);
    setTimeout(start, 0);
    app.listen(3000, onListen);
    export default function entry() {}
    """)
    #expect(summary.functions.map(\.name) == ["main", "start", "onListen", "entry"])
    #expect(summary.functions.first { $0.name == "onListen" }?.hook == .startup)
    #expect(summary.facts.first?.function == "main")
    let referenced = summary.references.map(\.name)
    #expect(referenced == ["startServer", "main", "start", "onListen"])
    #expect(!referenced.contains("setTimeout"))
    #expect(summary.references.first { $0.name == "startServer" }?.function == "start")
}

@Test func inlineCallbacksInheritConditionAndNamedFunction() {
    let summary = scan("""
    const TelegramBot = require("node-telegram-bot-api");
    const bot = new TelegramBot(process.env.TOKEN);
    function boot() {
      if (process.env.WEBHOOK_URL) {
        app.listen(PORT, () => {
          bot.setWebHook(process.env.WEBHOOK_URL);
        });
      }
    }
    start().then(() => bot.startPolling());
    """)
    #expect(summary.facts.count == 2)
    #expect(summary.facts[0].function == "boot")
    #expect(summary.facts[0].condition == .envSet("WEBHOOK_URL"))
    #expect(summary.facts[1].function == nil)
    #expect(summary.facts[1].kind == .poll)
}

@Test func mainGuard() {
    let summary = scan("""
    const { Telegraf } = require("telegraf");
    const bot = new Telegraf(process.env.BOT_TOKEN);
    if (require.main === module) {
      bot.launch();
    }
    """)
    #expect(summary.facts.first?.mainGuarded == true)
    #expect(summary.facts.first?.condition == .always)
}

// MARK: - Conditions

@Test func conditionForms() {
    let cases: [(String, Condition)] = [
        ("process.env.WEBHOOK", .envSet("WEBHOOK")),
        ("!process.env.WEBHOOK", .not(.envSet("WEBHOOK"))),
        ("'polling' === process.env.MODE", .envEquals("MODE", "polling", caseInsensitive: false)),
        ("process.env.MODE != 'webhook'", .not(.envEquals("MODE", "webhook", caseInsensitive: false))),
        ("process.env.MODE?.toLowerCase() === 'polling'", .envEquals("MODE", "polling", caseInsensitive: true)),
        ("['1', 'true'].includes(process.env.POLL)", .or([.envEquals("POLL", "1", caseInsensitive: false), .envEquals("POLL", "true", caseInsensitive: false)])),
        ("process.argv.includes('--polling')", .argument("--polling")),
        ("Boolean(process.env.A) && !process.env.B", .and([.envSet("A"), .not(.envSet("B"))])),
        ("(process.env.A || process.env.B)", .or([.envSet("A"), .envSet("B")])),
        ("isDev", .not(.envEquals("NODE_ENV", "production", caseInsensitive: false))),
        ("someFlag()", .opaque("someFlag()")),
    ]
    for (test, expected) in cases {
        let summary = scan("""
        const { Telegraf } = require("telegraf");
        const bot = new Telegraf(process.env.BOT_TOKEN);
        const isDev = process.env.NODE_ENV !== "production";
        if (\(test)) { bot.launch(); }
        """)
        #expect(summary.facts.first?.condition == expected, "\(test)")
    }
}

@Test func andGuardSwitchAndEarlyExit() {
    let summary = scan("""
    const { Telegraf } = require("telegraf");
    const bot = new Telegraf(process.env.BOT_TOKEN);
    const ENABLE = process.env.ENABLE_BOT;
    ENABLE && bot.launch();
    switch (process.env.MODE) {
      case "webhook":
      case "hook":
        bot.telegram.setWebhook(process.env.URL);
        break;
      default:
        bot.telegram.deleteWebhook();
    }
    if (!process.env.BOT_TOKEN) process.exit(1);
    bot.handleUpdate(update);
    """)
    let webhook = Condition.or([.envEquals("MODE", "webhook", caseInsensitive: false), .envEquals("MODE", "hook", caseInsensitive: false)])
    #expect(summary.facts.map(\.condition) == [.envSet("ENABLE_BOT"), webhook, .not(webhook), .envSet("BOT_TOKEN")])
}

// MARK: - TypeScript and classes

@Test func nestServiceWithDecoratorsGenericsCastsAndOptionalChaining() {
    let summary = scan("""
    import { Injectable, OnModuleInit } from '@nestjs/common';
    import { ConfigService } from '@nestjs/config';
    import TelegramBot from 'node-telegram-bot-api';

    interface Options { polling: boolean }
    type Handler = (msg: TelegramBot.Message) => Promise<void>;

    @Injectable()
    export class BotService implements OnModuleInit {
      private bot?: TelegramBot;
      private readonly cache = new Map<string, number>();

      constructor(private readonly config: ConfigService) {}

      onModuleInit(): void {
        const token = this.config.get<string>('TELEGRAM_TOKEN') as string;
        this.bot = new TelegramBot(token, { polling: true });
        this.bot?.on('message', (msg) => this.handle(msg));
      }

      @Cron('0 * * * *')
      async report(): Promise<void> {
        await this.bot?.sendMessage(1, `${this.cache.size}`);
      }

      private async handle(msg: TelegramBot.Message): Promise<void> {}
    }
    """, path: "src/bot.service.ts")
    #expect(kinds(summary) == [.poll])
    #expect(summary.facts.first?.function == "BotService.onModuleInit")
    let hooks = Dictionary(uniqueKeysWithValues: summary.functions.map { ($0.name, $0.hook) })
    #expect(hooks["BotService.onModuleInit"] == .some(.startup))
    #expect(hooks["BotService.report"] == .some(.decorated))
    #expect(hooks["BotService.constructor"] == .some(.startup))
    #expect(summary.references.map(\.name).contains("BotService.handle"))
}

@Test func classFieldBotAndMethodLaunch() {
    let summary = scan("""
    import { Telegraf, Context } from "telegraf";
    export class App {
      private bot: Telegraf<Context> = new Telegraf<Context>(process.env.BOT_TOKEN as string);
      async start() {
        await this.bot.launch();
      }
    }
    const app = new App();
    app.start();
    """, path: "src/app.ts")
    #expect(summary.facts.first?.function == "App.start")
    #expect(summary.facts.first?.token == .env("BOT_TOKEN", default: nil))
    #expect(summary.references.map(\.name) == ["App.constructor", "App.start"])
}

@Test func jsxIsTolerated() {
    let summary = scan("""
    import { Telegraf } from "telegraf";
    const bot = new Telegraf(process.env.BOT_TOKEN);
    export const Page = () => (<div className="x">Don't {count} <b>/</b></div>);
    bot.launch();
    """, path: "src/page.jsx")
    #expect(kinds(summary) == [.poll])
}

// MARK: - Robustness and speed

@Test func randomBytesNeverCrash() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let alphabet = Array("{}()[]`'\"/\\*$!?.:;=<>+-&|\n abcxyz01 import require new TelegramBot launch if else".utf8)
    for round in 0..<300 {
        var bytes: [UInt8] = []
        for _ in 0..<(round * 7 % 600) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = Int(state >> 33)
            bytes.append(round % 3 == 0 ? UInt8(truncatingIfNeeded: pick) : alphabet[pick % alphabet.count])
        }
        var analysis = FileAnalysis(path: "fuzz.ts")
        JavaScriptScanner().extract(SourceFile(path: "fuzz.ts", bytes: bytes), into: &analysis)
        #expect(analysis.code != nil)
    }
}

@Test func unterminatedAndDeeplyNestedInputs() {
    for source in ["`${", "'abc", "/* never closed", "{{{{{{", "}}}}))", String(repeating: "(", count: 5000),
                   String(repeating: "if (a) {", count: 3000), String(repeating: "`${", count: 2000), "a = /[/"] {
        #expect(scan("import x from 'y';\n" + source).facts.isEmpty)
    }
}

@Test func largeFileIsScannedWhole() {
    let chunk = """
    import { helper } from "./helper";
    export async function handler(req, res) {
      if (process.env.MODE === "a" && req.body?.x) { await helper(req.body, `x${req.id}`); }
      const total = items.map((i) => i.price * 2).reduce((a, b) => a + b, 0) / 3;
      return res.json({ total, ok: true, re: /ab+c/g.test(req.url) });
    }

    """
    // Speed is measured by bench/; here a 1 MB file must be read to its end.
    let copies = 1_000_000 / chunk.utf8.count
    let summary = scan(String(repeating: chunk, count: copies))
    #expect(summary.functions.count == copies)
}

// MARK: - Robustness

/// Regression: a comparison that ended an argument or operand, followed by a parenthesis in
/// the next one, was read as a generic call whose `(` lay past the operand; the walker then
/// formed a reversed range and the process trapped. Found on real minified and library code.
@Test(arguments: ["foo(a < b, (c));", "if (a < b || (c)) { run() }", "x = [a < b, (c)];",
                  "for (let i = 0; i < n; (i++)) {}", "y = a?.b < c ? (d) : e;", "f(a < b\n, (c))"])
func aComparisonBeforeAParenthesisedOperandIsNotAGenericCall(_ code: String) {
    let summary = scan("const { Telegraf } = require('telegraf');\n" + code + "\n")
    #expect(summary.imports.map(\.module) == ["telegraf"])
}
