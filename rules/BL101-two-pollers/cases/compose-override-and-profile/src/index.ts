import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN!);

bot.command("start", (ctx) => ctx.reply("Welcome to the quiz! Type /next for a question."));
bot.command("next", (ctx) => ctx.reply("What is the capital of Australia?"));

bot.start();
