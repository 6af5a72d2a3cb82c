const express = require('express');
const TelegramBot = require('node-telegram-bot-api');
const { registerHandlers } = require('./handlers');

const app = express();
app.use(express.json());

const token = process.env.TELEGRAM_BOT_TOKEN;

// Legacy bot: long polling, started together with the API server.
const bot = new TelegramBot(token, { polling: true });
registerHandlers(bot);

bot.on('polling_error', (err) => {
  console.error('[polling_error]', err.code, err.message);
});

app.get('/health', (req, res) => res.json({ ok: true }));

const port = process.env.PORT || 3000;
app.listen(port, () => {
  console.log(`IVA API listening on ${port}`);
  console.log('🚀 Запуск Telegram бота (polling)...');
});
