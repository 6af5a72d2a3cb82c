import os

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes


async def order(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Which bouquet would you like?")


def main() -> None:
    app = Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).build()
    app.add_handler(CommandHandler("order", order))
    app.run_polling()


if __name__ == "__main__":
    main()
