"""The partner bot: partners check their loyalty balance."""
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

from bots.settings import PARTNER_BOT_TOKEN


async def balance(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Баланс: 1 250 баллов")


def main() -> None:
    app = Application.builder().token(PARTNER_BOT_TOKEN).build()
    app.add_handler(CommandHandler("balance", balance))
    app.run_polling()


if __name__ == "__main__":
    main()
