"""The admin bot: a different bot with its own token, so it never conflicts with the partner bot."""
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

from bots.settings import ADMIN_BOT_TOKEN


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Partners today: 42")


def main() -> None:
    app = Application.builder().token(ADMIN_BOT_TOKEN).build()
    app.add_handler(CommandHandler("stats", stats))
    app.run_polling()


if __name__ == "__main__":
    main()
