import os
import threading

import telebot
from flask import Flask

bot = telebot.TeleBot(os.environ["TOKEN"])
app = Flask(__name__)


@bot.message_handler(func=lambda m: True)
def echo(message):
    bot.reply_to(message, message.text)


@app.route("/")
def index():
    return "Bot is alive"


threading.Thread(target=bot.infinity_polling, daemon=True).start()
