const express = require('express');
const TelegramBot = require('node-telegram-bot-api');
const { registerHandlers } = require('./handlers');

const app = express();
app.use(express.json());

const token = process.env.TELEGRAM_BOT_TOKEN;

if (process.env.DISABLE_TELEGRAM_BOT === 'true') {
  console.log('Telegram bot disabled (DISABLE_TELEGRAM_BOT=true)');
} else {
  const bot = new TelegramBot(token, { polling: true });
  registerHandlers(bot);
  bot.on('polling_error', (err) => console.error('[polling_error]', err.code, err.message));
}

app.get('/health', (req, res) => res.json({ ok: true }));

const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`IVA API listening on ${port}`));
