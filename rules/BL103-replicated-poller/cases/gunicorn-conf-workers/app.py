import os
import threading

import telebot
from flask import Flask

bot = telebot.TeleBot(os.environ["TELEGRAM_TOKEN"])
app = Flask(__name__)


@bot.message_handler(commands=["start"])
def start(message):
    bot.reply_to(message, "Hi! I am running next to the shop website.")


@app.route("/")
def index():
    return "ok"


threading.Thread(target=bot.infinity_polling, daemon=True).start()
