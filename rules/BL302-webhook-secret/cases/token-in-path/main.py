import os

import telebot
from flask import Flask, abort, request

TOKEN = os.environ["TELEGRAM_BOT_TOKEN"]
USE_WEBHOOK = os.getenv("USE_WEBHOOK", "false").lower() == "true"

bot = telebot.TeleBot(TOKEN)
server = Flask(__name__)


@bot.message_handler(commands=["start"])
def start(message):
    bot.reply_to(message, "pong")


@server.post(f"/{TOKEN}")
def receive_update():
    if request.headers.get("content-type") != "application/json":
        abort(403)
    bot.process_new_updates([telebot.types.Update.de_json(request.get_data().decode("utf-8"))])
    return "", 200


if __name__ == "__main__":
    if USE_WEBHOOK:
        bot.remove_webhook()
        bot.set_webhook(url=os.environ["APP_URL"] + TOKEN)
        server.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))
    else:
        bot.remove_webhook()
        bot.infinity_polling()
