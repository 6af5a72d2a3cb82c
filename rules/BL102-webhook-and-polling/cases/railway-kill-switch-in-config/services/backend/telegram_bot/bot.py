import telebot
from django.conf import settings

bot = telebot.TeleBot(settings.TELEGRAM_BOT_TOKEN, threaded=False)


@bot.message_handler(commands=["start"])
def start(message):
    bot.reply_to(message, "Привет! Я IVA.")
