import logging

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from config import BOT_TOKEN

logger = logging.getLogger(__name__)


async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Клиентская поддержка: ваш вопрос принят")


if __name__ == "__main__":
    app = Application.builder().token(BOT_TOKEN).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_message))
    app.run_polling()
