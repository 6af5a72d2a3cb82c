import threading
import time

import schedule
import telebot

from config import TOKEN

bot = telebot.TeleBot(TOKEN)


def send_due_reminders():
    pass


@bot.callback_query_handler(func=lambda call: call.data == "snooze")
def snooze(call):
    bot.answer_callback_query(call.id, "Snoozed for 10 minutes")


def run_schedule():
    schedule.every(1).minutes.do(send_due_reminders)
    while True:
        schedule.run_pending()
        time.sleep(1)


if __name__ == "__main__":
    threading.Thread(target=run_schedule, daemon=True).start()
    bot.infinity_polling()
