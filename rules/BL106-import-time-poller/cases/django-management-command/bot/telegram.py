import telebot
from django.conf import settings

bot = telebot.TeleBot(settings.BOT_TOKEN)


@bot.message_handler(commands=["start", "help"])
def send_welcome(message):
    bot.reply_to(message, "Welcome to the shop bot!")
