import os

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes


async def standup(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("What did you do yesterday? What will you do today?")


def main() -> None:
    app = Application.builder().token(os.environ["TELEGRAM_TOKEN"]).build()
    app.add_handler(CommandHandler("standup", standup))
    app.run_polling()


if __name__ == "__main__":
    main()
