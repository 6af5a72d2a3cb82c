import os

import telebot

bot = telebot.TeleBot(os.environ["NEWS_BOT_TOKEN"])


@bot.message_handler(commands=["news"])
def news(message):
    bot.reply_to(message, "No news is good news.")


bot.infinity_polling()
