require('dotenv').config();
const TelegramBot = require('node-telegram-bot-api');

// "Separate" notifier bot — same token as the orders bot, it turns out.
const notifier = new TelegramBot(process.env.NOTIFY_BOT_TOKEN, { polling: true });
notifier.onText(/\/status/, (msg) => notifier.sendMessage(msg.chat.id, 'All systems go'));
