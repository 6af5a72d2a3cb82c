const express = require("express");
const { Telegraf } = require("telegraf");

const bot = new Telegraf(process.env.BOT_TOKEN);
bot.command("quote", (ctx) => ctx.reply("Simplicity is prerequisite for reliability."));
bot.launch();

// Render needs a port to bind for a web service.
const app = express();
app.get("/", (req, res) => res.send("quotes-bot is running"));
app.listen(process.env.PORT || 3000);
