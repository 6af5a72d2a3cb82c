import { Bot } from "grammy";
import { run, sequentialize } from "@grammyjs/runner";

const bot = new Bot(process.env.BOT_TOKEN!);

// The runner handles updates concurrently; keep each chat's messages in order.
bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));

bot.command("start", (ctx) => ctx.reply("Send me text and I will translate it to English."));
bot.on("message:text", (ctx) => ctx.reply(`EN: ${ctx.message.text}`));

const runner = run(bot);

const stopRunner = () => runner.isRunning() && runner.stop();
process.once("SIGINT", stopRunner);
process.once("SIGTERM", stopRunner);
