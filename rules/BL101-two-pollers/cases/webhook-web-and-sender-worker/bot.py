import os

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

TOKEN = os.environ["BOT_TOKEN"]
WEBHOOK_URL = os.getenv("WEBHOOK_URL")
PORT = int(os.getenv("PORT", "8443"))


async def remind(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Reminder saved")


def main() -> None:
    app = Application.builder().token(TOKEN).build()
    app.add_handler(CommandHandler("remind", remind))
    if WEBHOOK_URL:
        app.run_webhook(listen="0.0.0.0", port=PORT, url_path="telegram", webhook_url=WEBHOOK_URL,
                        secret_token=os.environ["WEBHOOK_SECRET"])
    else:
        # Local development without a public URL.
        app.run_polling()


if __name__ == "__main__":
    main()
