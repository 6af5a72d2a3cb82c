import threading

from django.apps import AppConfig


class BotConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "bot"

    def ready(self):
        # Start the Telegram bot next to the web app.
        from .telegram import run_polling

        threading.Thread(target=run_polling, daemon=True, name="telegram-bot").start()
