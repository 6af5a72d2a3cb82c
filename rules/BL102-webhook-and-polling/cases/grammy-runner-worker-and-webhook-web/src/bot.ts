import { Bot } from "grammy";

export const bot = new Bot(process.env.BOT_TOKEN!);

bot.command("standup", (ctx) => ctx.reply("What did you do yesterday?"));
