import telebot

from config import TOKEN

bot = telebot.TeleBot(TOKEN)


@bot.message_handler(commands=["start"])
def start(message):
    bot.reply_to(message, "Send /remind <minutes> <text> and I will remind you.")


if __name__ == "__main__":
    bot.infinity_polling()
