import os

from telegram.ext import CommandHandler, Updater

TOKEN = os.environ["TOKEN"]
PORT = os.environ.get("PORT", "5000")
HOST = os.environ.get("PUBLIC_HOST", "my-bot.herokuapp.com")


def start(update, context):
    update.message.reply_text("Hi!")


def main():
    updater = Updater(TOKEN, use_context=True)
    updater.dispatcher.add_handler(CommandHandler("start", start))
    updater.start_webhook(listen="0.0.0.0", port=int(PORT), url_path=TOKEN,
                          webhook_url=f"https://{HOST}:{PORT}/{TOKEN}")
    updater.idle()


if __name__ == "__main__":
    main()
