import os

from flask import Flask
from telegram.ext import CommandHandler, Updater

updater = Updater(os.environ["BOT_TOKEN"])
app = Flask(__name__)


def start(update, context):
    update.message.reply_text("Hello from the dashboard bot")


updater.dispatcher.add_handler(CommandHandler("start", start))
updater.start_polling()


@app.route("/health")
def health():
    return "ok"
