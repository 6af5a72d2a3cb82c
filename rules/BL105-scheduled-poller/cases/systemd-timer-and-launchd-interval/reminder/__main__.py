import os

from telegram.ext import ApplicationBuilder, CommandHandler


async def remind(update, context):
    await update.message.reply_text("I will remind you.")


app = ApplicationBuilder().token(os.environ["REMINDER_BOT_TOKEN"]).build()
app.add_handler(CommandHandler("remind", remind))
app.run_polling()
