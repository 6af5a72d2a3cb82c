const { Bot } = require("grammy");

const bot = new Bot(process.env.BOT_TOKEN);
bot.command("roll", (ctx) => ctx.replyWithDice("🎲"));
bot.start();
