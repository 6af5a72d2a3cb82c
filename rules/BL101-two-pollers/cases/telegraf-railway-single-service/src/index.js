require("dotenv").config();
const { Telegraf } = require("telegraf");
const { message } = require("telegraf/filters");
const { parseExpense } = require("./expenses");

const bot = new Telegraf(process.env.BOT_TOKEN);

bot.start((ctx) => ctx.reply("Send me an expense like: 12.50 lunch"));
bot.on(message("text"), (ctx) => {
  const expense = parseExpense(ctx.message.text);
  return ctx.reply(expense ? `Saved ${expense.amount} for ${expense.label}` : "I did not get that.");
});

bot.launch();

process.once("SIGINT", () => bot.stop("SIGINT"));
process.once("SIGTERM", () => bot.stop("SIGTERM"));
