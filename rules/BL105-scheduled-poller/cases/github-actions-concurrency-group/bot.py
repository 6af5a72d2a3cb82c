import os

import requests
import telebot

bot = telebot.TeleBot(os.environ["TELEGRAM_BOT_TOKEN"])


@bot.message_handler(commands=["weather"])
def weather(message):
    reply = requests.get("https://wttr.in/Berlin?format=3", timeout=10).text
    bot.reply_to(message, reply)


bot.infinity_polling(timeout=30)
