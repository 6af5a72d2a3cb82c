import os

import telebot

bot = telebot.TeleBot(os.environ["BOT_TOKEN"])
bot.infinity_polling()
