import os

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Hi! Use /remind in the team chat.")


def main() -> None:
    application = Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).build()
    application.add_handler(CommandHandler("start", start))
    application.run_webhook(
        listen="0.0.0.0",
        port=int(os.environ.get("PORT", "10000")),
        url_path="telegram",
        secret_token=os.environ["WEBHOOK_SECRET"],
        webhook_url=os.environ["RENDER_EXTERNAL_URL"] + "/telegram",
    )


if __name__ == "__main__":
    main()
