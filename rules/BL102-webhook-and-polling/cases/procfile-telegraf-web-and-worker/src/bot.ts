import { Telegraf } from "telegraf";

export const bot = new Telegraf(process.env.BOT_TOKEN as string);

bot.start((ctx) => ctx.reply("Welcome to Pizza Bot 🍕"));
bot.command("menu", (ctx) => ctx.reply("Margherita, Pepperoni, Quattro Formaggi"));
