import os

import telebot

bot = telebot.TeleBot(os.environ["BOT_TOKEN"])


@bot.message_handler(commands=["start"])
def start(message):
    bot.reply_to(message, "Send me a link and I will send back the audio.")


if __name__ == "__main__":
    bot.infinity_polling(skip_pending=True)
