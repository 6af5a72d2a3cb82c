import os

import telebot

bot = telebot.TeleBot(os.environ["WEATHER_BOT_TOKEN"])


@bot.message_handler(commands=["weather"])
def weather(message):
    bot.reply_to(message, "Sunny, 21 °C")


bot.infinity_polling(timeout=20)
